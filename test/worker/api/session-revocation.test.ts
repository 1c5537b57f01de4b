// Security: a new password or disabling a user ends the sessions opened before it, at once, including
// ones this isolate's principal cache already holds.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { get, PASSWORD, seedTenant, send, signIn, type Tenant } from "./fixtures";

useTestDatabase();

let acme: Tenant;
beforeAll(async () => {
  acme = await seedTenant("revoke");
});

const NEW_PASSWORD = "a brand new passphrase";

describe("sessions end when the password changes", () => {
  it("signs out the user's sessions opened before an admin sets a new password", async () => {
    const admin = await signIn(acme.users.admin.email, "10.6.0.1");
    const before = await signIn(acme.users.operator.email, "10.6.0.2");
    // Cached in this isolate by the first request: revocation must not wait for the cache to expire.
    expect((await get("/api/auth/me", "10.6.0.2", { cookie: before })).status).toBe(200);
    const patch = await send(
      "PATCH",
      `/api/users/${acme.users.operator.id}`,
      { password: NEW_PASSWORD },
      "10.6.0.1",
      { cookie: admin },
    );
    expect(patch.status).toBe(200);
    expect((await get("/api/auth/me", "10.6.0.2", { cookie: before })).status).toBe(401);
    const oldPassword = await send(
      "POST",
      "/api/auth/login",
      { email: acme.users.operator.email, password: PASSWORD },
      "10.6.0.2",
    );
    expect(oldPassword.status).toBe(401);
    const newPassword = await send(
      "POST",
      "/api/auth/login",
      { email: acme.users.operator.email, password: NEW_PASSWORD },
      "10.6.0.2",
    );
    expect(newPassword.status).toBe(200);
  });

  it("keeps the session of an admin who changes their own password and ends their others", async () => {
    const current = await signIn(acme.users.admin.email, "10.6.0.3");
    const other = await signIn(acme.users.admin.email, "10.6.0.4");
    expect((await get("/api/auth/me", "10.6.0.4", { cookie: other })).status).toBe(200);
    const patch = await send(
      "PATCH",
      `/api/users/${acme.users.admin.id}`,
      { password: NEW_PASSWORD },
      "10.6.0.3",
      { cookie: current },
    );
    expect(patch.status).toBe(200);
    expect((await get("/api/auth/me", "10.6.0.3", { cookie: current })).status).toBe(200);
    expect((await get("/api/auth/me", "10.6.0.4", { cookie: other })).status).toBe(401);
  });

  it("a name change leaves sessions alone", async () => {
    const admin = await signIn(acme.users.admin.email, "10.6.0.5", NEW_PASSWORD);
    const viewer = await signIn(acme.users.viewer.email, "10.6.0.6");
    const patch = await send("PATCH", `/api/users/${acme.users.viewer.id}`, { name: "Renamed" }, "10.6.0.5", {
      cookie: admin,
    });
    expect(patch.status).toBe(200);
    expect((await get("/api/auth/me", "10.6.0.6", { cookie: viewer })).status).toBe(200);
  });
});

describe("sessions end when the user is disabled", () => {
  it("re-enabling the user does not bring the old session back", async () => {
    const admin = await signIn(acme.users.admin.email, "10.6.1.1", NEW_PASSWORD);
    const viewer = await signIn(acme.users.viewer.email, "10.6.1.2");
    expect((await get("/api/auth/me", "10.6.1.2", { cookie: viewer })).status).toBe(200);
    const path = `/api/users/${acme.users.viewer.id}`;
    expect((await send("PATCH", path, { disabled: true }, "10.6.1.1", { cookie: admin })).status).toBe(200);
    expect((await get("/api/auth/me", "10.6.1.2", { cookie: viewer })).status).toBe(401);
    expect((await send("PATCH", path, { disabled: false }, "10.6.1.1", { cookie: admin })).status).toBe(200);
    expect((await get("/api/auth/me", "10.6.1.2", { cookie: viewer })).status).toBe(401);
    expect(
      (await get("/api/auth/me", "10.6.1.2", { cookie: await signIn(acme.users.viewer.email, "10.6.1.2") }))
        .status,
    ).toBe(200);
  });
});

// Settings → Users through the Worker: an admin invites a user without choosing a password, gets an initial
// password once, and the invitee signs in with it; a disabled user's session ends at once.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, get, seedTenant, send, signIn, type Tenant } from "./fixtures";

useTestDatabase();

const ip = distinctIps(19);
let acme: Tenant;
let admin: string;

beforeAll(async () => {
  acme = await seedTenant("acme");
  admin = await signIn(acme.users.admin.email, ip());
});

describe("inviting a user", () => {
  it("makes an initial password, shows it once, and the invitee signs in with it", async () => {
    const email = `new-${acme.slug}@example.test`;
    const response = await send("POST", "/api/users", { email, name: "New", role: "operator" }, ip(), {
      cookie: admin,
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; role: string; initialPassword?: string };
    expect(created.role).toBe("operator");
    expect(created.initialPassword).toMatch(/^[2-9a-zA-Z]{16}$/);
    const cookie = await signIn(email, ip(), created.initialPassword);
    expect((await get("/api/auth/me", ip(), { cookie })).status).toBe(200);
    const list = await (await get("/api/users", ip(), { cookie: admin })).text();
    expect(list).not.toContain(created.initialPassword as string);
  });

  it("answers no initial password when the admin chose one", async () => {
    const body = {
      email: `chosen-${acme.slug}@example.test`,
      role: "viewer",
      password: "a long chosen password",
    };
    const created = (await (
      await send("POST", "/api/users", body, ip(), { cookie: admin })
    ).json()) as object;
    expect(created).not.toHaveProperty("initialPassword");
  });

  it("ends a disabled user's session at once", async () => {
    const viewer = await signIn(acme.users.viewer.email, ip());
    expect((await get("/api/auth/me", ip(), { cookie: viewer })).status).toBe(200);
    const disabled = await send("PATCH", `/api/users/${acme.users.viewer.id}`, { disabled: true }, ip(), {
      cookie: admin,
    });
    expect(disabled.status).toBe(200);
    expect((await get("/api/auth/me", ip(), { cookie: viewer })).status).toBe(401);
  });

  it("refuses an admin disabling or demoting themselves, naming the field they sent", async () => {
    const self = `/api/users/${acme.users.admin.id}`;
    for (const [change, field] of [
      [{ disabled: true }, "disabled"],
      [{ role: "viewer" }, "role"],
    ] as const) {
      const refused = await send("PATCH", self, change, ip(), { cookie: admin });
      expect(refused.status).toBe(400);
      const { error } = (await refused.json()) as { error: { field: string; reason: string } };
      expect({ field: error.field, reason: error.reason }).toEqual({ field, reason: "self" });
    }
    expect((await get("/api/auth/me", ip(), { cookie: admin })).status).toBe(200);
  });
});

// Security: an admin API key cannot make itself an admin session, and through it an admin key, by any
// path: no admin user created, no user raised to admin, no admin's password set; a signed-in admin can.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { type ErrorBody, get, seedTenant, send, signIn, type Tenant } from "./fixtures";

useTestDatabase();

const IP = "10.7.0.1";
const PASSWORD = "long enough password";

let acme: Tenant;
let adminSession: string;
let adminKey: string;
beforeAll(async () => {
  acme = await seedTenant("escalate");
  adminSession = await signIn(acme.users.admin.email, IP);
  const created = await send("POST", "/api/api-keys", { name: "automation", role: "admin" }, IP, {
    cookie: adminSession,
  });
  expect(created.status).toBe(201);
  adminKey = ((await created.json()) as { key: string }).key;
});

async function expectForbidden(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(((await response.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
}

const login = (email: string, password: string) => send("POST", "/api/auth/login", { email, password }, IP);

describe("an admin API key", () => {
  it("cannot create an admin user, so nobody can sign in as one", async () => {
    const body = { email: "sleeper@escalate.test", name: "Sleeper", role: "admin", password: PASSWORD };
    await expectForbidden(await send("POST", "/api/users", body, IP, { apiKey: adminKey }));
    expect((await login(body.email, PASSWORD)).status).toBe(401);
  });

  it("cannot raise a user it created to admin", async () => {
    const body = { email: "helper@escalate.test", name: "Helper", role: "operator", password: PASSWORD };
    const created = await send("POST", "/api/users", body, IP, { apiKey: adminKey });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expectForbidden(
      await send("PATCH", `/api/users/${id}`, { role: "admin" }, IP, { apiKey: adminKey }),
    );
    const cookie = await signIn(body.email, IP, PASSWORD);
    const me = (await (await get("/api/auth/me", IP, { cookie })).json()) as { role: string };
    expect(me.role).toBe("operator");
    await expectForbidden(await send("POST", "/api/api-keys", { name: "x", role: "admin" }, IP, { cookie }));
  });

  it("cannot set an admin's password, disable or rename an admin", async () => {
    const path = `/api/users/${acme.users.admin.id}`;
    await expectForbidden(await send("PATCH", path, { password: PASSWORD }, IP, { apiKey: adminKey }));
    expect((await login(acme.users.admin.email, PASSWORD)).status).toBe(401);
    await expectForbidden(await send("PATCH", path, { disabled: true }, IP, { apiKey: adminKey }));
    await expectForbidden(await send("PATCH", path, { name: "Mallory" }, IP, { apiKey: adminKey }));
    // The admin's session survived: nothing was changed.
    expect((await get("/api/auth/me", IP, { cookie: adminSession })).status).toBe(200);
  });

  it("cannot create an admin key", async () => {
    await expectForbidden(
      await send("POST", "/api/api-keys", { name: "twin", role: "admin" }, IP, { apiKey: adminKey }),
    );
  });

  it("still manages non-admin users: a viewer's password, a missing user is 404", async () => {
    const path = `/api/users/${acme.users.viewer.id}`;
    expect((await send("PATCH", path, { password: PASSWORD }, IP, { apiKey: adminKey })).status).toBe(200);
    expect((await login(acme.users.viewer.email, PASSWORD)).status).toBe(200);
    const missing = await send("PATCH", `/api/users/${crypto.randomUUID()}`, { name: "x" }, IP, {
      apiKey: adminKey,
    });
    expect(missing.status).toBe(404);
  });
});

describe("a signed-in admin", () => {
  it("creates an admin user and raises an operator to admin", async () => {
    const body = { email: "deputy@escalate.test", name: "Deputy", role: "admin", password: PASSWORD };
    expect((await send("POST", "/api/users", body, IP, { cookie: adminSession })).status).toBe(201);
    const patch = await send("PATCH", `/api/users/${acme.users.operator.id}`, { role: "admin" }, IP, {
      cookie: adminSession,
    });
    expect(patch.status).toBe(200);
    expect(((await patch.json()) as { role: string }).role).toBe("admin");
  });
});

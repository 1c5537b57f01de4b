// Auth through the Worker: login sets a safe session cookie, me/logout, API keys shown once and
// revocable, role checks, and that one organization's credentials never reach another's data.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { type ErrorBody, get, PASSWORD, seedTenant, send, signIn, type Tenant } from "./fixtures";

useTestDatabase();

let acme: Tenant;
let globex: Tenant;
beforeAll(async () => {
  acme = await seedTenant("acme");
  globex = await seedTenant("globex");
});

describe("login and session", () => {
  it("sets an HttpOnly, Secure, SameSite=Lax cookie and answers me", async () => {
    const response = await send(
      "POST",
      "/api/auth/login",
      { email: acme.users.admin.email, password: PASSWORD },
      "10.5.0.1",
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^mi_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    const me = await get("/api/auth/me", "10.5.0.1", { cookie: cookie.split(";")[0] });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { role: string; organization: { id: string }; user: { email: string } };
    expect(body.role).toBe("admin");
    expect(body.organization.id).toBe(acme.orgId);
    expect(body.user.email).toBe(acme.users.admin.email);
  });

  it("accepts the email in any case", async () => {
    const response = await send(
      "POST",
      "/api/auth/login",
      { email: acme.users.viewer.email.toUpperCase(), password: PASSWORD },
      "10.5.0.2",
    );
    expect(response.status).toBe(200);
  });

  it("refuses a wrong password and an unknown email with the same 401", async () => {
    const wrong = await send(
      "POST",
      "/api/auth/login",
      { email: acme.users.admin.email, password: "nope" },
      "10.5.0.3",
    );
    const unknown = await send(
      "POST",
      "/api/auth/login",
      { email: "ghost@nowhere.test", password: "nope" },
      "10.5.0.3",
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as ErrorBody).error.message).toBe(
      ((await unknown.json()) as ErrorBody).error.message,
    );
  });

  it("names the invalid field in a 400", async () => {
    const response = await send(
      "POST",
      "/api/auth/login",
      { email: "not-an-email", password: "x" },
      "10.5.0.4",
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/^email:/);
  });

  it("answers 401 without credentials and with a forged cookie", async () => {
    expect((await get("/api/auth/me", "10.5.0.5")).status).toBe(401);
    const forged = await get("/api/auth/me", "10.5.0.5", { cookie: "mi_session=abc.def" });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as ErrorBody).error.code).toBe("UNAUTHORIZED");
  });

  it("ends the session on logout", async () => {
    const cookie = await signIn(acme.users.viewer.email, "10.5.0.6");
    expect((await get("/api/auth/me", "10.5.0.6", { cookie })).status).toBe(200);
    const logout = await send("POST", "/api/auth/logout", undefined, "10.5.0.6", { cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("Set-Cookie")).toMatch(/mi_session=;/);
    expect((await get("/api/auth/me", "10.5.0.6", { cookie })).status).toBe(401);
  });
});

describe("API keys", () => {
  it("shows a new key once, stores it hashed, authenticates with it and stops after revocation", async () => {
    const cookie = await signIn(acme.users.admin.email, "10.5.1.1");
    const created = await send("POST", "/api/api-keys", { name: "ERP import", role: "viewer" }, "10.5.1.1", {
      cookie,
    });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; key: string; prefix: string };
    expect(key.key).toMatch(/^mic_/);
    expect(key.key.startsWith(key.prefix)).toBe(true);

    const list = await get("/api/api-keys", "10.5.1.1", { cookie });
    const listed = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(listed.items).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(key.key);

    const me = await get("/api/auth/me", "10.5.1.2", { apiKey: key.key });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { via: string; role: string }).role).toBe("viewer");

    const revoked = await send("DELETE", `/api/api-keys/${key.id}`, undefined, "10.5.1.1", { cookie });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect((await get("/api/auth/me", "10.5.1.2", { apiKey: key.key })).status).toBe(401);
  });

  it("is admin-only: a viewer gets 403, an unknown key 401", async () => {
    const cookie = await signIn(acme.users.viewer.email, "10.5.1.3");
    const response = await send("POST", "/api/api-keys", { name: "x" }, "10.5.1.3", { cookie });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
    expect(
      (await get("/api/auth/me", "10.5.1.3", { apiKey: "mic_0000000000000000000000000000" })).status,
    ).toBe(401);
  });

  it("validates the request: missing name is a 400 naming the field", async () => {
    const cookie = await signIn(acme.users.admin.email, "10.5.1.4");
    const response = await send("POST", "/api/api-keys", { role: "viewer" }, "10.5.1.4", { cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^name:/);
  });

  it("cannot revoke another organization's key", async () => {
    const acmeAdmin = await signIn(acme.users.admin.email, "10.5.1.5");
    const globexAdmin = await signIn(globex.users.admin.email, "10.5.1.5");
    const created = await send("POST", "/api/api-keys", { name: "globex key" }, "10.5.1.5", {
      cookie: globexAdmin,
    });
    const key = (await created.json()) as { id: string; key: string };
    const attempt = await send("DELETE", `/api/api-keys/${key.id}`, undefined, "10.5.1.5", {
      cookie: acmeAdmin,
    });
    expect(attempt.status).toBe(404);
    const acmeList = (await (await get("/api/api-keys", "10.5.1.5", { cookie: acmeAdmin })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(acmeList.items.map((item) => item.id)).not.toContain(key.id);
    expect((await get("/api/auth/me", "10.5.1.6", { apiKey: key.key })).status).toBe(200);
  });
});

describe("users and settings", () => {
  it("lets an admin add a user who can then sign in, and refuses a duplicate email with 409", async () => {
    const cookie = await signIn(acme.users.admin.email, "10.5.2.1");
    const body = {
      email: "new.buyer@acme.test",
      name: "Buyer",
      role: "operator",
      password: "long enough password",
    };
    const created = await send("POST", "/api/users", body, "10.5.2.1", { cookie });
    expect(created.status).toBe(201);
    const again = await send("POST", "/api/users", body, "10.5.2.1", { cookie });
    expect(again.status).toBe(409);
    const login = await send(
      "POST",
      "/api/auth/login",
      { email: body.email, password: body.password },
      "10.5.2.1",
    );
    expect(login.status).toBe(200);
  });

  it("lists only the caller's organization's users and hides password hashes", async () => {
    const cookie = await signIn(globex.users.admin.email, "10.5.2.2");
    const response = await get("/api/users", "10.5.2.2", { cookie });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain(globex.users.viewer.email);
    expect(text).not.toContain(acme.users.viewer.email);
    expect(text).not.toContain("pbkdf2");
  });

  it("refuses users management to an operator", async () => {
    const cookie = await signIn(acme.users.operator.email, "10.5.2.3");
    expect((await get("/api/users", "10.5.2.3", { cookie })).status).toBe(403);
  });

  it("disabling a user ends their access", async () => {
    const admin = await signIn(globex.users.admin.email, "10.5.2.4");
    const viewer = await signIn(globex.users.viewer.email, "10.5.2.4");
    const patch = await send(
      "PATCH",
      `/api/users/${globex.users.viewer.id}`,
      { disabled: true },
      "10.5.2.4",
      { cookie: admin },
    );
    expect(patch.status).toBe(200);
    expect((await get("/api/auth/me", "10.5.2.4", { cookie: viewer })).status).toBe(401);
  });

  it("changes thresholds (admin), rejects unordered ones naming the field, and refuses a viewer", async () => {
    const admin = await signIn(acme.users.admin.email, "10.5.2.5");
    const ok = await send("PATCH", "/api/settings", { criticalMax: 3, lowMax: 10 }, "10.5.2.5", {
      cookie: admin,
    });
    expect(ok.status).toBe(200);
    const settings = (await ok.json()) as { criticalMax: number; lowMax: number; dataVersion: number };
    expect(settings).toMatchObject({ criticalMax: 3, lowMax: 10 });
    const bad = await send("PATCH", "/api/settings", { lowMax: 500 }, "10.5.2.5", { cookie: admin });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/^lowMax:/);
    const viewer = await signIn(acme.users.viewer.email, "10.5.2.5");
    expect(
      (await send("PATCH", "/api/settings", { lowMax: 11 }, "10.5.2.5", { cookie: viewer })).status,
    ).toBe(403);
    const read = (await (await get("/api/settings", "10.5.2.5", { cookie: viewer })).json()) as {
      lowMax: number;
    };
    expect(read.lowMax).toBe(10);
  });

  it("enforces the organization's IP allowlist", async () => {
    const tenant = await seedTenant("fenced", { ipAllowlist: ["192.0.2.10"] });
    const inside = await signIn(tenant.users.viewer.email, "192.0.2.10");
    expect((await get("/api/auth/me", "192.0.2.10", { cookie: inside })).status).toBe(200);
    const outside = await get("/api/auth/me", "192.0.2.99", { cookie: inside });
    expect(outside.status).toBe(403);
  });

  it("refuses an allowlist that leaves out the admin's own address (a lock-out) or repeats one", async () => {
    const tenant = await seedTenant("fencing");
    const admin = await signIn(tenant.users.admin.email, "198.51.100.7");
    const patch = (ipAllowlist: string[]) =>
      send("PATCH", "/api/settings", { ipAllowlist }, "198.51.100.7", { cookie: admin });
    const lockOut = await patch(["203.0.113.7"]);
    expect(lockOut.status).toBe(400);
    const { error } = (await lockOut.json()) as ErrorBody & { error: { field?: string; reason?: string } };
    expect(error.message).toBe(
      "ipAllowlist: must include your own address (198.51.100.7), or this change would lock you out",
    );
    expect({ field: error.field, reason: error.reason }).toEqual({ field: "ipAllowlist", reason: "self" });
    const twice = await patch(["198.51.100.7", "198.51.100.7"]);
    expect(twice.status).toBe(400);
    // Nothing changed: the admin still gets in, from anywhere.
    expect((await get("/api/auth/me", "203.0.113.99", { cookie: admin })).status).toBe(200);
    const fenced = await patch(["198.51.100.7", "203.0.113.7"]);
    expect(fenced.status).toBe(200);
    expect((await get("/api/auth/me", "198.51.100.7", { cookie: admin })).status).toBe(200);
    expect((await get("/api/auth/me", "203.0.113.99", { cookie: admin })).status).toBe(403);
  });
});

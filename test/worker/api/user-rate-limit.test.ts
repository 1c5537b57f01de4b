// Who a request is counted against: a signed-in user has their own limit (300 a minute), so a seller
// clicking through the dashboard never meets the per-IP 60 meant for callers who have not proven who they
// are; credentials that fail count against the address.
//
// Window-independent, as test/worker/foundation/rate-limit.test.ts: the local bindings count in fixed 60 s
// windows, so a run straddling a boundary may pass up to twice a limit before the first refusal; each test
// asserts only what holds in every alignment.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, type ErrorBody, get, seedTenant, send, signIn } from "./fixtures";

useTestDatabase();

const ip = distinctIps(194);
const IP_LIMIT = 60;

describe("rate limits by caller", () => {
  it("counts a signed-in user's dashboard calls against the user, not the address", async () => {
    const tenant = await seedTenant("user-limit");
    const office = ip();
    const cookie = await signIn(tenant.users.viewer.email, office);
    // More than the address could pass in two windows: the per-IP limiter would have refused by now.
    for (let call = 0; call < 2 * IP_LIMIT + 10; call++) {
      const response = await get("/api/auth/me", office, { cookie });
      expect(response.status, `call ${call + 1}`).toBe(200);
      expect(response.headers.get("RateLimit-Policy")).toBe("300;w=60");
      await response.body?.cancel();
    }
  });

  it("refuses a user past their own 300 a minute, with that policy; a colleague at the same address goes on", async () => {
    const tenant = await seedTenant("user-limit-spent");
    const office = ip();
    const cookie = await signIn(tenant.users.operator.email, office);
    const colleague = await signIn(tenant.users.admin.email, office);

    let refused: Response | undefined;
    for (let attempt = 0; attempt < 2 && !refused; attempt++) {
      let accepted = 0;
      const key = `user:${tenant.users.operator.id}`;
      while ((await env.USER_RATE_LIMITER.limit({ key })).success) accepted++;
      expect(accepted).toBeLessThanOrEqual(300);
      const response = await get("/api/auth/me", office, { cookie });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    if (!refused) throw new Error("the user limiter never refused");
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.message).toContain("This user");
    expect(refused.headers.get("RateLimit-Policy")).toBe("300;w=60");
    expect(refused.headers.get("RateLimit")).toBe("limit=300, remaining=0, reset=60");
    expect(refused.headers.get("Retry-After")).toBe("60");

    expect((await get("/api/auth/me", office, { cookie: colleague })).status).toBe(200);
  });

  it("counts refused credentials against the address, 60 a minute", async () => {
    const prober = ip();
    let unauthorized = 0;
    let refused: Response | undefined;
    while (unauthorized <= 2 * IP_LIMIT) {
      const response = await get("/api/auth/me", prober, { cookie: "mi_session=not-a-session" });
      if (response.status === 429) {
        refused = response;
        break;
      }
      expect(response.status).toBe(401);
      await response.body?.cancel();
      unauthorized++;
    }
    expect(unauthorized).toBeGreaterThanOrEqual(IP_LIMIT - 1);
    if (!refused) throw new Error(`no 429 after ${unauthorized} refused credentials`);
    expect(refused.headers.get("RateLimit-Policy")).toBe("60;w=60");
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.message).toContain("This address");
  });

  it("makes an address refused in the last minute pay for its lookups first: spent, no key is looked up", async () => {
    const tenant = await seedTenant("lookup-first");
    const cookie = await signIn(tenant.users.admin.email, ip());
    // Keys never used yet: not in the isolate's principal cache, so each would need a database lookup.
    const keys: string[] = [];
    for (const name of ["first", "second"]) {
      const created = await send("POST", "/api/api-keys", { name, role: "viewer" }, ip(), { cookie });
      expect(created.status).toBe(201);
      keys.push(((await created.json()) as { key: string }).key);
    }
    const prober = ip();
    const bogus = `mic_${"x".repeat(43)}`;
    const unknown = await get("/api/auth/me", prober, { apiKey: bogus });
    expect(unknown.status).toBe(401);

    let refused: Response | undefined;
    for (const key of keys) {
      while ((await env.IP_RATE_LIMITER.limit({ key: `ip:${prober}` })).success);
      const response = await get("/api/auth/me", prober, { apiKey: key });
      if (response.status === 429) {
        refused = response;
        break;
      }
      // A window ended between spending and asking: the address had requests again. Try the other key.
      expect(response.status).toBe(200);
    }
    if (!refused) throw new Error("the address's lookups were never refused");
    expect(((await refused.json()) as ErrorBody).error.message).toContain("This address");
    expect(refused.headers.get("RateLimit-Policy")).toBe("60;w=60");
    // The key itself is good: from an address with nothing refused it is looked up and answered.
    expect((await get("/api/auth/me", ip(), { apiKey: keys[1] as string })).status).toBe(200);
  });
});

// A 429 from the per-API-key limiter carries that key's own policy (RateLimit-Policy: 600;w=60), not the
// per-IP one the middleware around it sets on every other answer.
//
// Cheap and window-independent: the test spends the key's 600 requests straight on the real
// API_KEY_RATE_LIMITER binding, under the same key the middleware uses (`key:<id>`), until the binding
// itself refuses; the next request through the Worker must then be refused by the key limiter. The local
// binding counts in fixed 60 s windows, so should a window end between the two, the bucket is empty again
// and the request passes: the test then fills the new window and asks again (at most twice).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, type ErrorBody, get, seedTenant, send, signIn } from "./fixtures";

useTestDatabase();

const ip = distinctIps(46);

/** Counts requests for the key on the binding until it refuses one; returns how many it accepted. */
async function spendKeyLimit(apiKeyId: string): Promise<number> {
  let accepted = 0;
  while ((await env.API_KEY_RATE_LIMITER.limit({ key: `key:${apiKeyId}` })).success) accepted++;
  return accepted;
}

describe("per-API-key rate limit", () => {
  it("answers 429 with the key's own RateLimit-Policy once the key's requests are spent", async () => {
    const tenant = await seedTenant("key-limit");
    const cookie = await signIn(tenant.users.admin.email, ip());
    const created = await send("POST", "/api/api-keys", { name: "busy", role: "viewer" }, ip(), { cookie });
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: string; key: string };

    let refused: Response | undefined;
    for (let attempt = 0; attempt < 2 && !refused; attempt++) {
      expect(await spendKeyLimit(id)).toBeLessThanOrEqual(600);
      const response = await get("/api/auth/me", ip(), { apiKey: key });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    if (!refused) throw new Error("the key limiter never refused");
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.message).toContain("API key");
    expect(refused.headers.get("RateLimit-Policy")).toBe("600;w=60");
    expect(refused.headers.get("RateLimit")).toBe("limit=600, remaining=0, reset=60");
    expect(refused.headers.get("Retry-After")).toBe("60");

    // The limit belongs to the key: the same user signed in is not refused.
    expect((await get("/api/auth/me", ip(), { cookie })).status).toBe(200);
  });
});

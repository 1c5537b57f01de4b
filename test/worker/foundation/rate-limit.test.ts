// The per-IP limit on /api through the real `ratelimits` binding: 60 requests a minute, then 429 with
// Retry-After, while another address is unaffected.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";

useTestDatabase();

function fromIp(ip: string): Promise<Response> {
  return SELF.fetch("http://edge.test/api/openapi.json", { headers: { "CF-Connecting-IP": ip } });
}

describe("per-IP rate limit", () => {
  it("refuses the 61st request in a minute from one IP with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await fromIp("198.51.100.7")).status);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const refused = await fromIp("198.51.100.7");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(refused.headers.get("RateLimit-Policy")).toBe("60;w=60");
    const body = (await refused.json()) as { error: { code: string } };
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");

    expect((await fromIp("198.51.100.8")).status).toBe(200);
  });
});

// The per-IP limit on /api through the real `ratelimits` binding: 60 requests a minute, then 429 with
// Retry-After, while another address is unaffected.
//
// The local binding counts in fixed 60 s windows (miniflare resets its buckets when
// floor(now / 60 s) changes), so a run that straddles a boundary legitimately passes up to 120 requests
// before the first refusal. The test therefore never assumes where the window starts: it asserts what holds
// in every window alignment — at least 60 pass, the first refusal comes by the 121st request, and it has
// the documented shape. A 60 s test timeout bounds the run to at most two windows.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";

useTestDatabase();

const LIMIT = 60;

function fromIp(ip: string): Promise<Response> {
  return SELF.fetch("http://edge.test/api/openapi.json", { headers: { "CF-Connecting-IP": ip } });
}

describe("per-IP rate limit", () => {
  it("refuses an IP after its 60 requests in a window with 429 and Retry-After", async () => {
    let passed = 0;
    let refused: Response | undefined;
    while (passed <= 2 * LIMIT) {
      const response = await fromIp("198.51.100.7");
      if (response.status === 429) {
        refused = response;
        break;
      }
      expect(response.status).toBe(200);
      await response.body?.cancel();
      passed++;
    }

    expect(passed).toBeGreaterThanOrEqual(LIMIT);
    expect(passed).toBeLessThanOrEqual(2 * LIMIT);
    if (!refused) throw new Error(`no 429 after ${passed} requests`);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(refused.headers.get("RateLimit-Policy")).toBe("60;w=60");
    expect(refused.headers.get("RateLimit")).toBe("limit=60, remaining=0, reset=60");
    const body = (await refused.json()) as { error: { code: string } };
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");

    expect((await fromIp("198.51.100.8")).status).toBe(200);
  });
});

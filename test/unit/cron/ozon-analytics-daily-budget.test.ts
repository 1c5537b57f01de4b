// Ozon /v1/analytics/data allows 50 requests a day without Premium Plus: the adapter books each call in a daily
// budget beside the per-minute one, so the 51st of a day is a retryable wait (the page comes back later), not a
// call the vendor would refuse. The clock is the test's own: waits are advanced, never slept.
import { describe, expect, it } from "vitest";
import type { PageContext } from "../../../cron/adapters/adapter";
import { ozonAnalyticsDataV1 } from "../../../cron/adapters/ozon/analytics-data-v1";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { marketplaceError } from "./stub-vendor";

describe("Ozon /v1/analytics/data daily budget", () => {
  it("makes 50 calls in a day, then throws the 51st as a retryable wait until the day's first slot frees", async () => {
    let clock = Date.parse("2026-12-06T00:00:00Z");
    let calls = 0;
    const client = new MarketplaceClient({
      gate: new MemoryRequestGate(() => clock),
      fetch: (async () => {
        calls++;
        return new Response(JSON.stringify({ result: { data: [], totals: [] } }), { status: 200 });
      }) as unknown as typeof fetch,
      sleep: async (ms) => {
        clock += ms;
      },
      maxInlineWaitMs: 120_000,
    });
    const context: PageContext = {
      client,
      credentials: { ozon: { clientId: "1001", apiKey: "k" } },
      baseUrl: "http://ozon.test",
      rateScale: 1,
      runKind: "full",
    };
    const cursor = ozonAnalyticsDataV1.firstCursor({ kind: "full", watermark: null, nowMs: clock });
    const started = clock;
    for (let i = 0; i < 50; i++) await ozonAnalyticsDataV1.fetchPage(context, cursor);
    expect(calls).toBe(50);
    const error = await marketplaceError(() => ozonAnalyticsDataV1.fetchPage(context, cursor));
    expect(calls).toBe(50);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryable).toBe(true);
    // The first of the 50 frees a day after it was booked.
    expect(clock + (error.retryAfterMs ?? 0)).toBeGreaterThanOrEqual(started + 86_400_000);
  });
});

// The alerts' pure rules: episode transitions (once per episode), webhook signatures with their replay window,
// the message texts in both languages, quiet hours and the retry policy.
import { describe, expect, it } from "vitest";
import { episodeTransitions } from "../../../worker/alerts/episodes";
import { quietSecondsLeft } from "../../../worker/alerts/quiet-hours";
import { backoffSeconds, outcomeOfStatus } from "../../../worker/alerts/send-outcome";
import { signWebhook, verifyWebhook } from "../../../worker/alerts/signature";
import { alertText, MAX_LISTED } from "../../../worker/alerts/texts";

describe("episodes", () => {
  it("opens on a start, stays quiet while the condition lasts, closes when it ends and opens again on return", () => {
    expect(episodeTransitions([], ["1", "2", "3"])).toEqual({ opened: ["1", "2", "3"], closed: [] });
    expect(episodeTransitions(["1", "2", "3"], ["1", "2", "3"])).toEqual({ opened: [], closed: [] });
    expect(episodeTransitions(["1", "2", "3"], ["2"])).toEqual({ opened: [], closed: ["1", "3"] });
    expect(episodeTransitions(["2"], ["1", "2"])).toEqual({ opened: ["1"], closed: [] });
  });
});

describe("webhook signature", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ id: "d1", rule: "run_failed", text: "Sync failed" });

  it("verifies what it signed, within the replay window", async () => {
    const signature = await signWebhook(secret, 1_700_000_000, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    const headers = { signature, timestamp: "1700000000" };
    expect(await verifyWebhook(secret, headers, body, 1_700_000_000)).toBeNull();
    expect(await verifyWebhook(secret, headers, body, 1_700_000_300)).toBeNull();
  });

  it("refuses an altered body, another secret, a replay after the window, and missing headers", async () => {
    const signature = await signWebhook(secret, 1_700_000_000, body);
    const headers = { signature, timestamp: "1700000000" };
    expect(await verifyWebhook(secret, headers, body.replace("failed", "ok"), 1_700_000_000)).toBe(
      "bad-signature",
    );
    expect(await verifyWebhook("other", headers, body, 1_700_000_000)).toBe("bad-signature");
    expect(await verifyWebhook(secret, { ...headers, timestamp: "1700000001" }, body, 1_700_000_000)).toBe(
      "bad-signature",
    );
    expect(await verifyWebhook(secret, headers, body, 1_700_000_301)).toBe("stale-timestamp");
    expect(await verifyWebhook(secret, { signature, timestamp: null }, body, 1_700_000_000)).toBe(
      "missing-headers",
    );
  });
});

describe("alert texts", () => {
  const product = (n: number) => ({ productId: n, article: `A-${n}`, name: `Product ${n}`, available: n });

  it("lists the critical products in one message, in Russian and English", () => {
    const payload = { rule: "product_critical" as const, runId: "r", products: [1, 2, 3].map(product) };
    expect(alertText(payload, "en")).toBe(
      "Critical stock: 3 products\n• A-1 Product 1: available 1\n• A-2 Product 2: available 2\n• A-3 Product 3: available 3",
    );
    expect(alertText(payload, "ru").split("\n")[0]).toBe("Критический остаток: 3 товара");
    expect(alertText({ ...payload, products: [product(1)] }, "ru").split("\n")[0]).toBe(
      "Критический остаток: 1 товар",
    );
    expect(alertText({ ...payload, products: [11, 12].map(product) }, "ru").split("\n")[0]).toBe(
      "Критический остаток: 2 товара",
    );
  });

  it("cuts a long list and says how many more", () => {
    const products = Array.from({ length: MAX_LISTED + 5 }, (_, i) => product(i + 1));
    const lines = alertText({ rule: "product_critical", runId: "r", products }, "en").split("\n");
    expect(lines).toHaveLength(MAX_LISTED + 2);
    expect(lines.at(-1)).toBe("…and 5 more");
  });

  it("names a failed run's account and reason, and a sunset endpoint's date and replacement", () => {
    const failed = {
      rule: "run_failed" as const,
      runId: "r",
      account: "Shop",
      marketplace: "wb",
      status: "partial" as const,
      error: "401 from WB",
    };
    expect(alertText(failed, "en")).toBe("Sync ended partially\nAccount: Shop (wb)\nReason: 401 from WB");
    expect(alertText(failed, "ru")).toBe(
      "Синхронизация завершилась частично\nКабинет: Shop (wb)\nПричина: 401 from WB",
    );
    const sunset = {
      rule: "endpoint_sunset" as const,
      runId: "r",
      account: "Shop",
      endpoints: [
        {
          adapter: "wb.v1.supplier_stocks",
          endpoint: "GET /api/v1/supplier/stocks",
          state: "switched-off" as const,
          switchOffOn: "2026-06-23",
          replacement: "wb.v1.warehouse_remains",
        },
      ],
    };
    expect(alertText(sunset, "en")).toBe(
      "API endpoint going away — Account: Shop\n• GET /api/v1/supplier/stocks: switched off on 2026-06-23; use wb.v1.warehouse_remains",
    );
  });
});

describe("quiet hours", () => {
  // 2026-12-06 20:30 UTC = 23:30 in Moscow (UTC+3).
  const at = Date.parse("2026-12-06T20:30:00Z");
  it("holds a message until the window ends, across midnight, in the organization's time zone", () => {
    const window = { timeZone: "Europe/Moscow", startHour: 22, endHour: 8 };
    expect(quietSecondsLeft(at, window)).toBe(8.5 * 3600);
    expect(quietSecondsLeft(at, { ...window, timeZone: "UTC" })).toBe(0);
    expect(quietSecondsLeft(at, { ...window, timeZone: "UTC", startHour: 20 })).toBe(11.5 * 3600);
    expect(quietSecondsLeft(at, { ...window, startHour: 9, endHour: 18 })).toBe(0);
    expect(quietSecondsLeft(at, { ...window, startHour: null })).toBe(0);
  });
});

describe("retry policy", () => {
  it("honours the receiver's retry_after, backs off on faults and gives up on refusals", () => {
    expect(outcomeOfStatus(429, "slow down", 7)).toEqual({
      kind: "retry-after",
      retryAfterSeconds: 7,
      reason: "slow down",
    });
    expect(outcomeOfStatus(502, "bad gateway").kind).toBe("transient");
    expect(outcomeOfStatus(403, "bot was blocked by the user").kind).toBe("permanent");
    expect([1, 2, 3, 10].map(backoffSeconds)).toEqual([30, 60, 120, 3600]);
  });
});

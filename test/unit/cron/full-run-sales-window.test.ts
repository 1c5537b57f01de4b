// A full run re-reads a sales feed from its watermark less the adapter's overlap, not the feed's whole history;
// a first run (no watermark) still reads the whole window the vendor keeps.
import { describe, expect, it } from "vitest";
import {
  OZON_FULL_DAYS,
  OZON_FULL_RECHECK_DAYS,
  OZON_RECHECK_DAYS,
  postingsFirstCursor,
} from "../../../cron/adapters/ozon/posting-list-paging";
import { moscowDateTime } from "../../../cron/adapters/wb/keyset";
import { WB_FULL_RECHECK_DAYS, WB_SALES_DAYS_KEPT } from "../../../cron/adapters/wb/sales-feed";
import { wbSupplierOrdersV1 } from "../../../cron/adapters/wb/supplier-orders-v1";

const DAY_MS = 86_400_000;
const nowMs = Date.parse("2026-12-06T12:00:00Z");
const watermarkMs = nowMs - 12 * 3_600_000;

describe("a full run's sales window", () => {
  it("Ozon postings: a month before the watermark, 14 days when incremental, 90 days without one", () => {
    const watermark = new Date(watermarkMs).toISOString();
    const since = (kind: "full" | "incremental", mark: string | null) =>
      Date.parse(String(postingsFirstCursor({ kind, watermark: mark, nowMs }).since));
    expect(since("full", watermark)).toBe(watermarkMs - OZON_FULL_RECHECK_DAYS * DAY_MS);
    expect(since("incremental", watermark)).toBe(watermarkMs - OZON_RECHECK_DAYS * DAY_MS);
    expect(since("full", null)).toBe(nowMs - OZON_FULL_DAYS * DAY_MS);
    // A watermark older than the window the vendor keeps: the window's start.
    expect(since("full", new Date(nowMs - 200 * DAY_MS).toISOString())).toBe(nowMs - OZON_FULL_DAYS * DAY_MS);
  });

  it("WB orders: two days before the watermark, the watermark itself when incremental, 90 days without one", () => {
    const watermark = moscowDateTime(watermarkMs);
    const from = (kind: "full" | "incremental", mark: string | null) =>
      wbSupplierOrdersV1.firstCursor({ kind, watermark: mark, nowMs }).dateFrom;
    expect(from("full", watermark)).toBe(moscowDateTime(watermarkMs - WB_FULL_RECHECK_DAYS * DAY_MS));
    expect(from("incremental", watermark)).toBe(watermark);
    expect(from("full", null)).toBe(moscowDateTime(nowMs - WB_SALES_DAYS_KEPT * DAY_MS));
    expect(from("full", moscowDateTime(nowMs - 200 * DAY_MS))).toBe(
      moscowDateTime(nowMs - WB_SALES_DAYS_KEPT * DAY_MS),
    );
  });
});

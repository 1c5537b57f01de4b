// The WB stocks report is asked for pages a queue consumer can hold: 20,000 rows, not the vendor's 250,000
// (a page is parsed whole in an isolate of 128 MB). A full page leads to the next one, overlapping by 50 rows.
import { describe, expect, it } from "vitest";
import {
  REPORT_PAGE_OVERLAP,
  wbStocksReportWbWarehouses,
} from "../../../cron/adapters/wb/stocks-report-wb-warehouses";
import { answeringContext } from "./stub-vendor";

const item = (i: number) => ({
  nmId: 1000 + i,
  chrtId: 5000 + i,
  warehouseId: 507,
  warehouseName: "Коледино",
  quantity: 1,
  inWayToClient: 0,
  inWayFromClient: 0,
});

describe("WB stocks-report paging", () => {
  it("asks 20,000 rows a page and goes on after a full one, stepping back by the overlap", async () => {
    const asked: unknown[] = [];
    const context = answeringContext("wb", (_url, body) => {
      asked.push(body);
      const { limit } = body as { limit: number };
      return { data: { items: Array.from({ length: limit }, (_, i) => item(i)) } };
    });
    const first = await wbStocksReportWbWarehouses.fetchPage(context, { offset: 0 });
    expect(asked).toEqual([{ nmIds: [], chrtIds: [], limit: 20_000, offset: 0 }]);
    expect(first.rows).toHaveLength(20_000);
    expect(first.next).toEqual({ offset: 20_000 - REPORT_PAGE_OVERLAP, repeats: REPORT_PAGE_OVERLAP });
  });

  it("keeps an account's smaller page limit, and never asks more than 20,000", async () => {
    for (const [pageLimit, limit] of [
      [500, 500],
      [250_000, 20_000],
    ]) {
      const asked: { limit: number }[] = [];
      const context = {
        ...answeringContext("wb", (_url, body) => {
          asked.push(body as { limit: number });
          return { data: { items: [] } };
        }),
        pageLimit,
      };
      const page = await wbStocksReportWbWarehouses.fetchPage(context, { offset: 0 });
      expect(asked.map((b) => b.limit)).toEqual([limit]);
      expect(page.next).toBeNull();
    }
  });
});

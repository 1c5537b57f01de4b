// Which sales adapters an account runs: the default per marketplace, a configured list checked for unknown
// ids and other marketplaces' adapters, and two feeds that count the same orders refused together.
import { describe, expect, it } from "vitest";
import { OZON_ANALYTICS_DATA_V1_ID } from "../../../cron/adapters/ozon/analytics-data-v1";
import { OZON_POSTING_FBO_V3_ID } from "../../../cron/adapters/ozon/posting-fbo-list-v3";
import { OZON_POSTING_FBS_V4_ID } from "../../../cron/adapters/ozon/posting-fbs-list-v4";
import { salesAdapterList } from "../../../cron/adapters/sales-adapters";
import { UnknownAdapterError } from "../../../cron/adapters/stock-adapters";
import { WB_SUPPLIER_ORDERS_ID } from "../../../cron/adapters/wb/supplier-orders-v1";

describe("salesAdapterList", () => {
  it("uses the marketplace default, or the configured list ([] = no sales sync)", () => {
    expect(salesAdapterList("ozon", undefined)).toEqual([OZON_POSTING_FBO_V3_ID, OZON_POSTING_FBS_V4_ID]);
    expect(salesAdapterList("ozon", [OZON_ANALYTICS_DATA_V1_ID])).toEqual([OZON_ANALYTICS_DATA_V1_ID]);
    expect(salesAdapterList("wb", [])).toEqual([]);
  });

  it("refuses unknown ids and another marketplace's adapters", () => {
    expect(() => salesAdapterList("ozon", ["ozon.v9.nothing"])).toThrow(UnknownAdapterError);
    expect(() => salesAdapterList("ozon", [WB_SUPPLIER_ORDERS_ID])).toThrow(/not an Ozon adapter/);
  });

  it("refuses the analytics feed beside the FBO or FBS postings feed, in either order, naming both", () => {
    for (const [list, postings] of [
      [[OZON_ANALYTICS_DATA_V1_ID, OZON_POSTING_FBO_V3_ID], OZON_POSTING_FBO_V3_ID],
      [[OZON_POSTING_FBO_V3_ID, OZON_ANALYTICS_DATA_V1_ID], OZON_POSTING_FBO_V3_ID],
      [[OZON_POSTING_FBS_V4_ID, OZON_ANALYTICS_DATA_V1_ID], OZON_POSTING_FBS_V4_ID],
    ] as const) {
      let error: unknown;
      try {
        salesAdapterList("ozon", [...list]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnknownAdapterError);
      expect(String((error as Error).message)).toContain(OZON_ANALYTICS_DATA_V1_ID);
      expect(String((error as Error).message)).toContain(postings);
    }
  });
});

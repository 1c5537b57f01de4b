// A 2xx answer without the envelope an Ozon adapter reads is a MarketplaceError MALFORMED_RESPONSE naming the
// endpoint (which the passes record on the run), never a plain Error that would crash the run.
import { describe, expect, it } from "vitest";
import type { PageContext } from "../../../cron/adapters/adapter";
import { ozonPostingFboListV3 } from "../../../cron/adapters/ozon/posting-fbo-list-v3";
import { ozonProductInfoStocksV4 } from "../../../cron/adapters/ozon/product-info-stocks-v4";
import { ozonStockOnWarehousesV2 } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { answeringContext, marketplaceError } from "./stub-vendor";

/** A page context whose vendor answers 200 with `body` to every request. */
const answering = (body: unknown) => answeringContext("ozon", () => body);

const cases: [string, (c: PageContext) => Promise<unknown>][] = [
  [ozonStockOnWarehousesV2.id, (c) => ozonStockOnWarehousesV2.fetchPage(c, { offset: 0 })],
  [ozonProductInfoStocksV4.id, (c) => ozonProductInfoStocksV4.fetchPage(c, { cursor: "" })],
  [
    ozonPostingFboListV3.id,
    (c) =>
      ozonPostingFboListV3.fetchPage(c, {
        since: "2026-10-01T00:00:00Z",
        to: "2026-11-01T00:00:00Z",
        cursor: "",
      }),
  ],
];

describe("Ozon adapters on a response of the wrong shape", () => {
  it.each(cases)("%s raises MALFORMED_RESPONSE", async (id, fetchPage) => {
    for (const body of [{ result: "nope" }, [1, 2], { items: "x", postings: 3, cursor: 7 }]) {
      const error = await marketplaceError(() => fetchPage(answering(body)));
      expect(error.code).toBe("MALFORMED_RESPONSE");
      expect(error.endpoint).toBe(id);
      expect(error.retryable).toBe(false);
      expect(error.message).toContain(id);
    }
  });

  it("v2 reads a well-formed empty page as the last one", async () => {
    const page = await ozonStockOnWarehousesV2.fetchPage(answering({ result: { rows: [] } }), { offset: 0 });
    expect(page).toEqual({ rows: [], next: null, notes: [] });
  });
});

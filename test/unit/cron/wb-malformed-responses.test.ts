// A 2xx answer without the shape a WB adapter reads is a MarketplaceError MALFORMED_RESPONSE naming the
// endpoint, never a plain Error, and a missing list wrapper never reads as an empty listing (that would zero stock).
import { describe, expect, it } from "vitest";
import type { PageContext } from "../../../cron/adapters/adapter";
import { wbStocksReportWbWarehouses } from "../../../cron/adapters/wb/stocks-report-wb-warehouses";
import { wbSupplierOrdersV1 } from "../../../cron/adapters/wb/supplier-orders-v1";
import { wbSupplierSalesV1 } from "../../../cron/adapters/wb/supplier-sales-v1";
import { wbSupplierStocksV1 } from "../../../cron/adapters/wb/supplier-stocks-v1";
import { wbWarehouseRemains } from "../../../cron/adapters/wb/warehouse-remains";
import { REMAINS_CALLS } from "../../../cron/adapters/wb/warehouse-remains-task";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { answeringContext, marketplaceError } from "./stub-vendor";

/** A page context whose vendor answers 200 with `body` to every request. */
const answering = (body: unknown) => answeringContext("wb", () => body);

const dateFrom = { dateFrom: "2026-10-01T00:00:00" };
const cases: [string, (c: PageContext) => Promise<unknown>][] = [
  [wbSupplierStocksV1.id, (c) => wbSupplierStocksV1.fetchPage(c, dateFrom)],
  [wbSupplierOrdersV1.id, (c) => wbSupplierOrdersV1.fetchPage(c, dateFrom)],
  [wbSupplierSalesV1.id, (c) => wbSupplierSalesV1.fetchPage(c, dateFrom)],
  [wbStocksReportWbWarehouses.id, (c) => wbStocksReportWbWarehouses.fetchPage(c, { offset: 0 })],
  [REMAINS_CALLS.create.endpoint, (c) => wbWarehouseRemains.fetchPage(c, { step: "create" })],
];

describe("WB adapters on a response of the wrong shape", () => {
  it.each(cases)("%s raises MALFORMED_RESPONSE", async (id, fetchPage) => {
    const bodies = [{ data: "nope" }, { data: {} }, { items: [] }, null, "text", { errors: 3 }];
    for (const body of bodies) {
      const error = await marketplaceError(() => fetchPage(answering(body)));
      expect(error.code).toBe("MALFORMED_RESPONSE");
      expect(error.endpoint).toBe(id);
      expect(error.retryable).toBe(false);
      expect(error.message).toContain(id);
    }
  });

  it("the stocks report without data.items is malformed, not an empty listing", async () => {
    for (const body of [{ data: {} }, { data: { rows: [] } }, { data: { items: "x" } }, []]) {
      const error = await marketplaceError(() =>
        wbStocksReportWbWarehouses.fetchPage(answering(body), { offset: 0 }),
      );
      expect(error.code).toBe("MALFORMED_RESPONSE");
    }
  });

  it("reads well-formed empty pages as the last ones", async () => {
    for (const items of [[], null]) {
      const page = await wbStocksReportWbWarehouses.fetchPage(answering({ data: { items } }), { offset: 0 });
      expect(page).toMatchObject({ rows: [], next: null });
    }
    const stocks = await wbSupplierStocksV1.fetchPage(answering([]), dateFrom);
    expect(stocks).toMatchObject({ rows: [], next: null });
  });

  it("a remains task's status and download of the wrong shape are malformed", async () => {
    const poll = { step: "poll", taskId: "t1", polls: 0 };
    const status = await marketplaceError(() =>
      wbWarehouseRemains.fetchPage(answering({ data: { status: "?" } }), poll),
    );
    expect(status).toMatchObject({ code: "MALFORMED_RESPONSE", endpoint: REMAINS_CALLS.status.endpoint });

    // Status "done", then a download that is not the array of report rows.
    let calls = 0;
    const fetchFn = (async () => {
      calls++;
      const body = calls === 1 ? { data: { id: "t1", status: "done" } } : { data: [] };
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    const context = {
      ...answering(null),
      client: new MarketplaceClient({ gate: new MemoryRequestGate(), fetch: fetchFn }),
    };
    const download = await marketplaceError(() => wbWarehouseRemains.fetchPage(context, poll));
    expect(download).toMatchObject({ code: "MALFORMED_RESPONSE", endpoint: REMAINS_CALLS.download.endpoint });
  });
});

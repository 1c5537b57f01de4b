// Ozon /v1/analytics/stocks (SKUs from /v3/product/list) against the simulator into PGlite: alone and as the
// replacement of a switched-off /v2/analytics/stock_on_warehouses, the loaded FBO stock equals the simulator's
// truth for what the endpoint reports (available, in transit; it has no reserved); paging faults and wrong shapes.
import { beforeEach, describe, expect, it } from "vitest";
import type { PageContext } from "../../../cron/adapters/adapter";
import {
  OZON_ANALYTICS_STOCKS_V1_ID,
  ozonAnalyticsStocksV1,
  SKUS_PER_CALL,
} from "../../../cron/adapters/ozon/analytics-stocks-v1";
import { OZON_PRODUCT_SKUS_V4_ID } from "../../../cron/adapters/ozon/product-skus-v4";
import { OZON_STOCK_V2_ID } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { stockSources } from "../../../cron/adapters/stock-adapters";
import { runStockSync } from "../../../cron/engine/run-in-process";
import type { OzonStockTruth } from "../../../dev/sim/truth";
import { seedAccount } from "./pglite-database";
import { expectDamagedRowsRejected, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";
import { answeringContext, marketplaceError } from "./stub-vendor";

const harness = useSimulatorAndDatabase({ seed: 23, size: 700 });
beforeEach(() => {
  harness.sim.reset({ seed: 23, size: 700 });
  harness.sim.faults.clear();
  harness.sim.config.set({ switchOff: { "ozon.stock_on_warehouses": null } });
});

type Ids = { orgId: string; accountId: string };

function sync(ids: Ids, adapters: string[], pageLimit?: number) {
  return syncAgainstSimulator(harness, runStockSync, ids, "ozon", "full", {
    adapters,
    ...(pageLimit ? { pageLimit } : {}),
  });
}

/** "sku:<sku>|canonical warehouse" → "available/inTransit" of the FBO cells the feeds list with stock. */
function fboTruth(): Map<string, string> {
  const cells = (harness.sim.truth.stock("ozon") as OzonStockTruth[]).filter(
    (c) => c.warehouseType === "fbo" && c.inFeed && c.available + c.inTransit > 0,
  );
  expect(cells.length).toBeGreaterThan(100);
  return new Map(cells.map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.inTransit}`] as const));
}

/** The same view of the loaded inventory, and the reserved total it holds. */
async function loadedFbo(accountId: string) {
  const rows = await harness.db.query<{ key: string; warehouse: string; a: number; r: number; t: number }>(
    `select l.external_key as key, w.name as warehouse, i.available as a, i.reserved as r, i.in_transit as t
     from inventory i join listings l on l.id = i.listing_id join warehouses w on w.id = i.warehouse_id
     where l.account_id = $1`,
    [accountId],
  );
  const cells = new Map(
    rows.filter((r) => r.a + r.t > 0).map((r) => [`${r.key}|${r.warehouse}`, `${r.a}/${r.t}`] as const),
  );
  return { cells, reserved: rows.reduce((sum, r) => sum + r.r, 0) };
}

async function runIssues(runId: string) {
  const [run] = await harness.db.query<{ issues: { code: string; endpoint: string; message: string }[] }>(
    "select issues from etl_runs where id = $1",
    [runId],
  );
  return run?.issues ?? [];
}

describe("Ozon /v1/analytics/stocks against the simulator", () => {
  it("is an FBO source: configured after v2 it replaces v2, not a second source", () => {
    expect(stockSources("ozon", [OZON_STOCK_V2_ID, OZON_ANALYTICS_STOCKS_V1_ID])).toEqual([
      [OZON_STOCK_V2_ID, OZON_ANALYTICS_STOCKS_V1_ID],
    ]);
  });

  it("alone: a full sync equals the truth, two vendor requests per page of ≤100 SKUs", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    const { status } = await sync(ids, [OZON_ANALYTICS_STOCKS_V1_ID], 60);
    expect(status).toBe("succeeded");
    const loaded = await loadedFbo(ids.accountId);
    expect(loaded.cells).toEqual(fboTruth());
    expect(loaded.reserved).toBe(0);
    const lists = harness.sim.stats.requests("ozon.product_info_stocks");
    const stocks = harness.sim.stats.requests("ozon.analytics_stocks");
    expect(lists.length).toBeGreaterThan(3);
    // Every product page (the "ALL" pass, then the archived one) asks its products' stock: a pass ends on an
    // empty cursor, not on an empty page.
    expect(stocks.length).toBe(lists.length);
    expect(stocks.every((r) => r.status === 200)).toBe(true);
    const [pages] = await harness.db.query<{ n: number }>(
      "select count(*)::int as n from etl_pages where run_id in (select id from etl_runs where account_id = $1)",
      [ids.accountId],
    );
    // Vendor pages are read ahead and loaded together (cron/engine/page-group.ts): at most one run page each.
    expect(pages?.n).toBeGreaterThanOrEqual(1);
    expect(pages?.n).toBeLessThanOrEqual(lists.length);
  });

  it("replaces a switched-off v2 within the run: the switch-off is recorded, sold-out stock zeroed, the rest equals the truth", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    const adapters = [OZON_STOCK_V2_ID, OZON_ANALYTICS_STOCKS_V1_ID];
    expect((await sync(ids, adapters)).status).toBe("succeeded");
    expect(harness.sim.stats.requests("ozon.analytics_stocks")).toHaveLength(0);
    const before = await loadedFbo(ids.accountId);
    expect(before.reserved).toBeGreaterThan(0);

    harness.sim.advance({ days: 3 });
    const soldOut = [...before.cells.keys()].filter((key) => !fboTruth().has(key));
    expect(soldOut.length).toBeGreaterThan(0);
    harness.sim.config.set({ switchOff: { "ozon.stock_on_warehouses": "2026-01-01T00:00:00Z" } });
    const { runId, status } = await sync(ids, adapters);
    expect(status).toBe("succeeded");
    expect(harness.sim.stats.requests("ozon.analytics_stocks").length).toBeGreaterThan(0);
    const loaded = await loadedFbo(ids.accountId);
    expect(loaded.cells).toEqual(fboTruth());
    for (const key of soldOut) expect(loaded.cells.has(key), key).toBe(false);
    // The endpoint reports no reserved stock: v1 writes 0 over what v2 had loaded.
    expect(loaded.reserved).toBe(0);
    expect((await runIssues(runId)).map((i) => `${i.code} ${i.endpoint}`)).toContain(
      `ENDPOINT_SWITCHED_OFF ${OZON_STOCK_V2_ID}`,
    );
  });

  it("survives 429s and 5xx on both endpoints; a repeated cursor stops the pass without zeroing", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      { endpoint: "ozon.product_info_stocks", kind: "server_error", calls: [2] },
      { endpoint: "ozon.analytics_stocks", kind: "rate_limit", calls: [1, 3] },
      { endpoint: "ozon.product_info_stocks", kind: "repeat_boundary", rate: 1, count: 4 },
    ]);
    const first = await sync(ids, [OZON_ANALYTICS_STOCKS_V1_ID], SKUS_PER_CALL);
    harness.sim.faults.clear();
    expect(await runIssues(first.runId)).toEqual([]);
    expect(first.status).toBe("succeeded");
    expect((await loadedFbo(ids.accountId)).cells).toEqual(fboTruth());
    const [run] = await harness.db.query<{ api_failed: number }>(
      "select api_failed from etl_runs where id = $1",
      [first.runId],
    );
    expect(run?.api_failed).toBe(3);

    // The vendor hands back the cursor it was sent: the pass stops there, and stock it did not read stays.
    const before = await loadedFbo(ids.accountId);
    harness.sim.advance({ days: 3 });
    harness.sim.stats.clear();
    harness.sim.faults.set([{ endpoint: "ozon.product_info_stocks", kind: "repeat_cursor", from: 2 }]);
    const second = await sync(ids, [OZON_ANALYTICS_STOCKS_V1_ID], SKUS_PER_CALL);
    harness.sim.faults.clear();
    expect(second.status).toBe("succeeded");
    // Two pages of the "ALL" pass (the second repeats the cursor: the pass stops), then the archived pass.
    expect(harness.sim.stats.requests("ozon.product_info_stocks").length).toBe(3);
    // Each cell is either read anew (the truth now) or kept as before; many unread ones kept values the world
    // has since changed: nothing unread was zeroed.
    const after = (await loadedFbo(ids.accountId)).cells;
    const truth = fboTruth();
    let kept = 0;
    for (const [key, value] of before.cells) {
      expect([value, truth.get(key)], key).toContain(after.get(key));
      if (after.get(key) === value && truth.get(key) !== value) kept++;
    }
    expect(kept).toBeGreaterThan(10);
    expect(
      (await runIssues(second.runId)).some(
        (i) => i.code === "PAGING" && /cursor came back unchanged/.test(i.message),
      ),
    ).toBe(true);
  });

  it("rejects damaged stock rows with their reasons and loads every other row", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      {
        endpoint: "ozon.analytics_stocks",
        kind: "malformed_rows",
        rate: 1,
        fraction: 0.05,
        mode: "negative",
      },
    ]);
    const { runId, status } = await sync(ids, [OZON_ANALYTICS_STOCKS_V1_ID]);
    harness.sim.faults.clear();
    expect(status).toBe("succeeded");
    const loaded = (await loadedFbo(ids.accountId)).cells;
    const reasons = await expectDamagedRowsRejected(harness.db, { runId }, loaded, fboTruth());
    for (const reject of reasons) expect(reject.join()).toMatch(/negative|positive id/);
  });
});

/** A page context whose vendor answers 200 with `answer(url)` to every request. */
const answering = (answer: (url: string) => unknown) => answeringContext("ozon", answer);

/** One product with its sku, as /v4/product/info/stocks names it (the product list has no sku). */
const productPage = {
  cursor: "",
  items: [{ product_id: 1, offer_id: "A-1", stocks: [{ sku: 501, type: "fbo", present: 0, reserved: 0 }] }],
};

const failure = (context: PageContext) =>
  marketplaceError(() => ozonAnalyticsStocksV1.fetchPage(context, ozonAnalyticsStocksV1.firstCursor()));

describe("Ozon /v1/analytics/stocks on a response of the wrong shape", () => {
  it("a stocks answer without items is MALFORMED_RESPONSE of the stocks endpoint", async () => {
    const error = await failure(
      answering((url) => (url.endsWith("/v4/product/info/stocks") ? productPage : { result: { items: [] } })),
    );
    expect(error.code).toBe("MALFORMED_RESPONSE");
    expect(error.endpoint).toBe(OZON_ANALYTICS_STOCKS_V1_ID);
  });

  it("a product stocks answer without items is MALFORMED_RESPONSE of the product skus call", async () => {
    const error = await failure(answering(() => ({ result: { items: [] }, cursor: "" })));
    expect(error.code).toBe("MALFORMED_RESPONSE");
    expect(error.endpoint).toBe(OZON_PRODUCT_SKUS_V4_ID);
  });

  it("reads a well-formed page: the article from the product list when the row has none", async () => {
    const page = await ozonAnalyticsStocksV1.fetchPage(
      answering((url) =>
        url.endsWith("/v4/product/info/stocks")
          ? productPage
          : {
              items: [
                {
                  sku: 501,
                  offer_id: null,
                  name: "Kettle",
                  warehouse_name: "Хоругвино",
                  available_stock_count: "7",
                  transit_stock_count: 2,
                },
              ],
            },
      ),
      ozonAnalyticsStocksV1.firstCursor(),
    );
    // The "ALL" pass ended: archived products follow (visibility "ALL" leaves them out).
    expect(page.next).toEqual({ visibility: "ARCHIVED", lastId: "", read: 0 });
    expect(page.incomplete).toBeUndefined();
    expect(page.rows).toEqual([
      {
        ok: true,
        record: {
          listing: {
            externalKey: "sku:501",
            article: "A-1",
            name: "Kettle",
            ozonSku: 501,
            ozonProductId: 1,
            offerId: "A-1",
          },
          warehouseName: "Хоругвино",
          available: 7,
          reserved: 0,
          inTransit: 2,
          total: null,
          drift: ["available_stock_count"],
        },
      },
    ]);
  });
});

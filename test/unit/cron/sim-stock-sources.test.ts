// The stock adapters beyond the first two against the simulator: Ozon /v4/product/info/stocks (the seller's
// own FBS warehouse) alone and read with /v2 (FBO) as two sources of one run, and WB stocks-report joined to
// known listings by nmId + chrtId. Each full sync equals the simulator's truth for the cells its endpoint covers.
import { beforeEach, describe, expect, it } from "vitest";
import { OZON_PRODUCT_INFO_STOCKS_V4_ID } from "../../../cron/adapters/ozon/product-info-stocks-v4";
import { OZON_STOCK_V2_ID } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { stockSources } from "../../../cron/adapters/stock-adapters";
import { WB_STOCKS_REPORT_ID } from "../../../cron/adapters/wb/stocks-report-wb-warehouses";
import { WB_SUPPLIER_STOCKS_ID } from "../../../cron/adapters/wb/supplier-stocks-v1";
import { runStockSync } from "../../../cron/engine/run-in-process";
import type { OzonStockTruth, WbStockTruth } from "../../../dev/sim/truth";
import { seedAccount } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase, wbStockTruth } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 11, size: 900, mode: "legacy" });
beforeEach(() => {
  harness.sim.reset({ seed: 11, size: 900 });
});

type Ids = { orgId: string; accountId: string };

function sync(ids: Ids, marketplace: "ozon" | "wb", adapters: string[], pageLimit?: number) {
  return syncAgainstSimulator(harness, runStockSync, ids, marketplace, "full", {
    adapters,
    ...(pageLimit ? { pageLimit } : {}),
  });
}

const SELLER_WAREHOUSE = "Склад продавца Москва";

/**
 * v4 reports no incoming supply (`promised`): cells of the seller's warehouse are compared on available and
 * reserved only (and only when one of them is non-zero).
 */
function withoutFbsTransit(cells: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of cells) {
    if (!key.endsWith(SELLER_WAREHOUSE)) out.set(key, value);
    else if (!value.startsWith("0/0/")) out.set(key, value.replace(/\/\d+$/, "/-"));
  }
  return out;
}

function ozonTruth(types: ("fbo" | "fbs")[]): Map<string, string> {
  const cells = (harness.sim.truth.stock("ozon") as OzonStockTruth[]).filter(
    (c) => types.includes(c.warehouseType) && c.inFeed && c.available + c.reserved + c.inTransit > 0,
  );
  return withoutFbsTransit(
    new Map(
      cells.map(
        (c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`] as const,
      ),
    ),
  );
}

async function loadedOzon(accountId: string) {
  return withoutFbsTransit(await loadedStock(harness.db, accountId));
}

/** The operator's mapping of the seller warehouse id (v4 names none) to the canonical FBS warehouse. */
async function mapSellerWarehouse(orgId: string) {
  const fbs = (harness.sim.truth.stock("ozon") as OzonStockTruth[]).find((c) => c.warehouseType === "fbs");
  expect(fbs).toBeDefined();
  const [warehouse] = await harness.db.query<{ id: string }>(
    `insert into warehouses (org_id, marketplace, name, cluster, region, type, provisional)
     values ($1, 'ozon', $2, 'Москва, МО и Дальние регионы', 'Москва', 'fbs', false) returning id`,
    [orgId, fbs?.warehouse],
  );
  await harness.db.query(
    `insert into warehouse_aliases (org_id, marketplace, alias, warehouse_id, confidence, source)
     values ($1, 'ozon', $2, $3, 1, 'manual')`,
    [orgId, `Ozon FBS ${fbs?.warehouseId}`, warehouse?.id],
  );
}

/** WB listings as a product-card sync would know them (with chrtId): what stocks-report rows join to. */
async function seedWbListings(ids: Ids, skip: (c: WbStockTruth) => boolean = () => false) {
  const listings = new Map<string, WbStockTruth>();
  for (const c of harness.sim.truth.stock("wb") as WbStockTruth[])
    if (!skip(c)) listings.set(`${c.nmId}:${c.chrtId}`, c);
  const rows = [...listings.values()].map((c) => ({
    key: `nm:${c.nmId}:${c.techSize || "0"}`,
    article: c.supplierArticle,
    nm: c.nmId,
    chrt: c.chrtId,
    barcode: c.barcode,
    size: c.techSize || "0",
  }));
  await harness.db.query(
    `insert into products (org_id, article, name)
     select distinct $1::uuid, t.article, '' from jsonb_to_recordset($2::jsonb) as t(article text)
     on conflict do nothing`,
    [ids.orgId, JSON.stringify(rows)],
  );
  await harness.db.query(
    `insert into listings (org_id, product_id, account_id, marketplace, external_key, wb_nm_id, wb_chrt_id, barcode, size, name)
     select $1::uuid, p.id, $2::uuid, 'wb', t.key, t.nm, t.chrt, t.barcode, t.size, ''
     from jsonb_to_recordset($3::jsonb) as t(key text, article text, nm bigint, chrt bigint, barcode text, size text)
     join products p on p.org_id = $1::uuid and p.article = t.article`,
    [ids.orgId, ids.accountId, JSON.stringify(rows)],
  );
  return rows.length;
}

describe("stock sources", () => {
  it("groups an account's adapters by the stock they list; same-source adapters replace each other", () => {
    expect(stockSources("ozon", [OZON_STOCK_V2_ID, OZON_PRODUCT_INFO_STOCKS_V4_ID])).toEqual([
      [OZON_STOCK_V2_ID],
      [OZON_PRODUCT_INFO_STOCKS_V4_ID],
    ]);
    expect(stockSources("wb", [WB_SUPPLIER_STOCKS_ID, WB_STOCKS_REPORT_ID])).toEqual([
      [WB_SUPPLIER_STOCKS_ID, WB_STOCKS_REPORT_ID],
    ]);
  });
});

describe("Ozon /v4/product/info/stocks against the simulator", () => {
  it("alone: a full sync equals the truth of the seller's own (FBS) warehouse", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    await mapSellerWarehouse(ids.orgId);
    const { status } = await sync(ids, "ozon", [OZON_PRODUCT_INFO_STOCKS_V4_ID], 100);
    expect(status).toBe("succeeded");
    const truth = ozonTruth(["fbs"]);
    expect(truth.size).toBeGreaterThan(20);
    expect(await loadedOzon(ids.accountId)).toEqual(truth);
  });

  it("with /v2 in one run: FBO and FBS both equal the truth; a switched-off v4 zeroes only FBO stock", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    await mapSellerWarehouse(ids.orgId);
    const adapters = [OZON_STOCK_V2_ID, OZON_PRODUCT_INFO_STOCKS_V4_ID];
    expect((await sync(ids, "ozon", adapters)).status).toBe("succeeded");
    expect(await loadedOzon(ids.accountId)).toEqual(ozonTruth(["fbo", "fbs"]));

    const fbsBefore = new Map(
      [...(await loadedOzon(ids.accountId))].filter(([key]) => key.endsWith(SELLER_WAREHOUSE)),
    );
    harness.sim.advance({ days: 3 });
    harness.sim.config.set({ switchOff: { "ozon.product_info_stocks": "2026-01-01T00:00:00Z" } });
    const { runId, status } = await sync(ids, "ozon", adapters);
    harness.sim.config.set({ switchOff: { "ozon.product_info_stocks": null } });
    expect(status).toBe("partial");
    const loaded = await loadedOzon(ids.accountId);
    const fbo = new Map([...loaded].filter(([key]) => !key.endsWith(SELLER_WAREHOUSE)));
    const fbs = new Map([...loaded].filter(([key]) => key.endsWith(SELLER_WAREHOUSE)));
    // FBO was read whole: stock that sold out is zeroed. FBS was not read: it keeps the last values seen.
    expect(fbo).toEqual(ozonTruth(["fbo"]));
    expect(fbs).toEqual(fbsBefore);
    const [run] = await harness.db.query<{ issues: { code: string; endpoint: string }[] }>(
      "select issues from etl_runs where id = $1",
      [runId],
    );
    expect(run?.issues.map((i) => `${i.code} ${i.endpoint}`)).toContain(
      `ENDPOINT_SWITCHED_OFF ${OZON_PRODUCT_INFO_STOCKS_V4_ID}`,
    );
  });

  it("survives 429s, 5xx and repeated boundary items; a repeated cursor leaves stock unzeroed", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    await mapSellerWarehouse(ids.orgId);
    harness.sim.faults.set([
      { endpoint: "ozon.product_info_stocks", kind: "rate_limit", calls: [1] },
      { endpoint: "ozon.product_info_stocks", kind: "server_error", calls: [3] },
      { endpoint: "ozon.product_info_stocks", kind: "repeat_boundary", rate: 1, count: 5 },
    ]);
    const first = await sync(ids, "ozon", [OZON_PRODUCT_INFO_STOCKS_V4_ID], 100);
    harness.sim.faults.clear();
    expect(first.status).toBe("succeeded");
    expect(await loadedOzon(ids.accountId)).toEqual(ozonTruth(["fbs"]));
    const [run] = await harness.db.query<{ api_failed: number }>(
      "select api_failed from etl_runs where id = $1",
      [first.runId],
    );
    expect(run?.api_failed).toBe(2);

    // The vendor hands back the cursor it was sent: the pass stops there and nothing it did not read is zeroed.
    const before = await loadedOzon(ids.accountId);
    harness.sim.faults.set([{ endpoint: "ozon.product_info_stocks", kind: "repeat_cursor", from: 2 }]);
    const second = await sync(ids, "ozon", [OZON_PRODUCT_INFO_STOCKS_V4_ID], 100);
    harness.sim.faults.clear();
    expect(second.status).toBe("succeeded");
    expect(await loadedOzon(ids.accountId)).toEqual(before);
    const [paging] = await harness.db.query<{ issues: { code: string; message: string }[] }>(
      "select issues from etl_runs where id = $1",
      [second.runId],
    );
    expect(
      paging?.issues.some((i) => i.code === "PAGING" && /cursor came back unchanged/.test(i.message)),
    ).toBe(true);
  });
});

describe("WB stocks-report/wb-warehouses against the simulator", () => {
  it("a full sync over short offset pages, rows joined by nmId + chrtId, equals the truth", async () => {
    const ids = await seedAccount(harness.db, "wb");
    expect(await seedWbListings(ids)).toBeGreaterThan(100);
    const { status } = await sync(ids, "wb", [WB_STOCKS_REPORT_ID], 200);
    expect(status).toBe("succeeded");
    const truth = wbStockTruth(harness.sim);
    expect(truth.size).toBeGreaterThan(100);
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(truth);
  });

  it("under 429s, gateway timeouts and shifting pages; rows of unknown listings are rejected by name", async () => {
    const ids = await seedAccount(harness.db, "wb");
    const nmIds = [...new Set((harness.sim.truth.stock("wb") as WbStockTruth[]).map((c) => c.nmId))];
    const unknownNm = nmIds[3] ?? 0;
    await seedWbListings(ids, (c) => c.nmId === unknownNm);
    harness.sim.faults.set([
      { endpoint: "wb.stocks_report", kind: "rate_limit", calls: [1] },
      { endpoint: "wb.stocks_report", kind: "gateway_timeout_html", calls: [2] },
      { endpoint: "wb.stocks_report", kind: "shift_rows", calls: [4], by: -20 },
    ]);
    const { runId, status } = await sync(ids, "wb", [WB_STOCKS_REPORT_ID], 200);
    harness.sim.faults.clear();
    expect(status).toBe("succeeded");
    const expected = new Map(
      [...wbStockTruth(harness.sim)].filter(([key]) => !key.startsWith(`nm:${unknownNm}:`)),
    );
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(expected);
    const rejects = await harness.db.query<{ reasons: string[] }>(
      "select reasons from etl_rejects where run_id = $1",
      [runId],
    );
    expect(rejects.length).toBeGreaterThan(0);
    for (const reject of rejects)
      expect(reject.reasons.join()).toMatch(new RegExp(`nmId ${unknownNm} chrtId \\d+: no known WB listing`));
    expect(harness.sim.stats.requests("wb.stocks_report").some((r) => r.faults.includes("shift_rows"))).toBe(
      true,
    );
  });
});

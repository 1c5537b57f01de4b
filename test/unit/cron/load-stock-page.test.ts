// Loading stock pages into PostgreSQL: rows land per listing × canonical warehouse, duplicates inside a page
// collapse to the last row, only changed values are audited, a redelivered page changes nothing, and the end
// of a full run zeroes stock that disappeared from the listing.
import { beforeEach, describe, expect, it } from "vitest";
import { readStockOnWarehousesRow } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { FINALIZE_ROUND_TRIPS, finalizeRun } from "../../../cron/load/finalize-run";
import { loadStockPage, loadStockPages, type StockPageLoad } from "../../../cron/load/load-stock-page";
import type { PageScope } from "../../../cron/load/page-scope";
import type { StatementRunner } from "../../../cron/load/statement-runner";
import { type AnomalyRule, anomalyRule } from "../../../cron/load/stock-page-statements";
import { validateStockPage } from "../../../cron/validate/validate-stock";
import { migratedDatabase, seedAccount, startTestRun, type TestDatabase } from "./pglite-database";

const row = (sku: number, warehouse: string, available: number, extra: Record<string, unknown> = {}) => ({
  sku,
  item_code: `ART-${sku}`,
  item_name: `Товар ${sku}`,
  free_to_sell_amount: available,
  promised_amount: 0,
  reserved_amount: 1,
  warehouse_name: warehouse,
  ...extra,
});

let db: TestDatabase;
let ids: { orgId: string; accountId: string };

/** Page `page` of the run's Ozon v2 feed with these vendor rows, validated, ready to load. */
function pageLoad(runId: string, page: number, rows: unknown[]): StockPageLoad {
  const scope: PageScope = {
    ...ids,
    marketplace: "ozon",
    runId,
    pageKey: `ozon.v2#${page}`,
    endpoint: "ozon.v2.stock_on_warehouses",
  };
  const validated = validateStockPage("ozon", rows.map(readStockOnWarehousesRow));
  return { scope, page: validated, counts: { extracted: rows.length, pseudoRows: validated.pseudoRows } };
}

async function loadPage(runId: string, page: number, rows: unknown[], anomaly?: AnomalyRule) {
  const load = pageLoad(runId, page, rows);
  return loadStockPage(db.run, load.scope, load.page, load.counts, { anomaly });
}

async function stock() {
  return db.query<{ sku: string; warehouse: string; available: number }>(
    `select l.ozon_sku::text as sku, w.name as warehouse, i.available from inventory i
     join listings l on l.id = i.listing_id join warehouses w on w.id = i.warehouse_id order by 1, 2`,
  );
}

beforeEach(async () => {
  db ??= await migratedDatabase();
  ids = await seedAccount(db, "ozon");
});

describe("loading a stock page", () => {
  it("upserts listings, products and stock under canonical warehouses, last duplicate wins", async () => {
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    const result = await loadPage(runId, 0, [
      row(11, "Хоругвино", 5),
      row(11, "ХОРУГВИНО_РФЦ", 7),
      row(12, "Kазань", 3),
      row(13, "Казань", -1),
    ]);
    expect(result).toMatchObject({ claimed: true, loaded: 2, changed: 2 });
    const rows = (await stock()).filter((r) => ["11", "12"].includes(r.sku));
    expect(rows).toEqual([
      { sku: "11", warehouse: "Хоругвино", available: 7 },
      { sku: "12", warehouse: "Казань", available: 3 },
    ]);
    const [run] = await db.query<Record<string, number>>(
      "select extracted, validated, failed, inserted, pages_done from etl_runs where id = $1",
      [runId],
    );
    expect(run).toEqual({ extracted: 4, validated: 3, failed: 1, inserted: 2, pages_done: 1 });
    const rejects = await db.query<{ reasons: string[] }>(
      "select reasons from etl_rejects where run_id = $1",
      [runId],
    );
    expect(rejects[0]?.reasons.join()).toMatch(/available: must not be negative/);
  });

  it("changes nothing when the same page is delivered again", async () => {
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    const page = [row(21, "Тверь", 4), row(22, "Тверь", 9)];
    await loadPage(runId, 0, page);
    const audits = await db.query("select * from inventory_audit where run_id = $1", [runId]);
    const again = await loadPage(runId, 0, [row(21, "Тверь", 400)]);
    expect(again.claimed).toBe(false);
    expect((await stock()).filter((r) => r.sku === "21")).toEqual([
      { sku: "21", warehouse: "Тверь", available: 4 },
    ]);
    expect(await db.query("select * from inventory_audit where run_id = $1", [runId])).toEqual(audits);
    const [run] = await db.query<{ pages_done: number; extracted: number }>(
      "select pages_done, extracted from etl_runs where id = $1",
      [runId],
    );
    expect(run).toEqual({ pages_done: 1, extracted: 2 });
  });

  it("loads pages that arrived together in one round trip, in order, each claimed once", async () => {
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    const roundTrips: number[] = [];
    const counted: StatementRunner = (statements) => {
      roundTrips.push(statements.length);
      return db.run(statements);
    };
    // Page 1 repeats page 0's boundary row with a newer count: the later page wins.
    const pair = [
      pageLoad(runId, 0, [row(81, "Тверь", 4), row(82, "Тверь", 6)]),
      pageLoad(runId, 1, [row(82, "Тверь", 5)]),
    ];
    const results = await loadStockPages(counted, pair);
    expect(roundTrips).toHaveLength(1);
    expect(results.map((r) => [r.claimed, r.loaded])).toEqual([
      [true, 2],
      [true, 1],
    ]);
    expect((await stock()).filter((r) => ["81", "82"].includes(r.sku))).toEqual([
      { sku: "81", warehouse: "Тверь", available: 4 },
      { sku: "82", warehouse: "Тверь", available: 5 },
    ]);
    // Delivered again (a retried load): neither page changes anything.
    const again = await loadStockPages(db.run, [
      pageLoad(runId, 0, [row(81, "Тверь", 40)]),
      pageLoad(runId, 1, []),
    ]);
    expect(again.map((r) => r.claimed)).toEqual([false, false]);
    expect((await stock()).find((r) => r.sku === "81")?.available).toBe(4);
    const [run] = await db.query<{ pages_done: number }>("select pages_done from etl_runs where id = $1", [
      runId,
    ]);
    expect(run?.pages_done).toBe(2);
  });

  it("lets the later page of a shared round trip win a listing's name", async () => {
    const named = (page: number, runId: string, name: string) =>
      pageLoad(runId, page, [row(91, "Тверь", 3, { item_name: name })]);
    await loadStockPages(db.run, [named(0, await startTestRun(db, ids.orgId, ids.accountId), "A")]);
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    await loadStockPages(db.run, [named(0, runId, "B"), named(1, runId, "A")]);
    const [listing] = await db.query<{ name: string }>("select name from listings where ozon_sku = 91");
    expect(listing?.name).toBe("A");
  });

  it("writes only new and changed cells, new ones under the listing's product as it is now", async () => {
    const first = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(first, 0, [row(61, "Самара", 5), row(61, "Казань", 3)]);
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    // The listing now belongs to another product (another account's finalize linked it) and its stock still
    // names the old one: moving stock is link-products' work, not a page's.
    const [moved] = await db.query<{ id: string }>(
      "insert into products (org_id, article) values ($1, 'ART-61-JOINED') returning id::text",
      [ids.orgId],
    );
    await db.query("update listings set product_id = $1 where ozon_sku = 61 and account_id = $2", [
      moved?.id,
      ids.accountId,
    ]);
    const load = pageLoad(runId, 0, [row(61, "Самара", 5), row(61, "Казань", 4), row(61, "Тверь", 7)]);
    const [result] = await loadStockPages(db.run, [load]);
    expect(result).toMatchObject({ claimed: true, loaded: 3, changed: 2 });
    const cells = await db.query<{ warehouse: string; available: number; product: string; run: string }>(
      `select w.name as warehouse, i.available, i.product_id::text as product, i.run_id as run from inventory i
       join warehouses w on w.id = i.warehouse_id where i.org_id = $1 order by 1`,
      [ids.orgId],
    );
    const cell = (name: string) => cells.find((c) => c.warehouse === name);
    // Unchanged: not rewritten, though its product differs from the listing's.
    expect(cell("Самара")).toMatchObject({ available: 5, run: first });
    expect(cell("Казань")).toMatchObject({ available: 4, run: runId });
    expect(cell("Тверь")).toMatchObject({ available: 7, run: runId, product: moved?.id });
    const audit = await db.query<{ product: string; change_type: string; new_available: number }>(
      `select product_id::text as product, change_type, new_available from inventory_audit where run_id = $1
       order by new_available`,
      [runId],
    );
    expect(audit).toEqual([
      { product: moved?.id, change_type: "updated", new_available: 4 },
      { product: moved?.id, change_type: "created", new_available: 7 },
    ]);
  });

  it("audits only values that changed and flags a jump beyond the anomaly factor", async () => {
    const first = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(first, 0, [row(31, "Самара", 10), row(32, "Самара", 10)]);
    const second = await startTestRun(db, ids.orgId, ids.accountId);
    const result = await loadPage(second, 0, [row(31, "Самара", 10), row(32, "Самара", 900)]);
    expect(result.changed).toBe(1);
    expect(result.jumps).toBe(1);
    const audit = await db.query(
      "select change_type, old_available, new_available from inventory_audit where run_id = $1",
      [second],
    );
    expect(audit).toEqual([{ change_type: "updated", old_available: 10, new_available: 900 }]);
    const [run] = await db.query<{ issues: { code: string }[] }>(
      "select issues from etl_runs where id = $1",
      [second],
    );
    expect(run?.issues.map((i) => i.code)).toEqual(["STOCK_JUMP"]);
  });

  it("flags a 3× jump with an account's factor of 2, not with the default factor", async () => {
    const first = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(first, 0, [row(33, "Самара", 30), row(34, "Самара", 30)]);
    const issues = async (runId: string) => {
      const [run] = await db.query<{ issues: { code: string; message: string }[] }>(
        "select issues from etl_runs where id = $1",
        [runId],
      );
      return run?.issues ?? [];
    };

    const byDefault = await startTestRun(db, ids.orgId, ids.accountId);
    const unflagged = await loadPage(byDefault, 0, [row(33, "Самара", 90), row(34, "Самара", 30)]);
    expect(unflagged).toMatchObject({ changed: 1, jumps: 0 });
    expect(await issues(byDefault)).toEqual([]);

    const strict = await startTestRun(db, ids.orgId, ids.accountId);
    const flagged = await loadPage(strict, 0, [row(33, "Самара", 90), row(34, "Самара", 90)], anomalyRule(2));
    expect(flagged).toMatchObject({ changed: 1, jumps: 1 });
    const found = await issues(strict);
    expect(found.map((i) => i.code)).toEqual(["STOCK_JUMP"]);
    expect(found[0]?.message).toMatch(
      /^1 rows jumped beyond 2× the previous snapshot \(e\.g\. .*: 30 → 90\)$/,
    );
    expect((found[0] as { params?: unknown } | undefined)?.params).toEqual({
      count: 1,
      factor: 2,
      from: 30,
      to: 90,
    });
  });
});

describe("finishing a full run", () => {
  it("zeroes stock not seen (audited), snapshots the day, refreshes summaries and bumps the data version once", async () => {
    const first = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(first, 0, [row(41, "Тверь", 6), row(42, "Тверь", 8)]);
    await finalizeRun(db.run, { ...ids, runId: first, zeroUnseen: true, status: "succeeded", error: null });
    const second = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(second, 0, [row(41, "Тверь", 5)]);
    const finish = { ...ids, runId: second, zeroUnseen: true, status: "succeeded" as const, error: null };
    await finalizeRun(db.run, finish);
    await finalizeRun(db.run, finish);
    expect((await stock()).filter((r) => ["41", "42"].includes(r.sku))).toEqual([
      { sku: "41", warehouse: "Тверь", available: 5 },
      { sku: "42", warehouse: "Тверь", available: 0 },
    ]);
    const zeroed = await db.query(
      "select old_available from inventory_audit where run_id = $1 and change_type = 'zeroed'",
      [second],
    );
    expect(zeroed).toEqual([{ old_available: 8 }]);
    const [org] = await db.query<{ data_version: number }>(
      "select data_version from organizations where id = $1",
      [ids.orgId],
    );
    expect(org?.data_version).toBe(3);
    const summary = await db.query<{ available: number }>(
      "select available from product_summary where org_id = $1 order by available",
      [ids.orgId],
    );
    expect(summary.map((s) => s.available)).toEqual([0, 5]);
    const [daily] = await db.query<{ n: number }>(
      "select count(*)::int as n from inventory_daily where org_id = $1",
      [ids.orgId],
    );
    expect(daily?.n).toBe(2);
    const [run] = await db.query<{ status: string; stock_confirmed: boolean }>(
      "select status, stock_confirmed from etl_runs where id = $1",
      [second],
    );
    // Every stock source was read whole: the run confirms the cells it did not write (product detail's lastSyncedAt).
    expect(run).toEqual({ status: "succeeded", stock_confirmed: true });
  });

  it("records as seen only the cells a page left unchanged, and zeroes only the cells no page saw", async () => {
    const seen = async (runId: string) =>
      db.query<{ seen: string[] | null }>(
        "select seen_listing_ids::text[] as seen from etl_pages where run_id = $1",
        [runId],
      );
    const sku = async (id: string) =>
      (await db.query<{ sku: string }>("select ozon_sku::text as sku from listings where id = $1", [id]))[0]
        ?.sku;
    const first = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(first, 0, [row(71, "Тверь", 6), row(72, "Тверь", 8), row(73, "Тверь", 4)]);
    // A first sync writes every cell (each carries the run's id): nothing to record.
    expect(await seen(first)).toEqual([{ seen: null }]);
    await finalizeRun(db.run, { ...ids, runId: first, zeroUnseen: true, status: "succeeded", error: null });
    const second = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(second, 0, [row(71, "Тверь", 6), row(72, "Тверь", 9)]);
    const [page] = await seen(second);
    expect(await Promise.all((page?.seen ?? []).map(sku))).toEqual(["71"]);
    await finalizeRun(db.run, { ...ids, runId: second, zeroUnseen: true, status: "succeeded", error: null });
    expect((await stock()).filter((r) => ["71", "72", "73"].includes(r.sku))).toEqual([
      { sku: "71", warehouse: "Тверь", available: 6 },
      { sku: "72", warehouse: "Тверь", available: 9 },
      { sku: "73", warehouse: "Тверь", available: 0 },
    ]);
  });

  it("summarizes a product's stock over its warehouses: sums, and warehouses that hold stock", async () => {
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    // sku 61 and 62 share the article "A-6" (one product); 61 is at two warehouses, one of them empty.
    const sameProduct = { item_code: "A-6" };
    await loadPage(runId, 0, [
      row(61, "Тверь", 4, { ...sameProduct, reserved_amount: 1 }),
      row(61, "Казань", 0, { ...sameProduct, reserved_amount: 0, promised_amount: 2 }),
      row(62, "Тверь", 3, { ...sameProduct, reserved_amount: 0 }),
    ]);
    // Counted, as bench:ingest times finalize as the run's last FINALIZE_ROUND_TRIPS round trips.
    let roundTrips = 0;
    const counted: typeof db.run = (statements) => {
      roundTrips++;
      return db.run(statements);
    };
    await finalizeRun(counted, { ...ids, runId, zeroUnseen: true, status: "succeeded", error: null });
    expect(roundTrips).toBe(FINALIZE_ROUND_TRIPS);
    const summary = await db.query(
      `select s.available, s.reserved, s.in_transit, s.ozon_available, s.wb_available, s.warehouse_count
       from product_summary s join products p on p.id = s.product_id where p.article = 'A-6'`,
    );
    expect(summary).toEqual([
      { available: 7, reserved: 1, in_transit: 2, ozon_available: 7, wb_available: 0, warehouse_count: 1 },
    ]);
  });

  it("confirms no stock when only some sources were read whole", async () => {
    const runId = await startTestRun(db, ids.orgId, ids.accountId);
    await finalizeRun(db.run, {
      ...ids,
      runId,
      zeroUnseen: true,
      zeroEndpoints: ["ozon.v4.product_info_stocks"],
      status: "partial",
      error: "FBO switched off",
    });
    const [run] = await db.query<{ stock_confirmed: boolean }>(
      "select stock_confirmed from etl_runs where id = $1",
      [runId],
    );
    expect(run?.stock_confirmed).toBe(false);
  });
});

describe("a cell rejected by the rules", () => {
  it("keeps its last good stock through the end of a full run instead of being zeroed", async () => {
    const first = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(first, 0, [row(51, "Тверь", 9), row(52, "Тверь", 4)]);
    await finalizeRun(db.run, { ...ids, runId: first, zeroUnseen: true, status: "succeeded", error: null });
    const second = await startTestRun(db, ids.orgId, ids.accountId);
    await loadPage(second, 0, [row(51, "Тверь", -3), row(52, "Тверь", 4)]);
    await finalizeRun(db.run, { ...ids, runId: second, zeroUnseen: true, status: "succeeded", error: null });
    expect((await stock()).filter((r) => ["51", "52"].includes(r.sku))).toEqual([
      { sku: "51", warehouse: "Тверь", available: 9 },
      { sku: "52", warehouse: "Тверь", available: 4 },
    ]);
    const [rejects] = await db.query<{ n: number }>(
      "select count(*)::int as n from etl_rejects where run_id = $1",
      [second],
    );
    expect(rejects?.n).toBe(1);
  });
});

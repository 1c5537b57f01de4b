// Turnover's average stock from product_stock_days answers as the previous query over inventory_daily did, for
// periods of today only, a week and a month, over both marketplaces or one; finalize keeps the rows equal to the
// snapshot's cells summed per product × day (a day's first run, a later run that changes and zeroes cells), and
// a repeated finalize rewrites no row.
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { type SalesPeriod, turnoverRows } from "../../../db/queries/sales-analytics";
import { rebuildStockDays } from "../../../db/queries/stock-days";
import { fullOzonStockRun } from "./ozon-stock-run";
import { migratedDatabase, seedAccount, type TestDatabase } from "./pglite-database";

let db: TestDatabase;
let api: Database;
let ids: { orgId: string; accountId: string };
let today: string;

const dayBefore = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** One full run over one page of Ozon FBO stock: warehouse → sku → available. */
const fullRun = (stock: Record<string, Record<number, number>>) => fullOzonStockRun(db, ids, stock);

/** The previous query's average stock per product: every snapshot row of the period (of the marketplace). */
async function previousAverages(period: SalesPeriod): Promise<Map<string, number | null>> {
  const rows = await db.query<{ product_id: string; average_stock: number | null }>(
    `select ps.product_id::text as product_id, stocked.average_stock
     from product_summary ps left join (
       select product_id, (sum(available)::float8 / nullif(count(distinct day), 0)) as average_stock
       from inventory_daily where org_id = $1 and day between $2::date and $3::date
         and ($4::text is null or marketplace::text = $4)
       group by product_id) stocked on stocked.product_id = ps.product_id
     where ps.org_id = $1`,
    [period.orgId, period.from, period.to, period.marketplace ?? null],
  );
  return new Map(rows.map((row) => [row.product_id, row.average_stock]));
}

async function expectAveragesAsBefore(): Promise<void> {
  for (const marketplace of [undefined, "ozon", "wb"] as const) {
    for (const from of [today, dayBefore(6), dayBefore(29)]) {
      const period = { orgId: ids.orgId, from, to: today, marketplace };
      const now = await turnoverRows(api, period, 1000);
      const before = await previousAverages(period);
      expect(now.length).toBe(before.size);
      for (const row of now)
        expect([row.product_id, row.average_stock]).toEqual([
          row.product_id,
          before.get(String(row.product_id)),
        ]);
    }
  }
}

/** product_stock_days (rows with cells) beside inventory_daily summed per product × day, with each row's xmin. */
async function stockDays() {
  const kept = await db.query<{ key: string; xmin: string }>(
    `select product_id || ' ' || day || ' ' || ozon_available || ' ' || ozon_cells || ' ' || wb_available || ' '
       || wb_cells as key, xmin::text as xmin
     from product_stock_days where org_id = $1 and ozon_cells + wb_cells > 0 order by 1`,
    [ids.orgId],
  );
  const summed = await db.query<{ key: string }>(
    `select product_id || ' ' || day || ' ' || coalesce(sum(available) filter (where marketplace = 'ozon'), 0)
       || ' ' || count(*) filter (where marketplace = 'ozon') || ' '
       || coalesce(sum(available) filter (where marketplace = 'wb'), 0) || ' '
       || count(*) filter (where marketplace = 'wb') as key
     from inventory_daily where org_id = $1 group by product_id, day order by 1`,
    [ids.orgId],
  );
  return { kept, summed: summed.map((row) => row.key) };
}

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ids = await seedAccount(db, "ozon");
  const [row] = await db.query<{ today: string }>(
    "select (now() at time zone time_zone)::date::text as today from organizations where id = $1",
    [ids.orgId],
  );
  today = String(row?.today);
});

describe("product_stock_days behind turnover's average stock", () => {
  it("answers as inventory_daily did, after history, a day's first run and a later run", async () => {
    await fullRun({ Тверь: { 71: 6, 72: 8, 73: 2 }, Казань: { 71: 3 } });
    expect((await stockDays()).kept.map((row) => row.key)).toEqual((await stockDays()).summed);

    // Earlier days' snapshots, written outside a run (as a seed would), some days without a product's cells.
    for (const [days, available] of [
      [1, 4],
      [3, 7],
      [10, 0],
      [40, 9],
    ] as const)
      await db.query(
        `insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace, available,
           reserved, in_transit)
         select org_id, $2::date, listing_id, warehouse_id, product_id, marketplace, $3 + (listing_id % 3)::int, 0, 0
         from inventory where org_id = $1 and ($3 > 0 or listing_id % 2 = 0)`,
        [ids.orgId, dayBefore(days), available],
      );
    await db.run(rebuildStockDays(ids.orgId));
    const rebuilt = await stockDays();
    expect(rebuilt.kept.map((row) => row.key)).toEqual(rebuilt.summed);
    await expectAveragesAsBefore();

    // The same day again: 71 changes at Тверь, 72 leaves the listing (zeroed), 73 as it was.
    await fullRun({ Тверь: { 71: 5, 73: 2 }, Казань: { 71: 3 } });
    const later = await stockDays();
    expect(later.kept.map((row) => row.key)).toEqual(later.summed);
    await expectAveragesAsBefore();

    // Nothing changed: no row rewritten.
    await fullRun({ Тверь: { 71: 5, 73: 2 }, Казань: { 71: 3 } });
    expect((await stockDays()).kept).toEqual(later.kept);
  });
});

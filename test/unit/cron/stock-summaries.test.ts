// The dashboard, the inventory list and the per-warehouse recommendations scoped to one marketplace or one
// warehouse, read from the stock read models finalize keeps (db/queries/stock-summaries.ts), answer as the
// previous queries over the inventory rows and the orders did (kept here as the reference), after a day's
// first runs and after a later run that changes, zeroes and adds stock and brings an order; a repeated finalize
// rewrites no row.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { dashboardData } from "../../../db/queries/dashboard";
import { warehouseDemandDays } from "../../../db/queries/demand-days";
import { inventoryList } from "../../../db/queries/inventory-list";
import type { StockScope } from "../../../db/queries/product-stock";
import { type RecommendationQuery, warehouseRecommendationInputs } from "../../../db/queries/recommendations";
import { demandForecastCtes } from "../../../domain/forecast-sql";
import { reorderDueSql } from "../../../domain/replenishment-sql";
import { DEFAULT_STATUS_RULES, STOCK_STATUSES } from "../../../domain/stock-status";
import { migratedDatabase, startTestRun, type TestDatabase } from "./pglite-database";
import { seedOrganization, seedProducts } from "./seed-organization";
import { warehouseCells } from "./warehouse-cells";

type Marketplace = "ozon" | "wb";

let db: TestDatabase;
let api: Database;
let orgId: string;
let accounts: Record<Marketplace, string>;
const listings: Record<string, string> = {};
const products: Record<string, string> = {};
const warehouses: Record<string, number> = {};
const WAREHOUSES: Record<string, Marketplace> = { O1: "ozon", O2: "ozon", W1: "wb", W2: "wb" };

const { stock, order, snapshot, finalize } = warehouseCells(() => ({
  db,
  orgId,
  accounts,
  listings,
  warehouses,
  marketplaceOf: (warehouse) => WAREHOUSES[warehouse] as Marketplace,
}));

/** The previous query: stock summed from the inventory rows in scope, velocity from product_summary. */
async function previousScopedStock(scope: StockScope) {
  const conditions = [sql`org_id = ${orgId}`];
  if (scope.marketplace !== undefined) conditions.push(sql`marketplace = ${scope.marketplace}`);
  if (scope.warehouseId !== undefined) conditions.push(sql`warehouse_id = ${scope.warehouseId}`);
  const result =
    await api.execute(sql`select p.article, s.available, s.reserved, s.in_transit, s.warehouse_count,
      coalesce(ps.velocity, 0)::float8 as velocity
    from (select product_id, sum(available)::int as available, sum(reserved)::int as reserved,
        sum(in_transit)::int as in_transit, count(distinct warehouse_id)::int as warehouse_count
      from inventory where ${sql.join(conditions, sql` and `)} group by product_id) s
    join products p on p.id = s.product_id
    left join product_summary ps on ps.org_id = ${orgId} and ps.product_id = s.product_id
    where p.org_id = ${orgId} order by p.article`);
  return result.rows;
}

/**
 * The previous per-warehouse recommendation lines: stock from inventory, the forecast computed per request (with
 * the tie-break on warehouse the order now has: the previous order left a product's warehouses in any order).
 */
async function previousWarehouseLines(query: RecommendationQuery) {
  const scope = [sql`i.org_id = ${query.orgId}`];
  if (query.marketplace) scope.push(sql`i.marketplace = ${query.marketplace}`);
  if (query.warehouseId !== undefined) scope.push(sql`i.warehouse_id = ${query.warehouseId}`);
  const days = warehouseDemandDays({
    orgId: query.orgId,
    marketplace: query.marketplace,
    warehouseId: query.warehouseId,
  });
  const reorder = query.onlyReorder
    ? sql`where ${reorderDueSql({ available: sql`available`, inTransit: sql`in_transit`, velocity: sql`velocity` }, query)}`
    : sql``;
  const result = await api.execute(sql`with ${demandForecastCtes(days)},
    lines as (
      select i.product_id, p.article, p.name, i.warehouse_id, w.name as warehouse, i.marketplace::text as marketplace,
        sum(i.available)::int as available, sum(i.in_transit)::int as in_transit,
        coalesce(max(d.per_day), 0) as velocity, coalesce(max(d.model), 'none') as demand_model,
        coalesce(max(d.observed_days), 0) as observed_days, coalesce(max(d.censored_days), 0) as censored_days
      from inventory i
      join products p on p.id = i.product_id
      join warehouses w on w.id = i.warehouse_id
      left join demand_forecast d on d.product_id = i.product_id and d.warehouse_id = i.warehouse_id
      where ${sql.join(scope, sql` and `)}
      group by i.product_id, p.article, p.name, i.warehouse_id, w.name, i.marketplace)
    select *, count(*) over ()::int as total_count from lines ${reorder}
    order by case when velocity > 0 then available / velocity end asc nulls last, velocity desc, article,
      warehouse_id, marketplace
    limit ${query.limit} offset ${query.offset}`);
  return result.rows;
}

function scopes(): StockScope[] {
  return [
    { orgId, marketplace: "ozon" },
    { orgId, marketplace: "wb" },
    ...Object.keys(WAREHOUSES).map((name) => ({ orgId, warehouseId: warehouses[name] })),
    { orgId, marketplace: "wb", warehouseId: warehouses.W2 },
    { orgId, marketplace: "ozon", category: "shoes" },
    { orgId, marketplace: "wb", search: "A-3" },
  ];
}

/**
 * The lines with velocity to 12 significant digits: the forecast's sums add the same terms in another order (the
 * previous query also added the zeros of the days without sales), which may move the last bits.
 */
function exact(rows: readonly object[]) {
  return rows.map((row) => {
    const line = row as { velocity: unknown };
    return { ...line, velocity: Number(Number(line.velocity).toPrecision(12)) };
  });
}

let models: string[] = [];

/** Every figure of the scoped reads equals the previous queries' (and the comparison is not empty). */
async function expectAnswersEqualPrevious() {
  let compared = 0;
  for (const scope of scopes()) {
    const expected = (await previousScopedStock(scope)).filter(
      (row) =>
        (scope.category === undefined || row.article === "A-1") &&
        (scope.search === undefined || row.article === "A-3"),
    );
    const dashboard = await dashboardData(api, scope, DEFAULT_STATUS_RULES, null);
    const rows = STOCK_STATUSES.flatMap((status) => dashboard.rows[status])
      .map(({ article, available, reserved, in_transit, warehouse_count, velocity }) => ({
        article,
        available,
        reserved,
        in_transit,
        warehouse_count,
        velocity,
      }))
      .sort((a, b) => a.article.localeCompare(b.article));
    expect(rows, JSON.stringify(scope)).toEqual(expected);
    const list = await inventoryList(api, scope, DEFAULT_STATUS_RULES, {
      sort: "available",
      order: "asc",
      offset: 0,
      limit: 50,
    });
    expect(list.total).toBe(expected.length);
    expect(list.rows.map((row) => row.article).sort()).toEqual(expected.map((row) => row.article));
    compared += expected.length;
  }
  expect(compared).toBeGreaterThan(10);
  for (const marketplace of [undefined, "ozon", "wb"] as const) {
    for (const warehouseId of [undefined, ...Object.values(warehouses)]) {
      for (const onlyReorder of [false, true]) {
        const query: RecommendationQuery = {
          orgId,
          leadTimeDays: 14,
          safetyStockDays: 7,
          velocityWindowDays: 30,
          marketplace,
          warehouseId,
          onlyReorder,
          offset: 0,
          limit: 100,
        };
        expect(exact(await warehouseRecommendationInputs(api, query)), JSON.stringify(query)).toEqual(
          exact(await previousWarehouseLines(query)),
        );
        if (marketplace === undefined && warehouseId === undefined && !onlyReorder) {
          models = (await previousWarehouseLines(query)).map((row) => String(row.demand_model));
        }
      }
    }
  }
}

const readModelRows = () =>
  db.query<{ key: string; xmin: string }>(
    `select 'w ' || product_id || ' ' || warehouse_id || ' ' || marketplace as key, xmin::text as xmin
       from product_warehouse_summary where org_id = $1
     union all
     select 'm ' || product_id || ' ' || marketplace, xmin::text from product_marketplace_stock where org_id = $1
     order by 1`,
    [orgId],
  );

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ({ orgId, accounts } = await seedOrganization(db.query, ["ozon", "wb"]));
  const ids = await seedProducts(db.query, orgId, ["A-1", "A-2", "A-3", "A-4"]);
  ["A-1", "A-2", "A-3", "A-4"].forEach((article, index) => {
    products[article] = ids[index] as string;
  });
  await db.query("update products set category = 'shoes' where id = $1", [products["A-1"]]);
  for (const [name, marketplace] of Object.entries(WAREHOUSES)) {
    const [row] = await db.query<{ id: number }>(
      "insert into warehouses (org_id, marketplace, name) values ($1, $2, $3) returning id",
      [orgId, marketplace, name],
    );
    warehouses[name] = Number(row?.id);
  }
  for (const listing of ["A-1:ozon", "A-1:wb", "A-2:ozon", "A-2:wb", "A-3:wb", "A-4:ozon"]) {
    const [article, marketplace] = listing.split(":") as [string, Marketplace];
    const [row] = await db.query<{ id: string }>(
      `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
       values ($1, $2, $3, $4, $5, $5) returning id::text as id`,
      [orgId, products[article], accounts[marketplace], marketplace, listing],
    );
    listings[listing] = String(row?.id);
  }
});

describe("stock read models behind the scoped dashboard, inventory and per-warehouse recommendations", () => {
  it("answer as the inventory rows and orders do, after first runs and a run that changes stock and sales", async () => {
    await stock("A-1:ozon@O1", 10, 1, 2);
    await stock("A-1:ozon@O2", 0);
    await stock("A-1:wb@W1", 3, 0, 5);
    await stock("A-1:wb@W2", 40, 2, 0);
    await stock("A-2:ozon@O1", 0);
    await stock("A-2:wb@W1", 0);
    await stock("A-3:wb@W1", 7);
    await stock("A-3:wb@W2", 1);
    await stock("A-4:ozon@O2", 150, 3, 1);
    // Orders over the last weeks, and snapshots with days out of stock at O1 (censored days).
    for (const back of [1, 2, 3, 5, 8, 13, 21, 34]) await order(null, "A-1:ozon@O1", back, 1 + (back % 3));
    for (const back of [2, 9, 30]) await order(null, "A-1:wb@W2", back, 2);
    // A-3 at W1 sells nearly every day (SES).
    for (let back = 1; back <= 9; back++) await order(null, "A-3:wb@W1", back, 1 + (back % 4));
    await order(null, "A-4:ozon@O2", 60, 1);
    // Censored at O1: the 5th, 4th and 3rd days back (two of them sold).
    for (const back of [1, 2, 3, 4, 5, 6])
      await snapshot("A-1:ozon@O1", back, back === 4 || back === 5 ? 0 : 10);
    // A-3 at W1 snapshotted from before its first sale (the series starts there); A-2 at W1 sold on a day out of
    // stock and has no day in stock at all ('none').
    for (let back = 1; back <= 10; back++) await snapshot("A-3:wb@W1", back, 7);
    await order(null, "A-2:wb@W1", 2, 1);
    for (const back of [1, 2, 3]) await snapshot("A-2:wb@W1", back, 0);

    const firstOzon = await startTestRun(db, orgId, accounts.ozon);
    await finalize("ozon", firstOzon);
    const firstWb = await startTestRun(db, orgId, accounts.wb);
    await finalize("wb", firstWb);
    expect((await readModelRows()).length).toBe(9 + 6);
    await expectAnswersEqualPrevious();
    // The forecasts compared cover every model.
    expect(new Set(models)).toEqual(new Set(["ses", "tsb", "none"]));

    // A later WB run the same day: one cell changed, one cell new, an order of this run at W1.
    const second = await startTestRun(db, orgId, accounts.wb);
    await stock("A-1:wb@W1", 0);
    await stock("A-2:wb@W2", 5, 1, 0);
    await order(second, "A-3:wb@W1", 1, 4);
    await finalize("wb", second);
    expect((await readModelRows()).length).toBe(10 + 6);
    await expectAnswersEqualPrevious();

    // The same finalize again, nothing changed: no read-model row is rewritten.
    const before = await readModelRows();
    await finalize("wb", second);
    expect(await readModelRows()).toEqual(before);
    await expectAnswersEqualPrevious();
  });

  it("the migration's backfill writes the rows finalize keeps", async () => {
    const rows = () =>
      db.query(
        `select product_id, warehouse_id, marketplace::text, available, reserved, in_transit, velocity, demand_model,
           observed_days, censored_days from product_warehouse_summary where org_id = $1
         union all select product_id, warehouse_count, marketplace::text, available, reserved, in_transit, 0, '', 0, 0
           from product_marketplace_stock where org_id = $1
         order by 1, 2, 3, 8`,
        [orgId],
      );
    const kept = await rows();
    expect(kept.length).toBeGreaterThan(10);
    await db.pg.exec("delete from product_warehouse_summary; delete from product_marketplace_stock");
    const migration = readFileSync(
      new URL("../../../db/migrations/0024_stock_summaries.sql", import.meta.url),
      "utf8",
    );
    const backfill = migration.split("--> statement-breakpoint").at(-1) ?? "";
    expect(backfill).toContain("FOR v_org IN SELECT id FROM organizations");
    await db.pg.exec(backfill);
    expect(await rows()).toEqual(kept);
  });

  it("a deleted warehouse's rows go with its stock, and a deleted product's with it", async () => {
    const held = await db.query("select 1 from product_warehouse_summary where warehouse_id = $1", [
      warehouses.O1,
    ]);
    expect(held.length).toBeGreaterThan(0);
    await db.query("delete from warehouses where id = $1", [warehouses.O1]);
    const gone = await db.query("select 1 from product_warehouse_summary where warehouse_id = $1", [
      warehouses.O1,
    ]);
    expect(gone).toEqual([]);
    const a4 = await db.query("select 1 from product_marketplace_stock where product_id = $1", [
      products["A-4"],
    ]);
    expect(a4.length).toBe(1);
    await db.query("delete from products where id = $1", [products["A-4"]]);
    const left = await db.query(
      `select 1 from product_warehouse_summary where product_id = $1
       union all select 1 from product_marketplace_stock where product_id = $1`,
      [products["A-4"]],
    );
    expect(left).toEqual([]);
  });
});

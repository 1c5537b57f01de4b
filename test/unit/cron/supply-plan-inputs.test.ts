// The supply plan's inputs read each stocked cell's stock and demand forecast from product_warehouse_summary (what
// finalize stores) and forecast per request only the cells with orders but no stock row (WB's marketplace-wide
// total, a warehouse the stock feed no longer lists): they answer as the previous query did, which summed the
// inventory rows and forecast every product × warehouse per request (kept here as the reference), for every scope
// (all, each marketplace, each cluster, each warehouse, a search), after a day's first runs and after a later run
// that changes stock and brings orders at an unstocked warehouse.
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { warehouseDemandDays } from "../../../db/queries/demand-days";
import { productSearchSql } from "../../../db/queries/inventory-search";
import {
  type SupplyPlanRow,
  type SupplyPlanScope,
  storedSupplyPlanPage,
  supplyPlanInputs,
  supplyPlanPage,
} from "../../../db/queries/supply-plan";
import {
  currentSupplyPlanModel,
  refreshSupplyPlanStore,
  storedSupplyPlanScope,
  supplyPlanLock,
} from "../../../db/queries/supply-plan-store";
import { demandForecastCtes } from "../../../domain/forecast-sql";
import type { SupplyPlanSettings } from "../../../domain/supply-plan-sql";
import {
  type ProductReconciliation,
  reconcilePlan,
  reconcileProduct,
} from "../../../domain/supply-reconciliation";
import { planLine } from "../../../worker/api/supply-plan-line";
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
/** Two Ozon warehouses in a cluster and one outside, two WB warehouses and WB's marketplace-wide total. */
const WAREHOUSES: Record<string, { marketplace: Marketplace; cluster: string | null; type: string }> = {
  O1: { marketplace: "ozon", cluster: "Москва", type: "fbo" },
  O2: { marketplace: "ozon", cluster: "Москва", type: "fbo" },
  O3: { marketplace: "ozon", cluster: null, type: "fbo" },
  W1: { marketplace: "wb", cluster: null, type: "fbo" },
  W2: { marketplace: "wb", cluster: null, type: "fbo" },
  WT: { marketplace: "wb", cluster: "Россия", type: "unknown" },
};

const { stock, order, snapshot, finalize } = warehouseCells(() => ({
  db,
  orgId,
  accounts,
  listings,
  warehouses,
  marketplaceOf: (warehouse) => WAREHOUSES[warehouse]?.marketplace as Marketplace,
}));

/** The previous query: stock from the inventory rows, every product × warehouse forecast per request. */
async function previousSupplyPlanInputs(scope: SupplyPlanScope) {
  const stockScope = [sql`i.org_id = ${scope.orgId}`];
  const days = warehouseDemandDays({ orgId: scope.orgId });
  const lineFilters: SQL[] = [sql`p.org_id = ${scope.orgId}`];
  if (scope.marketplace) lineFilters.push(sql`l.marketplace = ${scope.marketplace}`);
  if (scope.warehouseId !== undefined)
    lineFilters.push(sql`${scope.warehouseId}::int = any(l.warehouse_ids)`);
  if (scope.cluster !== undefined) lineFilters.push(sql`l.cluster = ${scope.cluster}`);
  if (scope.search !== undefined) lineFilters.push(productSearchSql(scope.search));
  const result = await api.execute(sql`with ${demandForecastCtes(days)},
    stock as (
      select i.product_id, i.warehouse_id, sum(i.available)::int as available, sum(i.in_transit)::int as in_transit
      from inventory i where ${sql.join(stockScope, sql` and `)}
      group by i.product_id, i.warehouse_id),
    per_warehouse as (
      select coalesce(s.product_id, d.product_id) as product_id, coalesce(s.warehouse_id, d.warehouse_id) as warehouse_id,
        coalesce(s.available, 0) as available, coalesce(s.in_transit, 0) as in_transit, coalesce(d.per_day, 0) as velocity
      from stock s full join demand_forecast d on d.product_id = s.product_id and d.warehouse_id = s.warehouse_id),
    located as (
      select pw.*, w.marketplace, w.type, w.cluster, coalesce(w.cluster, w.name) as destination,
        w.name as warehouse_name, case when w.cluster is null then w.id end as own_warehouse_id
      from per_warehouse pw join warehouses w on w.id = pw.warehouse_id and w.org_id = ${scope.orgId}),
    marketplace_totals as (
      select distinct on (product_id, marketplace) product_id, marketplace, cluster, destination, own_warehouse_id
      from located where type = 'unknown' and velocity > 0
      order by product_id, marketplace, velocity desc),
    placed as (
      select l.product_id, l.warehouse_id, l.warehouse_name, l.available, l.in_transit, l.velocity, l.marketplace,
        case when t.product_id is null or l.velocity > 0 then l.cluster else t.cluster end as cluster,
        case when t.product_id is null or l.velocity > 0 then l.destination else t.destination end as destination,
        case when t.product_id is null or l.velocity > 0 then l.own_warehouse_id else t.own_warehouse_id end
          as own_warehouse_id
      from located l left join marketplace_totals t on t.product_id = l.product_id and t.marketplace = l.marketplace),
    lines as (
      select product_id, marketplace, destination, cluster, own_warehouse_id as warehouse_id,
        array_agg(warehouse_id order by warehouse_name) as warehouse_ids,
        array_agg(warehouse_name order by warehouse_name) as warehouses,
        sum(available)::int as available, sum(in_transit)::int as in_transit, sum(velocity)::float8 as velocity
      from placed group by product_id, marketplace, destination, cluster, own_warehouse_id),
    shared as (
      select lines.*, coalesce(velocity / nullif(sum(velocity) over (partition by product_id), 0), 0)::float8 as share
      from lines)
    select l.product_id, p.article, p.name, l.marketplace::text as marketplace, l.destination, l.cluster,
      l.warehouse_id, l.warehouses, l.available, l.in_transit, l.share as demand_share,
      (coalesce(ps.velocity, 0) * l.share)::float8 as velocity, coalesce(ps.velocity, 0)::float8 as product_velocity,
      pss.min_order_units, pss.pack_size, coalesce(ps.unit_price, 0)::float8 as unit_price
    from shared l
    join products p on p.id = l.product_id
    left join product_summary ps on ps.org_id = ${scope.orgId} and ps.product_id = l.product_id
    left join product_supply_settings pss on pss.product_id = l.product_id
    where ${sql.join(lineFilters, sql` and `)}
    order by l.marketplace, l.destination, p.article`);
  return result.rows;
}

function scopes(): SupplyPlanScope[] {
  return [
    { orgId },
    { orgId, marketplace: "ozon" },
    { orgId, marketplace: "wb" },
    { orgId, cluster: "Москва" },
    { orgId, cluster: "Россия" },
    { orgId, marketplace: "wb", cluster: "Россия" },
    ...Object.keys(WAREHOUSES).map((name) => ({ orgId, warehouseId: warehouses[name] })),
    { orgId, search: "A-2" },
    { orgId, marketplace: "wb", search: "A-4" },
  ];
}

/** A row's figures, the forecast's to 12 significant digits (the sums add the same terms in another order). */
function exact(rows: readonly object[]) {
  return rows.map((row) => {
    const line = row as Record<string, unknown>;
    return {
      product_id: Number(line.product_id),
      destination: line.destination,
      cluster: line.cluster,
      warehouse_id: line.warehouse_id === null ? null : Number(line.warehouse_id),
      warehouses: line.warehouses,
      available: Number(line.available),
      in_transit: Number(line.in_transit),
      velocity: Number(Number(line.velocity).toPrecision(12)),
      demand_share: Number(Number(line.demand_share).toPrecision(12)),
      product_velocity: Number(Number(line.product_velocity).toPrecision(12)),
      min_order_units: line.min_order_units === null ? null : Number(line.min_order_units),
      pack_size: line.pack_size === null ? null : Number(line.pack_size),
      unit_price: Number(line.unit_price),
    };
  });
}

const SETTINGS: SupplyPlanSettings[] = [
  {
    leadTimeDays: 14,
    safetyStockDays: 7,
    targetCoverDays: 30,
    coverCeilingDays: 60,
    minOrderUnits: 1,
    packSize: 1,
  },
  {
    leadTimeDays: 3,
    safetyStockDays: 1,
    targetCoverDays: 90,
    coverCeilingDays: 120,
    minOrderUnits: 4,
    packSize: 3,
  },
  {
    leadTimeDays: 30,
    safetyStockDays: 10,
    targetCoverDays: 40,
    coverCeilingDays: 45,
    minOrderUnits: 1,
    packSize: 5,
  },
];

/**
 * The plan as the route computed it before the database did its arithmetic: every line through planLine, the
 * list, its totals and the per-product reconciliation over every line of the scope (the reference).
 */
function referencePlan(
  rows: readonly SupplyPlanRow[],
  scope: SupplyPlanScope,
  settings: SupplyPlanSettings,
  all: boolean,
) {
  const planned = rows.map((row) => planLine(row, settings));
  const items = planned.filter((line) => all || line.quantity > 0);
  const shipping = planned.filter((line) => line.quantity > 0);
  const byProduct = new Map<
    number,
    { velocity: number; lines: Parameters<typeof reconcileProduct>[0][number][] }
  >();
  rows.forEach((row, index) => {
    const line = planned[index] as (typeof planned)[number];
    const entry = byProduct.get(row.product_id) ?? { velocity: 0, lines: [] };
    entry.velocity = scope.marketplace === undefined ? row.product_velocity : entry.velocity + row.velocity;
    entry.lines.push({
      ...line,
      destination: row.destination,
      available: row.available,
      inTransit: row.in_transit,
      velocity: row.velocity,
    });
    byProduct.set(row.product_id, entry);
  });
  const whole = scope.cluster === undefined && scope.warehouseId === undefined;
  const products: ProductReconciliation[] = [...byProduct.values()].map((entry) =>
    reconcileProduct(entry.lines, entry.velocity, settings),
  );
  return {
    items,
    total: items.length,
    totals: {
      lines: shipping.length,
      products: new Set(shipping.map((line) => line.productId)).size,
      destinations: new Set(shipping.map((line) => `${line.marketplace}:${line.destination.name}`)).size,
      units: shipping.reduce((sum, line) => sum + line.quantity, 0),
      value: Math.round(shipping.reduce((sum, line) => sum + line.value, 0) * 100) / 100,
    },
    reconciliation: whole ? reconcilePlan(products) : null,
  };
}

/**
 * The organization's supply settings changed as PATCH /api/settings changes them (updateOrganizationSettings: the
 * lock, the row with a new data version, the stored plan again, every quantity that may move).
 */
async function changeSettings(settings: SupplyPlanSettings): Promise<void> {
  await db.run([
    supplyPlanLock(orgId),
    sql`update organizations set lead_time_days = ${settings.leadTimeDays},
      safety_stock_days = ${settings.safetyStockDays}, target_cover_days = ${settings.targetCoverDays},
      cover_ceiling_days = ${settings.coverCeilingDays}, min_order_units = ${settings.minOrderUnits},
      pack_size = ${settings.packSize}, data_version = data_version + 1 where id = ${orgId}`,
    ...refreshSupplyPlanStore(orgId, settings),
  ]);
}

/** The stored page, as the route asks for it (null when the stored plan is not current). */
function storedPage(
  scope: SupplyPlanScope,
  settings: SupplyPlanSettings,
  list: Parameters<typeof supplyPlanPage>[3],
) {
  const key = storedSupplyPlanScope(scope);
  return key === null
    ? Promise.resolve(null)
    : storedSupplyPlanPage(api, scope, settings, list, currentSupplyPlanModel(orgId, key, settings));
}

/**
 * supplyPlanPage answers, page by page, what the reference computes from every line, in every scope; so does the
 * stored plan for the whole plan and each marketplace, once the settings are the organization's (the quantities
 * computed again from the previous settings' each time).
 */
async function expectPlanEqualsReference(): Promise<number> {
  let shipped = 0;
  for (const settings of SETTINGS) {
    await changeSettings(settings);
    for (const scope of scopes()) {
      const rows = await supplyPlanInputs(api, scope);
      for (const all of [false, true]) {
        const expected = referencePlan(rows, scope, settings, all);
        const pageSize = 3;
        const pages = Math.max(1, Math.ceil(expected.total / pageSize));
        for (let page = 1; page <= pages; page++) {
          const answer = await supplyPlanPage(api, scope, settings, { all, page, pageSize });
          const where = JSON.stringify({ scope, settings, all, page });
          expect(
            answer.rows.map((row) => planLine(row, settings)),
            where,
          ).toEqual(expected.items.slice((page - 1) * pageSize, page * pageSize));
          expect(answer.total, where).toBe(expected.total);
          expect(answer.totals, where).toEqual(expected.totals);
          expect(answer.reconciliation, where).toEqual(expected.reconciliation);
          if (storedSupplyPlanScope(scope) !== null) {
            expect(await storedPage(scope, settings, { all, page, pageSize }), where).toEqual(answer);
          }
        }
        // The export's ranges join into the whole list.
        const chunks: SupplyPlanRow[] = [];
        for (;;) {
          const chunk = await supplyPlanInputs(api, scope, {
            after: chunks.at(-1),
            limit: 2,
            shipping: all ? undefined : settings,
          });
          chunks.push(...chunk);
          if (chunk.length < 2) break;
        }
        expect(chunks.map((row) => planLine(row, settings))).toEqual(expected.items);
      }
      shipped += referencePlan(rows, scope, settings, false).total;
    }
  }
  return shipped;
}

async function expectInputsEqualPrevious(): Promise<number> {
  let compared = 0;
  for (const scope of scopes()) {
    const expected = exact(await previousSupplyPlanInputs(scope));
    expect(exact(await supplyPlanInputs(api, scope)), JSON.stringify(scope)).toEqual(expected);
    compared += expected.length;
  }
  return compared;
}

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ({ orgId, accounts } = await seedOrganization(db.query, ["ozon", "wb"]));
  const ids = await seedProducts(db.query, orgId, ["A-1", "A-2", "A-3", "A-4"]);
  ["A-1", "A-2", "A-3", "A-4"].forEach((article, index) => {
    products[article] = ids[index] as string;
  });
  for (const [name, { marketplace, cluster, type }] of Object.entries(WAREHOUSES)) {
    const [row] = await db.query<{ id: number }>(
      "insert into warehouses (org_id, marketplace, name, cluster, type) values ($1, $2, $3, $4, $5) returning id",
      [orgId, marketplace, name, cluster, type],
    );
    warehouses[name] = Number(row?.id);
  }
  for (const listing of ["A-1:ozon", "A-1:wb", "A-2:ozon", "A-2:wb", "A-3:wb", "A-4:ozon", "A-4:wb"]) {
    const [article, marketplace] = listing.split(":") as [string, Marketplace];
    const [row] = await db.query<{ id: string }>(
      `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
       values ($1, $2, $3, $4, $5, $5) returning id::text as id`,
      [orgId, products[article], accounts[marketplace], marketplace, listing],
    );
    listings[listing] = String(row?.id);
  }
  await db.query(
    "insert into product_supply_settings (org_id, product_id, min_order_units, pack_size) values ($1, $2, 10, 6)",
    [orgId, products["A-1"]],
  );
});

describe("the supply plan's inputs from the stored per-warehouse forecasts", () => {
  it("equal the per-request forecast of every product × warehouse, in every scope, after runs", async () => {
    await stock("A-1:ozon@O1", 10, 0, 2);
    await stock("A-1:ozon@O2", 0);
    await stock("A-1:ozon@O3", 4);
    await stock("A-1:wb@W1", 3, 0, 5);
    await stock("A-1:wb@W2", 40);
    await stock("A-2:ozon@O1", 0);
    await stock("A-2:wb@W1", 6);
    await stock("A-3:wb@W2", 1);
    await stock("A-4:ozon@O2", 150);
    await stock("A-4:wb@W1", 2);
    for (const back of [1, 2, 3, 5, 8, 13, 21, 34]) await order(null, "A-1:ozon@O1", back, 1 + (back % 3));
    for (const back of [2, 9, 30]) await order(null, "A-1:wb@W2", back, 2);
    for (let back = 1; back <= 9; back++) await order(null, "A-3:wb@W2", back, 1 + (back % 4));
    // Orders where the product has no stock row: WB's total (A-2, A-4) and an Ozon warehouse (A-4 at O1).
    for (const back of [1, 3, 4, 7]) await order(null, "A-2:wb@WT", back, 2);
    for (const back of [2, 5]) await order(null, "A-4:wb@WT", back, 1);
    for (const back of [1, 6, 11]) await order(null, "A-4:ozon@O1", back, 3);
    // Censored days at O1 for A-1, and a series that starts at its first snapshot.
    for (const back of [1, 2, 3, 4, 5, 6])
      await snapshot("A-1:ozon@O1", back, back === 4 || back === 5 ? 0 : 10);
    for (let back = 1; back <= 12; back++) await snapshot("A-3:wb@W2", back, 5);

    await finalize("ozon", await startTestRun(db, orgId, accounts.ozon));
    await finalize("wb", await startTestRun(db, orgId, accounts.wb));
    expect(await expectInputsEqualPrevious()).toBeGreaterThan(30);
    // The comparison covers lines from demand without stock (all the total's, with no stock of their own).
    const all = await supplyPlanInputs(api, { orgId });
    expect(all.some((row) => row.destination === "Россия" && row.velocity > 0)).toBe(true);
    expect(
      all.some((row) => row.destination === "Москва" && row.product_id === Number(products["A-4"])),
    ).toBe(true);

    // A later WB run the same day: a cell zeroed, a cell new, orders of this run at the total and at W1.
    const second = await startTestRun(db, orgId, accounts.wb);
    await stock("A-1:wb@W1", 0);
    await stock("A-3:wb@W1", 5, 0, 1);
    await order(second, "A-3:wb@WT", 1, 4);
    await order(second, "A-2:wb@W1", 1, 2);
    await finalize("wb", second);
    expect(await expectInputsEqualPrevious()).toBeGreaterThan(30);

    // A warehouse joins a cluster (the directory a run reads at its start): the next finalize, of an account
    // whose own products did not change there, moves every product's lines.
    await db.query("update warehouses set cluster = 'Казань' where id = $1", [warehouses.O3]);
    await finalize("wb", await startTestRun(db, orgId, accounts.wb));
    expect(await expectInputsEqualPrevious()).toBeGreaterThan(30);
    expect((await supplyPlanInputs(api, { orgId, cluster: "Казань" })).length).toBeGreaterThan(0);
  });

  it("pages, totals and reconciles in the database as the route did from every line, under several settings", async () => {
    // Lines that ship, lines capped, lines covered, in every scope: the comparison is not of empty plans.
    expect(await expectPlanEqualsReference()).toBeGreaterThan(20);
  });

  it("two settings changes racing leave no quantity computed under settings the organization never had", async () => {
    const start = SETTINGS[1] as SupplyPlanSettings;
    await changeSettings(start);
    // Each change merges itself into the settings it read before the other committed (updateOrganizationSettings).
    const safetyChange = { ...start, safetyStockDays: 10 };
    const leadChange = { ...start, leadTimeDays: 30 };
    const both = { ...start, safetyStockDays: 10, leadTimeDays: 30 };
    const whole = { orgId };
    const list = { all: false, page: 1, pageSize: 50 };
    const live = await supplyPlanPage(api, whole, both, list);
    expect(live.rows).not.toEqual((await supplyPlanPage(api, whole, safetyChange, list)).rows);
    await changeSettings(safetyChange);
    // The second change's row update lands on the first's; its store refresh, under the settings it merged, finds
    // others and writes nothing.
    await db.run([
      supplyPlanLock(orgId),
      sql`update organizations set lead_time_days = 30, data_version = data_version + 1 where id = ${orgId}`,
      ...refreshSupplyPlanStore(orgId, leadChange),
    ]);
    expect(await storedPage(whole, both, list)).toBeNull();
    // The next finalize stores the plan under the settings the organization has, every quantity again.
    await finalize("wb", await startTestRun(db, orgId, accounts.wb));
    for (const scope of [
      whole,
      { orgId, marketplace: "ozon" as const },
      { orgId, marketplace: "wb" as const },
    ]) {
      for (const all of [false, true]) {
        const page = { all, page: 1, pageSize: 50 };
        const stored = await storedPage(scope, both, page);
        expect(stored, JSON.stringify({ scope, all })).not.toBeNull();
        expect(stored, JSON.stringify({ scope, all })).toEqual(await supplyPlanPage(api, scope, both, page));
      }
    }
  });

  it("stores the plan at finalize and uses it only while it is the organization's current one", async () => {
    const settings = SETTINGS[0] as SupplyPlanSettings;
    await changeSettings(settings);
    const whole = { orgId };
    const list = { all: false, page: 1, pageSize: 50 };
    const current = await storedPage(whole, settings, list);
    expect(current?.total).toBeGreaterThan(1);
    expect(current).toEqual(await supplyPlanPage(api, whole, settings, list));
    // Under other settings than the organization's: not that plan.
    expect(await storedPage(whole, SETTINGS[2] as SupplyPlanSettings, list)).toBeNull();
    // A writer that moves the data version without storing it again (an account's deletion).
    await db.query("update organizations set data_version = data_version + 1 where id = $1", [orgId]);
    expect(await storedPage(whole, settings, list)).toBeNull();
    await db.run(refreshSupplyPlanStore(orgId, settings));
    expect(await storedPage(whole, settings, list)).toEqual(current);
    // A line written and not computed yet (as refreshSupplyPlanLines leaves it): not used.
    await db.query(
      "update supply_plan_lines set quantity = null where product_id = $1 and destination = 'W2'",
      [products["A-3"]],
    );
    expect(await storedPage(whole, settings, list)).toBeNull();
    // A stored plan computed under settings the organization no longer has writes nothing.
    await db.run(refreshSupplyPlanStore(orgId, SETTINGS[1] as SupplyPlanSettings));
    expect(await storedPage(whole, settings, list)).toBeNull();
    // A finalize stores it again: the same answer as computed, with the emptied cell, and without a line that
    // shipped and is now stocked for months (its stored quantity computed again).
    const shipped = current?.rows.find((row) => row.article !== "A-3");
    expect(shipped).toBeDefined();
    await stock(`${shipped?.article}:${shipped?.marketplace}@${shipped?.warehouses[0]}`, 5_000);
    await stock("A-3:wb@W2", 0);
    await finalize("ozon", await startTestRun(db, orgId, accounts.ozon));
    await finalize("wb", await startTestRun(db, orgId, accounts.wb));
    const after = await storedPage(whole, settings, list);
    expect(after).toEqual(await supplyPlanPage(api, whole, settings, list));
    expect(after).not.toEqual(current);
    const same = (row: SupplyPlanRow) =>
      row.product_id === shipped?.product_id && row.destination_key === shipped.destination_key;
    expect(after?.rows.some(same)).toBe(false);
    const every = { all: true, page: 1, pageSize: 50 };
    const line = (await storedPage(whole, settings, every))?.rows.find(
      (row) => row.article === "A-3" && row.destination === "W2",
    );
    expect(line?.available).toBe(0);
    expect(await storedPage(whole, settings, every)).toEqual(
      await supplyPlanPage(api, whole, settings, every),
    );
  });
});

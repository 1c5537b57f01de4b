// A finalize stores the Overview's answer (db/queries/dashboard-store.ts) for the data version it closes: for all
// warehouses, each marketplace, each warehouse and each category, every Top-N up to what is stored, it equals the
// answer computed per request (dashboard.ts, dashboard-money.ts), after a first sync and after a sync that changes
// and zeroes stock; a stored answer is not used at another data version, with other settings, or for a larger
// Top-N, nor for a search. The per-request answer of a category or a search is the every-product list narrowed.
// The warehouses' stock totals stored with it equal their sums per request.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { dashboardData } from "../../../db/queries/dashboard";
import { dashboardMoney } from "../../../db/queries/dashboard-money";
import {
  DASHBOARD_STORED_TOP,
  type DashboardFilters,
  type DashboardRules,
  dashboardRulesFromRow,
  dashboardRulesSql,
  refreshDashboardReadModels,
  storedDashboard,
} from "../../../db/queries/dashboard-store";
import type { ClassifiedStockRow } from "../../../db/queries/product-stock";
import { warehousesWithTotals } from "../../../db/queries/warehouses";
import { STOCK_STATUSES } from "../../../domain/stock-status";
import { fullOzonStockRun, type OzonStock } from "./ozon-stock-run";
import { migratedDatabase, seedAccount, type TestDatabase } from "./pglite-database";

let db: TestDatabase;
let api: Database;
let ids: { orgId: string; accountId: string };

/** One full run over one page of Ozon FBO stock: warehouse → sku → available. */
const fullRun = (stock: OzonStock) => fullOzonStockRun(db, ids, stock);

async function organization(): Promise<DashboardRules & { id: string; dataVersion: number }> {
  const [[row] = []] = await db.run([dashboardRulesSql(ids.orgId)]);
  const [version] = await db.query<{ data_version: number }>(
    "select data_version from organizations where id = $1",
    [ids.orgId],
  );
  return { ...dashboardRulesFromRow(row ?? {}), id: ids.orgId, dataVersion: Number(version?.data_version) };
}

/** Every stored scope: all warehouses, each marketplace, each warehouse and each category of the organization. */
async function storedFilters(): Promise<DashboardFilters[]> {
  const warehouses = await db.query<{ id: number }>(
    "select id from warehouses where org_id = $1 order by id",
    [ids.orgId],
  );
  const categories = await db.query<{ category: string }>(
    "select distinct category from products where org_id = $1 and category is not null order by 1",
    [ids.orgId],
  );
  expect(warehouses.length).toBeGreaterThan(1);
  expect(categories.length).toBeGreaterThan(1);
  return [
    {},
    { marketplace: "ozon" },
    { marketplace: "wb" },
    ...warehouses.map((row) => ({ warehouseId: Number(row.id) })),
    ...categories.map((row) => ({ category: row.category })),
  ];
}

async function expectStoredAsPerRequest(): Promise<void> {
  const org = await organization();
  // The warehouses' stock totals, stored with it: the same as summed per request (at a version none is stored for).
  const [tag] = await db.query<{ data_version: number }>(
    "select data_version from dashboard_read_models where org_id = $1 and scope = 'warehouses'",
    [ids.orgId],
  );
  expect(Number(tag?.data_version)).toBe(org.dataVersion);
  const totals = await warehousesWithTotals(api, org.id, org.dataVersion);
  expect(totals.some((line) => Number(line.available) > 0)).toBe(true);
  expect(totals).toEqual(await warehousesWithTotals(api, org.id, -1));
  for (const filters of await storedFilters()) {
    const wholeProducts = filters.warehouseId === undefined && filters.category === undefined;
    for (const limit of [1, 3, DASHBOARD_STORED_TOP]) {
      const stored = await storedDashboard(api, org, filters, limit);
      expect(stored, `${JSON.stringify(filters)} ${limit}`).not.toBeNull();
      expect(stored, `${JSON.stringify(filters)} ${limit}`).toEqual({
        data: await dashboardData(api, { orgId: org.id, ...filters }, org, limit),
        money: wholeProducts
          ? await dashboardMoney(api, { orgId: org.id, marketplace: filters.marketplace }, org)
          : null,
      });
    }
  }
}

/** A category's or a search's answer per request is the every-product answer narrowed to its products. */
async function expectNarrowedAsEveryProduct(
  filters: DashboardFilters,
  keep: (row: ClassifiedStockRow) => boolean,
): Promise<void> {
  const org = await organization();
  const every = await dashboardData(api, { orgId: org.id }, org, null);
  for (const limit of [1, 3, null]) {
    const narrowed = await dashboardData(api, { orgId: org.id, ...filters }, org, limit);
    for (const status of STOCK_STATUSES) {
      const rows = every.rows[status].filter(keep);
      expect(narrowed.counts[status], `${JSON.stringify(filters)} ${status}`).toBe(rows.length);
      expect(narrowed.rows[status]).toEqual(limit === null ? rows : rows.slice(0, limit));
    }
  }
}

/** Shoes for odd skus up to 9, bags for even ones, no category past 9 (set behind the catalogue's back). */
async function categorize(): Promise<void> {
  await db.query(
    `update products set category = case when substr(article, 5)::int > 9 then null
        when substr(article, 5)::int % 2 = 1 then 'Shoes' else 'Bags' end
      where org_id = $1`,
    [ids.orgId],
  );
}

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ids = await seedAccount(db, "ozon");
  // The units basis (5/20/100), so that every status has products: 15 products at two warehouses.
  await db.query("update organizations set status_basis = 'units' where id = $1", [ids.orgId]);
});

describe("the Overview's answer stored by finalize", () => {
  it("after a first sync equals the answer per request, at every scope and Top-N", async () => {
    const stock: Record<string, Record<number, number>> = { Tver: {}, Kazan: {} };
    // Tver 1, 10, 19, 28 … 118 units (sku × 9 − 8), Kazan sku units of every third, sku 15 none.
    for (let sku = 1; sku <= 14; sku++) {
      (stock.Tver as Record<number, number>)[sku] = sku * 9 - 8;
      if (sku % 3 === 0) (stock.Kazan as Record<number, number>)[sku] = sku;
    }
    (stock.Tver as Record<number, number>)[15] = 0;
    await fullRun(stock);
    await categorize();
    await fullRun(stock);
    await expectStoredAsPerRequest();
    const stored = await storedDashboard(api, await organization(), {}, DASHBOARD_STORED_TOP);
    expect(stored?.data.counts).toEqual({ critical: 2, low: 1, normal: 9, overstock: 3 });
    const kazan = await db.query<{ id: number }>(
      "select id from warehouses where org_id = $1 and name = 'Kazan'",
      [ids.orgId],
    );
    const inKazan = await storedDashboard(
      api,
      await organization(),
      { warehouseId: Number(kazan[0]?.id) },
      10,
    );
    // Kazan: skus 3, 6, 9, 12 with 3, 6, 9, 12 units (units basis 5/20/100).
    expect(inKazan?.data.counts).toEqual({ critical: 1, low: 3, normal: 0, overstock: 0 });
    expect(inKazan?.data.rows.critical.map((row) => row.article)).toEqual(["ART-3"]);
    expect(inKazan?.money).toBeNull();
    const shoes = await storedDashboard(api, await organization(), { category: "Shoes" }, 10);
    expect(shoes?.data.rows.critical.map((row) => row.article)).toEqual(["ART-1"]);
  });

  it("after a sync that changes and zeroes stock equals the answer per request", async () => {
    await fullRun({ Tver: { 1: 500, 2: 0, 3: 7, 4: 300, 5: 19 } });
    await expectStoredAsPerRequest();
    const stored = await storedDashboard(api, await organization(), {}, DASHBOARD_STORED_TOP);
    expect(stored?.data.counts).toEqual({ critical: 11, low: 2, normal: 0, overstock: 2 });
  });

  it("after a settings change made as the route makes it, equals the answer per request again", async () => {
    const before = await organization();
    const rules = { ...before, statusBasis: "cover" as const };
    await db.run([
      sql`update organizations set status_basis = 'cover', data_version = data_version + 1 where id = ${ids.orgId}`,
      ...refreshDashboardReadModels(ids.orgId, rules),
    ]);
    expect(await storedDashboard(api, before, { category: "Bags" }, 3)).toBeNull();
    await expectStoredAsPerRequest();
    // A category left without products keeps no stored answer; the others are written again.
    await db.run([
      sql`update products set category = null where org_id = ${ids.orgId} and category = 'Bags'`,
      sql`update organizations set data_version = data_version + 1 where id = ${ids.orgId}`,
      ...refreshDashboardReadModels(ids.orgId, rules),
    ]);
    const scopes = await db.query<{ scope: string }>(
      "select scope from dashboard_read_models where org_id = $1 and scope like 'category:%' order by 1",
      [ids.orgId],
    );
    expect(scopes.map((row) => row.scope)).toEqual(["category:Shoes"]);
    await categorize();
    await db.run([
      sql`update organizations set status_basis = 'units', data_version = data_version + 1 where id = ${ids.orgId}`,
      ...refreshDashboardReadModels(ids.orgId, before),
    ]);
    await expectStoredAsPerRequest();
  });

  it("a category's and a search's answer per request is the every-product answer narrowed", async () => {
    await expectNarrowedAsEveryProduct({ category: "Shoes" }, (row) => row.category === "Shoes");
    await expectNarrowedAsEveryProduct({ category: "Bags" }, (row) => row.category === "Bags");
    await expectNarrowedAsEveryProduct({ search: "art-1" }, (row) => row.article.startsWith("ART-1"));
    await expectNarrowedAsEveryProduct({ search: "Товар 1" }, (row) => row.name.startsWith("Товар 1"));
  });

  it("is not used at another data version, with other settings, or for a larger Top-N", async () => {
    const org = await organization();
    for (const filters of [{ marketplace: "ozon" as const }, { category: "Shoes" }]) {
      expect(await storedDashboard(api, org, filters, DASHBOARD_STORED_TOP)).not.toBeNull();
      expect(await storedDashboard(api, org, filters, DASHBOARD_STORED_TOP + 1)).toBeNull();
      expect(await storedDashboard(api, { ...org, lowMax: org.lowMax + 1 }, filters, 3)).toBeNull();
      expect(await storedDashboard(api, { ...org, dataVersion: org.dataVersion + 1 }, filters, 3)).toBeNull();
    }
    expect(await storedDashboard(api, org, { search: "ART" }, 3)).toBeNull();
    expect(await storedDashboard(api, org, { category: "Shoes", marketplace: "ozon" }, 3)).toBeNull();
    expect(await storedDashboard(api, org, { category: "Nothing" }, 3)).toBeNull();
  });
});

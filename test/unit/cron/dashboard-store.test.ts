// A finalize stores the Overview's answer (db/queries/dashboard-store.ts) for the data version it closes: for all
// warehouses and each marketplace, every Top-N up to what is stored, it equals the answer computed per request
// (dashboard.ts, dashboard-money.ts), after a first sync and after a sync that changes and zeroes stock; a
// stored answer is not used at another data version, with other settings, or for a larger Top-N.
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { readStockOnWarehousesRow } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { finalizeRun } from "../../../cron/load/finalize-run";
import { loadStockPage } from "../../../cron/load/load-stock-page";
import { validateStockPage } from "../../../cron/validate/validate-stock";
import type { Database } from "../../../db/client";
import { dashboardData } from "../../../db/queries/dashboard";
import { dashboardMoney } from "../../../db/queries/dashboard-money";
import {
  DASHBOARD_STORED_TOP,
  type DashboardRules,
  dashboardRulesFromRow,
  dashboardRulesSql,
  storedDashboard,
} from "../../../db/queries/dashboard-store";
import { migratedDatabase, seedAccount, startTestRun, type TestDatabase } from "./pglite-database";

let db: TestDatabase;
let api: Database;
let ids: { orgId: string; accountId: string };

/** One full run over one page of Ozon FBO stock: warehouse → sku → available. */
async function fullRun(stock: Record<string, Record<number, number>>): Promise<void> {
  const runId = await startTestRun(db, ids.orgId, ids.accountId);
  const rows = Object.entries(stock).flatMap(([warehouse, cells]) =>
    Object.entries(cells).map(([sku, available]) => ({
      sku: Number(sku),
      item_code: `ART-${sku}`,
      item_name: `Товар ${sku}`,
      free_to_sell_amount: available,
      promised_amount: 0,
      reserved_amount: 0,
      warehouse_name: warehouse,
    })),
  );
  const validated = validateStockPage("ozon", rows.map(readStockOnWarehousesRow));
  const scope = {
    ...ids,
    marketplace: "ozon" as const,
    runId,
    pageKey: "ozon.v2#0",
    endpoint: "ozon.v2.stock_on_warehouses",
  };
  await loadStockPage(db.run, scope, validated, { extracted: rows.length, pseudoRows: 0 });
  await finalizeRun(db.run, { ...ids, runId, zeroUnseen: true, status: "succeeded", error: null });
}

async function organization(): Promise<DashboardRules & { id: string; dataVersion: number }> {
  const [[row] = []] = await db.run([dashboardRulesSql(ids.orgId)]);
  const [version] = await db.query<{ data_version: number }>(
    "select data_version from organizations where id = $1",
    [ids.orgId],
  );
  return { ...dashboardRulesFromRow(row ?? {}), id: ids.orgId, dataVersion: Number(version?.data_version) };
}

async function expectStoredAsPerRequest(): Promise<void> {
  const org = await organization();
  for (const marketplace of [undefined, "ozon", "wb"] as const) {
    for (const limit of [1, 3, DASHBOARD_STORED_TOP]) {
      const stored = await storedDashboard(api, org, marketplace, limit);
      expect(stored, `${marketplace} ${limit}`).not.toBeNull();
      expect(stored).toEqual({
        data: await dashboardData(api, { orgId: org.id, marketplace }, org, limit),
        money: await dashboardMoney(api, { orgId: org.id, marketplace }, org),
      });
    }
  }
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
    await expectStoredAsPerRequest();
    const stored = await storedDashboard(api, await organization(), undefined, DASHBOARD_STORED_TOP);
    expect(stored?.data.counts).toEqual({ critical: 2, low: 1, normal: 9, overstock: 3 });
  });

  it("after a sync that changes and zeroes stock equals the answer per request", async () => {
    await fullRun({ Tver: { 1: 500, 2: 0, 3: 7, 4: 300, 5: 19 } });
    await expectStoredAsPerRequest();
    const stored = await storedDashboard(api, await organization(), undefined, DASHBOARD_STORED_TOP);
    expect(stored?.data.counts).toEqual({ critical: 11, low: 2, normal: 0, overstock: 2 });
  });

  it("is not used at another data version, with other settings, or for a larger Top-N", async () => {
    const org = await organization();
    expect(await storedDashboard(api, org, "ozon", DASHBOARD_STORED_TOP)).not.toBeNull();
    expect(await storedDashboard(api, org, "ozon", DASHBOARD_STORED_TOP + 1)).toBeNull();
    expect(await storedDashboard(api, { ...org, lowMax: org.lowMax + 1 }, "ozon", 3)).toBeNull();
    expect(await storedDashboard(api, { ...org, dataVersion: org.dataVersion + 1 }, "ozon", 3)).toBeNull();
  });
});

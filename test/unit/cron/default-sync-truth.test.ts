// A new account's default adapters against the simulator in its default mode (the vendors as they answer this
// month): stock (Ozon FBO and FBS, WB warehouses) and sales (Ozon FBO and FBS, WB) end equal to the simulator's truth,
// Ozon sales carry the buyer's region, and WB rows naming "Склад WB РФ" land on that known warehouse.
import { describe, expect, it } from "vitest";
import { runSync } from "../../../cron/engine/run-in-process";
import { OZON_WAREHOUSES } from "../../../dev/sim/warehouses";
import { seedAccount } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 19, size: 500 });

async function sync(ids: { orgId: string; accountId: string }, marketplace: "ozon" | "wb") {
  return (await syncAgainstSimulator(harness, runSync, ids, marketplace, "full")).status;
}

/** "kind|external id" → "quantity/revenue|region" of the loaded sales facts. */
async function loadedSales(accountId: string): Promise<Map<string, string>> {
  const rows = await harness.db.query<{
    kind: string;
    id: string;
    q: number;
    r: string;
    region: string | null;
  }>(
    `select kind, external_id as id, quantity as q, revenue::float8::text as r, region
     from sales where account_id = $1`,
    [accountId],
  );
  return new Map(rows.map((row) => [`${row.kind}|${row.id}`, `${row.q}/${Number(row.r)}|${row.region}`]));
}

describe("default adapters, this month's vendors", () => {
  it("Ozon: FBO and FBS stock and FBO and FBS sales with their regions equal the truth", async () => {
    expect(harness.sim.config.get().mode).toBe("current");
    // A day on: orders placed since then ship from the seller's own warehouse too (FBS postings).
    harness.sim.advance({ hours: 24 });
    expect(harness.sim.truth.sales("ozon").some((s) => s.warehouse === "Склад продавца Москва")).toBe(true);
    const ids = await seedAccount(harness.db, "ozon");
    expect(await sync(ids, "ozon")).toBe("succeeded");
    const stock = harness.sim.truth
      .stock("ozon")
      .filter((c) => c.inFeed && c.available + c.reserved + c.inTransit > 0);
    expect(stock.some((c) => c.warehouseType === "fbs")).toBe(true);
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(
      new Map(
        stock.map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`]),
      ),
    );
    const sales = new Map<string, string>();
    for (const row of harness.sim.truth.sales("ozon")) {
      const value = `${row.quantity}/${Math.round(row.price * row.quantity * 100) / 100}|${row.region}`;
      sales.set(`order|${row.postingNumber}:${row.sku}`, value);
      if (row.status === "cancelled") sales.set(`cancellation|${row.postingNumber}:${row.sku}`, value);
    }
    expect(sales.size).toBeGreaterThan(100);
    expect(await loadedSales(ids.accountId)).toEqual(sales);
    // Every warehouse holding stock or shipping a sale has its real name and cluster, the seller's own (FBS)
    // one included: from the run's warehouse directory, not a provisional name.
    const used = await harness.db.query<{
      name: string;
      cluster: string | null;
      type: string;
      provisional: boolean;
    }>(
      `select distinct w.name, w.cluster, w.type::text as type, w.provisional from warehouses w
       where w.id in (select warehouse_id from inventory where listing_id in
           (select id from listings where account_id = $1))
         or w.id in (select warehouse_id from sales where account_id = $1)
       order by w.name`,
      [ids.accountId],
    );
    const truthWarehouses = new Set([
      ...stock.map((c) => c.warehouse),
      ...harness.sim.truth.sales("ozon").map((s) => s.warehouse),
    ]);
    expect(used).toEqual(
      OZON_WAREHOUSES.filter((w) => truthWarehouses.has(w.name))
        .map((w) => ({ name: w.name, cluster: w.cluster, type: w.type, provisional: false }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(used.some((w) => w.type === "fbs")).toBe(true);
    // Ozon's own turnover report, stored beside ours as the cabinet shows it (complete rows only).
    const turnover = await harness.db.query<{ sku: string; v: string }>(
      `select sku::text, concat_ws('|', offer_id, current_stock, ads, idc, idc_grade, turnover, turnover_grade) as v
       from ozon_turnover where account_id = $1 and complete`,
      [ids.accountId],
    );
    const turnoverTruth = harness.sim.truth.ozonTurnover();
    expect(turnoverTruth.length).toBeGreaterThan(100);
    expect(new Map(turnover.map((t) => [t.sku, t.v]))).toEqual(
      new Map(
        turnoverTruth.map((t) => [
          String(t.sku),
          [t.offerId, t.currentStock, t.ads, t.idc, t.idcGrade, t.turnover, t.turnoverGrade].join("|"),
        ]),
      ),
    );
  });

  it("WB: warehouse stock from the remains report and orders and sales equal the truth", async () => {
    const ids = await seedAccount(harness.db, "wb");
    expect(await sync(ids, "wb")).toBe("succeeded");
    // The report gives units per warehouse; goods on their way come only as per-barcode totals (not loaded).
    const stock = harness.sim.truth.stock("wb").filter((c) => c.inFeed && c.available > 0);
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(
      new Map(stock.map((c) => [`nm:${c.nmId}:${c.techSize || "0"}|${c.warehouse}`, `${c.available}/0/0`])),
    );
    const sales = new Map<string, string>();
    for (const row of harness.sim.truth.sales("wb")) {
      if (!row.inFeed) continue;
      const id = row.kind === "order" ? row.srid : (row.saleId ?? row.srid);
      sales.set(`${row.kind}|${id}`, `1/${row.priceWithDisc}`);
      if (row.kind === "order" && row.isCancel)
        sales.set(`cancellation|${row.srid}`, `1/${row.priceWithDisc}`);
    }
    expect(sales.size).toBeGreaterThan(100);
    const loaded = [...(await loadedSales(ids.accountId))].map(
      ([key, value]) => [key, value.split("|")[0]] as const,
    );
    expect(new Map(loaded)).toEqual(sales);
    // Since 2026-08-15 WB names only "Склад WB РФ" in these rows: the known aggregate warehouse, not a provisional one.
    const warehouses = await harness.db.query<{ name: string; provisional: boolean }>(
      `select distinct w.name, w.provisional from sales s join warehouses w on w.id = s.warehouse_id
       where s.account_id = $1`,
      [ids.accountId],
    );
    expect(warehouses).toEqual([{ name: "Склад WB РФ", provisional: false }]);
  });
});

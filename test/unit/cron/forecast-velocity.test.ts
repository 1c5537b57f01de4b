// A run's product summary takes its velocity from the demand forecast over the days in stock: a day whose
// snapshot (or the day before's) shows no stock is left out, not counted as a day without demand; the same
// finalize stores the units lost to those stock-outs (the Overview's lost sales).
import { beforeEach, describe, expect, it } from "vitest";
import { forecastDailyDemand } from "../../../domain/forecast";
import { fullOzonStockRun } from "./ozon-stock-run";
import { migratedDatabase, seedAccount, type TestDatabase } from "./pglite-database";

let db: TestDatabase;
let ids: { orgId: string; accountId: string };

/** One full run over one page of Ozon FBO stock at Тверь: sku → available. */
const fullRun = (stock: Record<number, number>) => fullOzonStockRun(db, ids, { Тверь: stock });

beforeEach(async () => {
  db ??= await migratedDatabase();
  ids = await seedAccount(db, "ozon");
});

// Days before today: units ordered, and the stock snapshot (10 units, none on the 8th day back).
const SOLD: Record<number, number> = { 10: 2, 9: 3, 8: 1, 7: 0, 6: 4, 5: 2, 4: 3, 3: 1, 2: 2, 1: 2, 0: 9 };
const SNAPSHOT_DAYS = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

describe("velocity in the product summary", () => {
  it("is the forecast over the days in stock (SES α 0.05 over 0, 2, 3, 4, 2, 3, 1, 2, 2 = 0.78504)", async () => {
    await fullRun({ 71: 10, 72: 5 });
    const [listing] = await db.query<{ id: number; product_id: number }>(
      "select id, product_id from listings where org_id = $1 and ozon_sku = 71",
      [ids.orgId],
    );
    for (const [back, units] of Object.entries(SOLD)) {
      if (units === 0) continue;
      await db.query(
        `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at,
           day, quantity, revenue)
         values ($1, $2, 'ozon', 'order', $3, $4, $5, now() - make_interval(days => $6::int),
           current_date - $6::int, $7, 100)`,
        [ids.orgId, ids.accountId, `p-${back}`, listing?.id, listing?.product_id, Number(back), units],
      );
    }
    for (const back of SNAPSHOT_DAYS) {
      await db.query(
        `insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace, available,
           reserved, in_transit)
         select org_id, current_date - $2::int, listing_id, warehouse_id, product_id, marketplace, $3, 0, 0
         from inventory where org_id = $1 and listing_id = $4`,
        [ids.orgId, back, back === 8 ? 0 : 10, listing?.id],
      );
    }
    // The next run is the day's first again: every product's summary is refreshed.
    await db.query("update marketplace_accounts set snapshot_at = null where id = $1", [ids.accountId]);
    await fullRun({ 71: 10, 72: 5 });

    const rows = await db.query<{
      sku: string;
      velocity: number;
      model: string;
      observed: number;
      censored: number;
    }>(
      `select l.ozon_sku::text as sku, s.velocity, s.demand_model as model, s.observed_days as observed,
         s.censored_days as censored
       from product_summary s join listings l on l.product_id = s.product_id where s.org_id = $1 order by 1`,
      [ids.orgId],
    );
    // The 11th day back is in stock without a sale; the 8th ran dry, so it and the 7th are censored; today waits.
    const days = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((back) => ({
      units: SOLD[back] ?? 0,
      inStock: back !== 8 && back !== 7,
    }));
    const expected = forecastDailyDemand(days);
    expect(expected.perDay).toBeCloseTo(0.7850355757, 9);
    expect(rows[0]).toMatchObject({ sku: "71", model: "ses", observed: 9, censored: 2 });
    expect(rows[0]?.velocity).toBeCloseTo(expected.perDay, 9);
    expect(rows[1]).toMatchObject({ sku: "72", velocity: 0, model: "none", observed: 0, censored: 0 });

    // The Overview's lost units, stored by the same finalize (db/queries/lost-sales-refresh.ts): over the 30 days
    // the series starts 11 days back; 19 units over 9 days in stock, 2 days out that still sold 1 → 2 × 19/9 − 1.
    // Today it has stock: not a day out.
    const lost = await db.query<{ sku: string; lost: number; ozon: number; wb: number }>(
      `select l.ozon_sku::text as sku, s.lost_units as lost, s.ozon_lost_units as ozon, s.wb_lost_units as wb
       from product_summary s join listings l on l.product_id = s.product_id where s.org_id = $1 order by 1`,
      [ids.orgId],
    );
    expect(lost[0]?.lost).toBeCloseTo(29 / 9, 9);
    expect(lost[0]?.ozon).toBeCloseTo(29 / 9, 9);
    expect(lost.map(({ sku, wb }) => ({ sku, wb }))).toEqual([
      { sku: "71", wb: 0 },
      { sku: "72", wb: 0 },
    ]);
    expect(lost[1]).toMatchObject({ lost: 0, ozon: 0 });
  });
});

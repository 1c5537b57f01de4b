// The per-warehouse forecast finalize keeps (db/queries/warehouse-forecast.ts), which reads a series' first snapshot
// and its days out of stock from indexes, answers as the reference over every day of every series
// (warehouseDemandDays with domain/forecast-sql.ts) where the shape of the snapshots matters: a product with two
// listings at one warehouse (one at 0 while the other holds stock is no day out of stock; both at 0, or a sum
// below 0, is), series whose first snapshot is mid-window (on the product's first snapshot day or later, before
// or after the first sale), one snapshotted since before the window, and one never snapshotted.
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { warehouseDemandDays } from "../../../db/queries/demand-days";
import { warehouseForecastCtes } from "../../../db/queries/warehouse-forecast";
import { demandForecastCtes } from "../../../domain/forecast-sql";
import { migratedDatabase, type TestDatabase } from "./pglite-database";
import { seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;
let api: Database;
let orgId: string;
const listings: Record<string, string> = {};
const products: Record<string, string> = {};
const warehouses: Record<string, number> = {};

async function order(listing: string, warehouse: string, back: number, quantity: number) {
  await db.query(
    `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, warehouse_id,
       occurred_at, day, quantity, revenue)
     select l.org_id, l.account_id, l.marketplace, 'order', $1, l.id, l.product_id, $2,
       now() - make_interval(days => $3::int), current_date - $3::int, $4, 100 * $4 from listings l where l.id = $5`,
    [crypto.randomUUID(), warehouses[warehouse], back, quantity, listings[listing]],
  );
}

async function snapshot(listing: string, warehouse: string, back: number, available: number) {
  await db.query(
    `insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace, available, reserved,
       in_transit)
     select l.org_id, current_date - $1::int, l.id, $2, l.product_id, l.marketplace, $3, 0, 0 from listings l
     where l.id = $4`,
    [back, warehouses[warehouse], available, listings[listing]],
  );
}

type Forecast = Record<string, unknown>;

/** Each series' forecast, keyed "article@warehouse", per_day to 12 significant digits (sums in another order). */
async function forecasts(ctes: SQL): Promise<Record<string, Forecast>> {
  const result = await api.execute(sql`with ${ctes}
    select p.article, w.name as warehouse, d.model, d.per_day, d.observed_days, d.censored_days
    from demand_forecast d join products p on p.id = d.product_id join warehouses w on w.id = d.warehouse_id`);
  const byKey: Record<string, Forecast> = {};
  for (const row of result.rows) {
    const { article, warehouse, ...figures } = row as Record<string, unknown>;
    byKey[`${article}@${warehouse}`] = {
      ...figures,
      per_day: Number(Number(figures.per_day).toPrecision(12)),
    };
  }
  return byKey;
}

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  const seeded = await seedOrganization(db.query, ["wb"]);
  orgId = seeded.orgId;
  const account = seeded.accounts.wb;
  const ids = await seedProducts(db.query, orgId, ["MULTI", "LATE", "OLD", "BARE"]);
  ["MULTI", "LATE", "OLD", "BARE"].forEach((article, index) => {
    products[article] = ids[index] as string;
  });
  for (const name of ["W1", "W2"]) {
    const [row] = await db.query<{ id: number }>(
      "insert into warehouses (org_id, marketplace, name) values ($1, 'wb', $2) returning id",
      [orgId, name],
    );
    warehouses[name] = Number(row?.id);
  }
  // MULTI has two listings (one at 0 throughout at W1), the others one each.
  for (const [listing, article] of [
    ["MULTI:a", "MULTI"],
    ["MULTI:b", "MULTI"],
    ["LATE", "LATE"],
    ["OLD", "OLD"],
    ["BARE", "BARE"],
  ] as const) {
    const [row] = await db.query<{ id: string }>(
      `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
       values ($1, $2, $3, 'wb', $4, $4) returning id::text as id`,
      [orgId, products[article], account, listing],
    );
    listings[listing] = String(row?.id);
  }

  // MULTI at W1: listing a at 0 every day, b in stock but for days 7 and 8 back (both at 0) and day 12 back
  // (b at 1, a at −3: the sum is below 0). Days out of stock 12, 8, 7 back; censored 12, 11, 8, 7, 6.
  for (let back = 1; back <= 20; back++) {
    await snapshot("MULTI:a", "W1", back, back === 12 ? -3 : 0);
    await snapshot("MULTI:b", "W1", back, back === 7 || back === 8 ? 0 : back === 12 ? 1 : 5);
    if (back % 2 === 0 || back < 6) await order("MULTI:b", "W1", back, 1 + (back % 3));
  }
  // LATE: snapshots at W1 from 50 days back (mid-window, before its first sale 20 days back: the series starts
  // 50 back), out of stock 30 days back; at W2 only from 10 days back, absent on the product's first snapshot
  // day, after its first sale 40 days back (the series starts 40 back), out of stock 5 days back.
  for (let back = 1; back <= 50; back++) await snapshot("LATE", "W1", back, back === 30 ? 0 : 4);
  for (let back = 1; back <= 10; back++) await snapshot("LATE", "W2", back, back === 5 ? 0 : 2);
  for (const back of [20, 15, 9, 3, 1]) await order("LATE", "W1", back, 2);
  for (const back of [40, 25, 6, 5, 2]) await order("LATE", "W2", back, 1);
  // OLD: snapshotted since before the window (the series starts at the window's start), out of stock at its
  // first day and 100 days back.
  for (let back = 1; back <= 115; back++)
    await snapshot("OLD", "W1", back, back === 113 || back === 100 ? 0 : 9);
  for (const back of [111, 100, 99, 60, 3]) await order("OLD", "W1", back, 3);
  // BARE: sold at W2 without a snapshot there (in stock throughout the window); a snapshot at W1 where it never sold.
  for (const back of [70, 2]) await order("BARE", "W2", back, 1);
  await snapshot("BARE", "W1", 4, 0);
});

describe("per-warehouse forecast from the snapshots' first and out-of-stock days", () => {
  it("answers as the reference over every day of every series", async () => {
    const kept = await forecasts(
      warehouseForecastCtes(orgId, sql`select p.id from products p where p.org_id = ${orgId}`),
    );
    const reference = await forecasts(demandForecastCtes(warehouseDemandDays({ orgId })));
    expect(kept).toEqual(reference);
    expect(Object.keys(kept).sort()).toEqual(["BARE@W2", "LATE@W1", "LATE@W2", "MULTI@W1", "OLD@W1"]);
    // One listing at 0 beside another in stock is no day out of stock; both at 0, or a sum below 0, is.
    expect(kept["MULTI@W1"]).toMatchObject({ observed_days: 20 - 5, censored_days: 5 });
    // A mid-window first snapshot before the first sale starts the series; one after it does not.
    expect(kept["LATE@W1"]).toMatchObject({ observed_days: 50 - 2, censored_days: 2 });
    expect(kept["LATE@W2"]).toMatchObject({ observed_days: 40 - 2, censored_days: 2 });
    // Snapshotted since before the window: the window's 112 days, the day out of stock before it censoring its
    // first; never snapshotted: the whole window in stock.
    expect(kept["OLD@W1"]).toMatchObject({ observed_days: 112 - 3, censored_days: 3 });
    expect(kept["BARE@W2"]).toMatchObject({ observed_days: 112, censored_days: 0 });
  });
});

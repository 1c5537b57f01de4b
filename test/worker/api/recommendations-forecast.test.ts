// The recommendations' velocity is the demand forecast (domain/forecast.ts), days out of stock left out, and
// each line says which model made it and why: per warehouse from the orders and stock snapshots, per product
// from the product summary the runs write.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshSalesDaily } from "../../../cron/load/finalize-run";
import { refreshUnitPrice } from "../../../db/queries/unit-price-refresh";
import { inventoryDaily, sales } from "../../../db/schema";
import { explainForecast, forecastDailyDemand } from "../../../domain/forecast";
import { replenish } from "../../../domain/replenishment";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  distinctIps,
  get,
  rebuildStockReadModels,
  seedShop,
  seedTenant,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

const ip = distinctIps(63);

interface Line {
  article: string;
  warehouse: string | null;
  suggestedQuantity: number;
  reorderPoint: number;
  inputs: { velocity: number };
  forecast: { model: string; observedDays: number; censoredDays: number; explanation: string } | null;
}

let tenant: Tenant;
let shop: Catalog;
let viewer: string;

const dayBack = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

async function lines(path: string): Promise<Line[]> {
  const response = await get(path, ip(), { cookie: viewer });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { items: Line[] }).items;
}

beforeAll(async () => {
  tenant = await seedTenant("forecast");
  shop = await seedShop(tenant.orgId);
  viewer = await signIn(tenant.users.viewer.email, ip());
});

describe("recommendations by the forecast", () => {
  it("per warehouse: the days Koledino had no A-002 are left out, and the line says TSB and why", async () => {
    // A-002 at Koledino, 6 days back to yesterday: 3, 4, (sold 1 then empty), (empty), 4, 3 units; snapshots
    // 20, 20, 0, 0 → restocked 20, 20, 20 (from 7 days back). Censored: the 4th and 3rd days back (a snapshot
    // of 0 that day) and the 2nd (the day before's was 0). In stock: 0 (7 days back, no sale), 3, 4, 3 → n 4, k 3,
    // a sale every 1.33 days > 1.32 → TSB.
    const sold: Record<number, number> = { 6: 3, 5: 4, 4: 1, 2: 4, 1: 3 };
    const snapshot: Record<number, number> = { 7: 20, 6: 20, 5: 20, 4: 0, 3: 0, 2: 20, 1: 20 };
    const listingId = shop.listings["A-002:wb"] as number;
    const productId = shop.products["A-002"] as number;
    const warehouseId = shop.warehouses.Koledino as number;
    for (const [back, quantity] of Object.entries(sold)) {
      await db()
        .insert(sales)
        .values({
          orgId: tenant.orgId,
          accountId: shop.accounts.wb,
          marketplace: "wb",
          kind: "order",
          externalId: `srid-${back}`,
          listingId,
          productId,
          warehouseId,
          occurredAt: new Date(`${dayBack(Number(back))}T12:00:00Z`),
          day: dayBack(Number(back)),
          quantity,
          revenue: "1000",
        });
    }
    for (const [back, available] of Object.entries(snapshot)) {
      await db()
        .insert(inventoryDaily)
        .values({
          orgId: tenant.orgId,
          day: dayBack(Number(back)),
          listingId,
          warehouseId,
          productId,
          marketplace: "wb",
          available,
          reserved: 0,
          inTransit: 0,
        });
    }
    const days = [7, 6, 5, 4, 3, 2, 1].map((back) => ({
      units: sold[back] ?? 0,
      inStock: (snapshot[back] ?? 1) > 0 && (snapshot[back + 1] ?? 1) > 0,
    }));
    const expected = forecastDailyDemand(days);
    expect(expected).toMatchObject({ model: "tsb", observedDays: 4, censoredDays: 3 });

    // As the run that brought the orders and snapshots would leave the per-warehouse forecast.
    await rebuildStockReadModels(tenant.orgId);
    const [line] = await lines(
      `/api/recommendations?per=warehouse&warehouseId=${warehouseId}&onlyReorder=false&pageSize=500`,
    ).then((items) => items.filter((item) => item.article === "A-002"));
    expect(line?.inputs.velocity).toBeCloseTo(expected.perDay, 3);
    expect(line?.forecast).toEqual({
      model: "tsb",
      observedDays: 4,
      censoredDays: 3,
      windowDays: 112,
      explanation: explainForecast("tsb", 4, 3),
    });
    // Koledino holds 10 of A-002; the settings' 14 lead days, 7 safety, 45 target.
    const advice = replenish({
      available: 10,
      inTransit: 0,
      velocity: expected.perDay,
      leadTimeDays: 14,
      safetyStockDays: 7,
      targetCoverDays: 45,
    });
    expect([line?.reorderPoint, line?.suggestedQuantity]).toEqual([
      advice.reorderPoint,
      advice.suggestedQuantity,
    ]);
  });

  it("per product: the summary's model and days, explained; null for a summary from before forecasts", async () => {
    await db().execute(
      sql`update product_summary set demand_model = 'ses', observed_days = 100, censored_days = 12
        where org_id = ${tenant.orgId} and product_id = ${shop.products["A-001"] as number}`,
    );
    const items = await lines("/api/recommendations?onlyReorder=false&pageSize=500");
    expect(items.find((item) => item.article === "A-001")?.forecast).toEqual({
      model: "ses",
      observedDays: 100,
      censoredDays: 12,
      windowDays: 112,
      explanation:
        "Sells most days: exponential smoothing (α 0.05) over 100 days in stock, 12 days out of stock left out.",
    });
    expect(items.find((item) => item.article === "A-002")?.forecast).toBeNull();
  });

  it("the product page: lost sales Ozon's way per warehouse over 28 days, in ₽ at the product's price", async () => {
    // A-002 at Koledino over the days of the first test (7 days back to yesterday): in stock 0, 3, 4, 3 → 2.5
    // a day; 3 days out of stock that still sold 1 + 0 + 4 → lost 2.5 × 3 − 5 = 2.5 units. 15 units ordered for
    // 5 000 ₽ → 333.33 ₽ each (no listing price: the orders' average, as finalize stores it) → 833.33 ₽.
    for (const statement of refreshSalesDaily({ orgId: tenant.orgId })) await db().execute(statement);
    await db().execute(refreshUnitPrice(tenant.orgId, sql`select ${shop.products["A-002"]}::bigint`));
    await db().execute(
      sql`update organizations set data_version = data_version + 1 where id = ${tenant.orgId}`,
    );
    const response = await get(`/api/products/${shop.products["A-002"]}`, ip(), { cookie: viewer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { lostSales: unknown; forecast: unknown };
    expect(body.lostSales).toEqual({
      periodDays: 28,
      // Stock history from the snapshot 7 days back.
      observedDays: 7,
      unitPrice: 333.33,
      priceSource: "sales",
      units: 2.5,
      rub: 833.33,
      byWarehouse: [
        {
          warehouseId: shop.warehouses.Koledino,
          warehouse: "Koledino",
          averageDailySales: 2.5,
          daysOutOfStock: 3,
          lostUnits: 2.5,
          rub: 833.33,
        },
      ],
    });
    expect(body.forecast).toBeNull();
    const a001 = await get(`/api/products/${shop.products["A-001"]}`, ip(), { cookie: viewer });
    expect(((await a001.json()) as { forecast: { model: string } }).forecast.model).toBe("ses");
  });
});

// The Overview's money through the Worker (GET /api/dashboard `money`), against hand-computed figures over a
// seeded shop: what to order today (the Recommendations' "order now" list, its units and ₽ at each product's
// average selling price), ₽ lost to stock-outs over the last 30 days and today Ozon's way, ₽ in stock and in
// overstock;
// the marketplace filter; and no money when the scope names a warehouse or a category. The lost sales are what
// finalize's refresh stores on product_summary (lost-sales-refresh.ts), run over the seeded days.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshLostSales } from "../../../db/queries/lost-sales-refresh";
import { rebuildStockDays } from "../../../db/queries/stock-days";
import { refreshUnitPrice } from "../../../db/queries/unit-price-refresh";
import { sales } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { type Catalog, db, distinctIps, get, seedShop, seedTenant, signIn, type Tenant } from "./fixtures";

useTestDatabase();

const ip = distinctIps(64);

interface Money {
  orderToday: { products: number; units: number; rub: number };
  lostSales: { periodDays: number; observedDays: number; units: number; rub: number };
  stockRub: number;
  overstockRub: number;
}

let tenant: Tenant;
let shop: Catalog;
let viewer: string;

async function body<T>(path: string): Promise<T> {
  const response = await get(path, ip(), { cookie: viewer });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

/** The seller's price on the product's listings: its unit price, before any average of its orders. */
async function priced(article: string, price: number): Promise<void> {
  await db().execute(sql`update listings set price = ${price}
    where org_id = ${tenant.orgId} and product_id = ${shop.products[article] as number}`);
}

/**
 * Units ordered `back` days before today at 100 ₽ each: the order at the marketplace's warehouse (WB Koledino,
 * Ozon Tver; the product page reads them) and sales_daily as finalize writes it (the Overview reads it).
 */
async function sold(article: string, marketplace: "ozon" | "wb", back: number, units: number): Promise<void> {
  const day = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
  await db()
    .insert(sales)
    .values({
      orgId: tenant.orgId,
      accountId: shop.accounts[marketplace],
      marketplace,
      kind: "order",
      externalId: `${article}-${marketplace}-${back}`,
      listingId: shop.listings[`${article}:${marketplace}`] as number,
      productId: shop.products[article] as number,
      warehouseId: shop.warehouses[marketplace === "wb" ? "Koledino" : "Tver"] as number,
      occurredAt: new Date(`${day}T12:00:00Z`),
      day,
      quantity: units,
      revenue: String(units * 100),
    });
  await db().execute(sql`insert into sales_daily (org_id, day, product_id, marketplace, region, orders, units, revenue,
      returns, cancellations)
    values (${tenant.orgId}, current_date - ${back}::int, ${shop.products[article] as number}, ${marketplace}, '',
      ${units}, ${units}, ${units * 100}, 0, 0)`);
}

/** The day's stock snapshot `back` days before today at the listing's warehouse. */
async function snapshot(
  article: string,
  marketplace: "ozon" | "wb",
  warehouse: string,
  back: number,
  available: number,
): Promise<void> {
  await db().execute(sql`insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace,
      available, reserved, in_transit)
    values (${tenant.orgId}, current_date - ${back}::int, ${shop.listings[`${article}:${marketplace}`] as number},
      ${shop.warehouses[warehouse] as number}, ${shop.products[article] as number}, ${marketplace}, ${available}, 0, 0)`);
}

beforeAll(async () => {
  // The cover basis with lead time 14, safety 7, target cover 45 days (the defaults).
  tenant = await seedTenant("money");
  shop = await seedShop(tenant.orgId);
  // Listing prices (the sales below are at 100 ₽ a unit: the listing's price comes first): A-001 1 000 ₽,
  // A-002 250, A-003 500, A-004 200; A-005 has none: its orders' 1 000 ₽ ÷ 10 units = 100 ₽.
  await priced("A-001", 1_000);
  await priced("A-002", 250);
  await priced("A-003", 500);
  await priced("A-004", 200);
  // A-002 on WB, 7 days back to yesterday: sold 0, 3, 4, 1, 0, 4, 3; Koledino held 20, 20, 20, 0, 0, 20, 20.
  // Out of stock: the 4th and 3rd days back (none that day) and the 2nd (none the day before). In stock 0, 3, 4,
  // 3 → 2.5 a day; 3 days out that still sold 1 + 0 + 4 → lost 2.5 × 3 − 5 = 2.5 units × 250 ₽ = 625 ₽.
  const a002Sold: Record<number, number> = { 6: 3, 5: 4, 4: 1, 2: 4, 1: 3 };
  for (const [back, units] of Object.entries(a002Sold)) await sold("A-002", "wb", Number(back), units);
  const a002Stock: Record<number, number> = { 7: 20, 6: 20, 5: 20, 4: 0, 3: 0, 2: 20, 1: 20 };
  for (const [back, units] of Object.entries(a002Stock)) {
    await snapshot("A-002", "wb", "Koledino", Number(back), units);
  }
  // A-001 on Ozon, 10 days back to yesterday: 2 a day while Tver held 5 (10 to 3 days back), then 2 days empty:
  // lost 2 × 2 = 4 units × 1 000 ₽ = 4 000 ₽.
  for (let back = 10; back >= 3; back--) {
    await sold("A-001", "ozon", back, 2);
    await snapshot("A-001", "ozon", "Tver", back, 5);
  }
  await snapshot("A-001", "ozon", "Tver", 2, 0);
  await snapshot("A-001", "ozon", "Tver", 1, 0);
  // A-005 sold 40 days back and ran dry 35 days back: outside the 30 days. It sold 1 a day 5 days back to
  // yesterday, with no snapshot in the window (in stock throughout: 5 units over 30 days), and has none now:
  // today is a day out, lost 5 / 30 units × 100 ₽ = 16.67 ₽.
  await sold("A-005", "ozon", 40, 5);
  await snapshot("A-005", "ozon", "Tver", 35, 0);
  for (let back = 5; back >= 1; back--) await sold("A-005", "ozon", back, 1);
  // What a day's first finalize stores for the shop's products (the same statements, cron/load/finalize-run.ts),
  // and the products' stock per day from the snapshots above (written outside a run, as a seed would).
  for (const statement of rebuildStockDays(tenant.orgId)) await db().execute(statement);
  const all = sql`select product_id from product_summary where org_id = ${tenant.orgId}`;
  await db().execute(refreshLostSales(tenant.orgId, all));
  await db().execute(refreshUnitPrice(tenant.orgId, all));
  viewer = await signIn(tenant.users.viewer.email, ip());
});

describe("GET /api/dashboard money", () => {
  it("what to order today, ₽ lost, ₽ in stock and in overstock equal the hand-computed figures", async () => {
    // Reorder point ⌈v × 14⌉ + ⌈v × 7⌉, target ⌈v × 45⌉ + ⌈v × 7⌉ (domain/replenishment.ts):
    //   A-001 3 units, v 1:   point 21, due, order 45 + 7 − 3  = 49 × 1 000 ₽ = 49 000 ₽
    //   A-002 10 units, v 2:  point 42, due, order 90 + 14 − 10 = 94 ×   250 ₽ = 23 500 ₽
    //   A-003 50 units, v 0:  no sales, not due (overstock by cover: 50 × 500 ₽ = 25 000 ₽)
    //   A-004 180 units, v 3: point 63, not due (60 days of cover: normal)
    //   A-005 0 units, v 0.5: point 7 + 4 = 11, due, order 23 + 4 = 27 ×   100 ₽ =  2 700 ₽
    // In stock: 3 × 1 000 + 10 × 250 + 50 × 500 + 180 × 200 + 0 = 66 500 ₽.
    const dashboard = await body<{ money: Money }>("/api/dashboard");
    expect(dashboard.money).toEqual({
      orderToday: { products: 3, units: 170, rub: 75_200 },
      // Stock history from A-001's snapshot 10 days back (A-005's 35 days back is outside): 10 days and today.
      lostSales: { periodDays: 30, observedDays: 11, units: 6.7, rub: 4_641.67 },
      stockRub: 66_500,
      overstockRub: 25_000,
    });
  });

  it("to order today is the Recommendations' order-now list, with and without a marketplace", async () => {
    for (const scope of ["", "marketplace=wb", "marketplace=ozon"]) {
      const dashboard = await body<{ money: Money }>(`/api/dashboard?${scope}`);
      const reorder = await body<{ total: number; items: Array<{ suggestedQuantity: number }> }>(
        `/api/recommendations?onlyReorder=true&pageSize=500&${scope}`,
      );
      expect({ scope, products: dashboard.money.orderToday.products }).toEqual({
        scope,
        products: reorder.total,
      });
      expect({ scope, units: dashboard.money.orderToday.units }).toEqual({
        scope,
        units: reorder.items.reduce((sum, line) => sum + line.suggestedQuantity, 0),
      });
    }
  });

  it("a marketplace's lost sales are its own: WB's A-002, Ozon's A-001 and A-005", async () => {
    const wb = await body<{ money: Money }>("/api/dashboard?marketplace=wb");
    expect(wb.money.lostSales).toEqual({ periodDays: 30, observedDays: 11, units: 2.5, rub: 625 });
    const ozon = await body<{ money: Money }>("/api/dashboard?marketplace=ozon");
    expect(ozon.money.lostSales).toEqual({ periodDays: 30, observedDays: 11, units: 4.2, rub: 4_016.67 });
  });

  it("the Overview and the product page price a product's lost units the same: its one stored unit price", async () => {
    // WB's lost sales are A-002's alone: the Overview's ₽ per unit is A-002's price.
    const wb = (await body<{ money: Money }>("/api/dashboard?marketplace=wb")).money.lostSales;
    const product = await body<{
      lostSales: {
        periodDays: number;
        observedDays: number;
        unitPrice: number;
        priceSource: string;
        units: number;
        rub: number;
      };
    }>(`/api/products/${shop.products["A-002"]}`);
    expect(product.lostSales).toMatchObject({ unitPrice: 250, priceSource: "listing", units: 2.5, rub: 625 });
    expect(wb.rub / wb.units).toBe(product.lostSales.unitPrice);
    expect(product.lostSales.rub / product.lostSales.units).toBe(product.lostSales.unitPrice);
    // A-002's stock history in the product page's 28 days starts 7 days back; A-004 has none.
    expect(product.lostSales).toMatchObject({ periodDays: 28, observedDays: 7 });
    const hat = await body<{ lostSales: { observedDays: number } }>(
      `/api/products/${shop.products["A-004"]}`,
    );
    expect(hat.lostSales.observedDays).toBe(0);
  });

  it("a product without a listing price is priced by its last 90 days' orders: revenue ÷ units", async () => {
    const product = await body<{ lostSales: { unitPrice: number; priceSource: string } }>(
      `/api/products/${shop.products["A-005"]}`,
    );
    expect(product.lostSales).toMatchObject({ unitPrice: 100, priceSource: "sales" });
  });

  it("no money for a warehouse or a category: it covers whole products", async () => {
    const warehouse = await body<{ money: Money | null }>(
      `/api/dashboard?warehouseId=${shop.warehouses.Tver}`,
    );
    expect(warehouse.money).toBeNull();
    const category = await body<{ money: Money | null }>("/api/dashboard?category=outerwear");
    expect(category.money).toBeNull();
  });
});

// Analytics and recommendations through the Worker, checked against figures computed by hand from a
// small fixture (comments show the arithmetic), plus validation, auth and tenant isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildSalesDayTotals } from "../../../db/queries/sales-summaries";
import { sales, salesDaily } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  type ErrorBody,
  get,
  rebuildStockReadModels,
  seedShop,
  seedTenant,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

let acme: Tenant;
let globex: Tenant;
let shop: Catalog;
let cookie: string;
const period = "from=2026-03-01&to=2026-03-10";

beforeAll(async () => {
  acme = await seedTenant("acme");
  globex = await seedTenant("globex");
  shop = await seedShop(acme.orgId);
  const globexShop = await seedShop(globex.orgId);
  const row = (
    orgId: string,
    catalog: Catalog,
    day: string,
    article: string,
    marketplace: "ozon" | "wb",
    region: string,
    orders: number,
    units: number,
    revenue: number,
  ) => ({
    orgId,
    day,
    productId: catalog.products[article] as number,
    marketplace,
    region,
    orders,
    units,
    revenue: revenue.toFixed(2),
    returns: 0,
    cancellations: 0,
  });
  await db()
    .insert(salesDaily)
    .values([
      row(acme.orgId, shop, "2026-03-01", "A-001", "ozon", "Moscow", 2, 3, 3000),
      row(acme.orgId, shop, "2026-03-02", "A-002", "wb", "Kazan", 1, 1, 1500),
      row(acme.orgId, shop, "2026-03-09", "A-004", "wb", "Moscow", 4, 5, 500),
      row(acme.orgId, shop, "2026-03-10", "A-001", "wb", "Kazan", 1, 1, 1000),
      row(acme.orgId, shop, "2026-02-20", "A-001", "ozon", "Moscow", 2, 2, 2000),
      row(acme.orgId, shop, "2026-03-11", "A-002", "wb", "Kazan", 9, 9, 9999),
      row(globex.orgId, globexShop, "2026-03-05", "A-003", "wb", "Omsk", 50, 50, 77777),
    ]);
  // Written outside a run: the day totals a run's finalize would keep are built once, as a backfill does.
  for (const orgId of [acme.orgId, globex.orgId]) await db().execute(rebuildSalesDayTotals(orgId));
  cookie = await signIn(acme.users.viewer.email, "10.8.0.1");
});

async function read<T>(path: string, ip: string): Promise<T> {
  const response = await get(path, ip, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("GET /api/analytics/*", () => {
  it("KPIs: 1–10 March beside 19–28 February", async () => {
    // Current: revenue 3000 + 1500 + 500 + 1000 = 6000, orders 8, units 10, AOV 750.
    // Previous: revenue 2000, orders 2, units 2, AOV 1000. 11 March is outside the period.
    const body = await read<Record<string, unknown>>(`/api/analytics/kpis?${period}`, "10.8.1.1");
    expect(body.previousPeriod).toEqual({ from: "2026-02-19", to: "2026-02-28" });
    expect(body.current).toMatchObject({ revenue: 6000, orders: 8, units: 10, averageOrderValue: 750 });
    expect(body.previous).toMatchObject({ revenue: 2000, orders: 2, units: 2, averageOrderValue: 1000 });
    expect(body.change).toEqual({ revenue: 2, orders: 3, units: 4, averageOrderValue: -0.25 });
    const ozon = await read<{ current: { revenue: number; orders: number } }>(
      `/api/analytics/kpis?${period}&marketplace=ozon`,
      "10.8.1.1",
    );
    expect(ozon.current).toMatchObject({ revenue: 3000, orders: 2 });
  });

  it("trend by ISO week and by month", async () => {
    // 1 March 2026 is a Sunday: it belongs to the week of Monday 23 February.
    const weekly = await read<{ points: Array<{ period: string; revenue: number }> }>(
      `/api/analytics/trend?${period}&grain=week`,
      "10.8.1.2",
    );
    expect(weekly.points.map((p) => [p.period, p.revenue])).toEqual([
      ["2026-02-23", 3000],
      ["2026-03-02", 1500],
      ["2026-03-09", 1500],
    ]);
    const monthly = await read<{ points: Array<{ period: string; revenue: number }> }>(
      `/api/analytics/trend?${period}&grain=month`,
      "10.8.1.2",
    );
    expect(monthly.points.map((p) => [p.period, p.revenue])).toEqual([["2026-03-01", 6000]]);
  });

  it("top products, categories and regions", async () => {
    const top = await read<{ items: Array<{ article: string; revenue: number; units: number }> }>(
      `/api/analytics/top-products?${period}&limit=2`,
      "10.8.1.3",
    );
    expect(top.items.map((i) => [i.article, i.revenue, i.units])).toEqual([
      ["A-001", 4000, 4],
      ["A-002", 1500, 1],
    ]);
    const categories = await read<{ items: Array<{ category: string; revenue: number; products: number }> }>(
      `/api/analytics/categories?${period}`,
      "10.8.1.3",
    );
    expect(categories.items.map((i) => [i.category, i.revenue, i.products])).toEqual([
      ["outerwear", 5500, 2],
      ["accessories", 500, 1],
    ]);
    const regions = await read<{ items: Array<{ region: string; revenue: number }> }>(
      `/api/analytics/regions?${period}`,
      "10.8.1.3",
    );
    expect(regions.items.map((i) => [i.region, i.revenue])).toEqual([
      ["Moscow", 3500],
      ["Kazan", 2500],
    ]);
  });

  it("ABC classes: 4000 (0% before) A, 1500 (66.7% before) A, 500 (91.7% before) B", async () => {
    const abc = await read<{
      totals: Record<string, number>;
      items: Array<{ article: string; abcClass: string }>;
    }>(`/api/analytics/abc?${period}`, "10.8.1.4");
    expect(abc.items.map((i) => [i.article, i.abcClass])).toEqual([
      ["A-001", "A"],
      ["A-002", "A"],
      ["A-004", "B"],
    ]);
    expect(abc.totals).toEqual({ A: 2, B: 1, C: 0 });
  });

  it("ABC by page: class totals over every product, one page of one class, and its fields validated", async () => {
    type Abc = {
      totals: Record<string, number>;
      classes: Record<string, { products: number; revenue: number; share: number }>;
      revenue: number;
      items: Array<{
        article: string;
        abcClass: string;
        rank: number;
        share: number;
        cumulativeShare: number;
      }>;
      page: number;
      pageSize: number;
      total: number;
    };
    const second = await read<Abc>(`/api/analytics/abc?${period}&page=2&pageSize=1`, "10.8.1.5");
    expect(second.items).toEqual([
      expect.objectContaining({
        article: "A-002",
        abcClass: "A",
        rank: 2,
        share: 0.25,
        cumulativeShare: 0.916667,
      }),
    ]);
    expect([second.page, second.pageSize, second.total, second.revenue]).toEqual([2, 1, 3, 6000]);
    // 4000 + 1500 of 6000 in A, 500 in B.
    expect(second.classes).toEqual({
      A: { products: 2, revenue: 5500, share: 0.9167 },
      B: { products: 1, revenue: 500, share: 0.0833 },
      C: { products: 0, revenue: 0, share: 0 },
    });
    const onlyB = await read<Abc>(`/api/analytics/abc?${period}&class=B`, "10.8.1.5");
    expect(onlyB.items.map((i) => [i.article, i.rank])).toEqual([["A-004", 3]]);
    expect([onlyB.total, onlyB.totals]).toEqual([1, { A: 2, B: 1, C: 0 }]);
    const onlyC = await read<Abc>(`/api/analytics/abc?${period}&class=C`, "10.8.1.5");
    expect([onlyC.items, onlyC.total]).toEqual([[], 0]);
    for (const [query, field] of [
      ["class=D", "class"],
      ["pageSize=501", "pageSize"],
      ["page=0", "page"],
    ] as const) {
      const bad = await get(`/api/analytics/abc?${period}&${query}`, "10.8.1.5", { cookie });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).error.message).toMatch(new RegExp(`^${field}:`));
    }
  });

  it("turnover and days of cover, soonest stock-out first", async () => {
    // Without daily snapshots the average stock is the current stock. A-004: 5 units ÷ 180 = 0.03;
    // 180 ÷ (5 ÷ 10 days) = 360 days. Cover: A-005 0 ÷ 0.5 = 0, A-001 3 ÷ 1 = 3, A-002 10 ÷ 2 = 5, A-004 60.
    const body = await read<{ items: Array<Record<string, unknown>> }>(
      `/api/analytics/turnover?${period}`,
      "10.8.1.5",
    );
    expect(body.items.map((i) => [i.article, i.daysOfCover])).toEqual([
      ["A-005", 0],
      ["A-001", 3],
      ["A-002", 5],
      ["A-004", 60],
      ["A-003", null],
    ]);
    expect(body.items.find((i) => i.article === "A-004")).toMatchObject({
      unitsSold: 5,
      turnover: 0.03,
      turnoverDays: 360,
    });
  });

  it("validates dates naming the field, keeps tenants apart, and requires auth", async () => {
    const bad = await get("/api/analytics/kpis?from=2026-13-01x", "10.8.1.6", { cookie });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/^from:/);
    const reversed = await get("/api/analytics/kpis?from=2026-03-10&to=2026-03-01", "10.8.1.6", { cookie });
    expect(reversed.status).toBe(400);
    const regions = await read<{ items: Array<{ region: string }> }>(
      `/api/analytics/regions?${period}`,
      "10.8.1.6",
    );
    expect(regions.items.map((i) => i.region)).not.toContain("Omsk");
    expect((await get(`/api/analytics/kpis?${period}`, "10.8.1.6")).status).toBe(401);
  });
});

interface Recommendations {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  items: Array<{
    article: string;
    warehouse: string | null;
    reorderPoint: number;
    safetyStock: number;
    targetStock: number;
    suggestedQuantity: number;
    needsReorder: boolean;
    daysOfCover: number | null;
    inputs: { velocity: number; leadTimeDays: number; safetyStockDays: number; targetCoverDays: number };
    explanation: string;
  }>;
}

describe("GET /api/recommendations", () => {
  it("per product with lead time 14, safety 7 and target cover 45 days", async () => {
    // v 0.5 → safety ⌈3.5⌉ = 4, reorder point ⌈7⌉ + 4 = 11, target ⌈22.5⌉ + 4 = 27, order 27 − 0 = 27.
    // v 1 → safety 7, reorder point 21, target 52, order 52 − 3 = 49.
    // v 2 → safety 14, reorder point 42, target 104, order 104 − 10 = 94.
    // 180 > reorder point 63 → nothing; A-003: no sales → nothing.
    const body = await read<Recommendations>("/api/recommendations", "10.8.2.1");
    expect(body.total).toBe(3);
    expect(body.items.map((i) => [i.article, i.reorderPoint, i.targetStock, i.suggestedQuantity])).toEqual([
      ["A-005", 11, 27, 27],
      ["A-001", 21, 52, 49],
      ["A-002", 42, 104, 94],
    ]);
    expect(body.items[1]?.inputs).toMatchObject({
      velocity: 1,
      leadTimeDays: 14,
      safetyStockDays: 7,
      targetCoverDays: 45,
    });
    expect(body.items[1]?.explanation).toContain("order 49");
    const all = await read<Recommendations>("/api/recommendations?onlyReorder=false", "10.8.2.1");
    expect(all.total).toBe(5);
    expect(all.items.find((i) => i.article === "A-004")).toMatchObject({
      needsReorder: false,
      suggestedQuantity: 0,
      reorderPoint: 63,
    });
  });

  it("per warehouse, with velocity the forecast over that warehouse's orders", async () => {
    // 30 units of A-001 ordered from Koledino yesterday, no stock snapshot: 112 days in stock, one with a sale,
    // so TSB: p = 0.98¹¹² × 1/112 + 0.02 = 0.020929, z = 30 → 0.6279/day.
    const yesterday = new Date(Date.now() - 86_400_000);
    await db()
      .insert(sales)
      .values({
        orgId: acme.orgId,
        accountId: shop.accounts.wb,
        marketplace: "wb",
        kind: "order",
        externalId: "srid-1",
        listingId: shop.listings["A-001:wb"] as number,
        productId: shop.products["A-001"] as number,
        warehouseId: shop.warehouses.Koledino,
        occurredAt: yesterday,
        day: yesterday.toISOString().slice(0, 10),
        quantity: 30,
        revenue: "30000",
      });
    // As the run that brought the order would leave the per-warehouse forecast.
    await rebuildStockReadModels(acme.orgId);
    const body = await read<Recommendations>(
      `/api/recommendations?per=warehouse&warehouseId=${shop.warehouses.Koledino}`,
      "10.8.2.2",
    );
    // Koledino holds 2 of A-001: safety ⌈4.40⌉ = 5, reorder point ⌈8.79⌉ + 5 = 14, target ⌈28.25⌉ + 5 = 34, order 32.
    expect(body.items.map((i) => [i.article, i.warehouse, i.reorderPoint, i.suggestedQuantity])).toEqual([
      ["A-001", "Koledino", 14, 32],
    ]);
    expect(body.items[0]?.inputs.velocity).toBeCloseTo(0.628, 3);
  });

  it("a page past the end answers no items but the list's own total, per product and per warehouse", async () => {
    for (const per of ["product", "warehouse"]) {
      const path = `/api/recommendations?per=${per}&onlyReorder=false&pageSize=2`;
      const first = await read<Recommendations>(path, "10.8.2.3");
      expect(first.total).toBeGreaterThan(2);
      // As the inventory answers: the pages the total fills.
      expect(first.pages).toBe(Math.ceil(first.total / 2));
      const past = await read<Recommendations>(`${path}&page=999`, "10.8.2.3");
      expect(past).toMatchObject({ items: [], page: 999, total: first.total, pages: first.pages });
    }
  });

  it("search keeps the products it finds, per product and per warehouse, only this tenant's", async () => {
    const articles = async (query: string) => {
      const body = await read<Recommendations>(`/api/recommendations?onlyReorder=false&${query}`, "10.8.2.4");
      expect(body.total, query).toBe(body.items.length);
      return body.items.map((i) => [i.article, i.warehouse]);
    };
    // The name's words in any order and letter case, as the inventory's search (globex has the same catalogue).
    expect(await articles("search=coat")).toEqual(
      expect.arrayContaining([
        ["A-001", null],
        ["A-002", null],
      ]),
    );
    expect(await articles("search=coat")).toHaveLength(2);
    expect(await articles("search=COAT%20red")).toEqual([["A-001", null]]);
    expect(await articles("search=a-004")).toEqual([["A-004", null]]);
    expect(await articles("search=coat%20green")).toEqual([]);
    const perWarehouse = await articles("per=warehouse&search=red%20coat");
    expect(perWarehouse.length).toBeGreaterThan(0);
    expect(new Set(perWarehouse.map(([article]) => article))).toEqual(new Set(["A-001"]));
    // Only those to reorder by default: the search narrows the same list.
    const due = await read<Recommendations>("/api/recommendations?search=coat", "10.8.2.4");
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.filter((i) => !["A-001", "A-002"].includes(i.article) || !i.needsReorder)).toEqual([]);
  });

  it("a blank search, or one of invisible characters only, is no filter", async () => {
    for (const per of ["product", "warehouse"]) {
      const path = `/api/recommendations?per=${per}&onlyReorder=false`;
      const all = await read<Recommendations>(path, "10.8.2.5");
      for (const search of ["", "%20%20", "%09", encodeURIComponent("\u200b \ufeff")]) {
        const cleared = await read<Recommendations>(`${path}&search=${search}`, "10.8.2.5");
        expect(cleared, `${per} ${search}`).toEqual(all);
      }
    }
  });

  it("validates its input", async () => {
    const response = await get("/api/recommendations?per=region", "10.8.2.3", { cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^per:/);
    const mixed = await get("/api/recommendations?warehouseId=1", "10.8.2.3", { cookie });
    expect(((await mixed.json()) as ErrorBody).error.message).toMatch(/^warehouseId:/);
  });
});

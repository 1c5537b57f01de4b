// Top products, categories, ABC and turnover through the Worker answer the same for a period read from
// product_sales_windows (the organization's standard period ending on its last day) as they did summing
// sales_daily for it, in every marketplace scope.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildSalesWindows } from "../../../db/queries/sales-windows";
import { salesDaily } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { type Catalog, db, distinctIps, get, seedShop, seedTenant, signIn, type Tenant } from "./fixtures";

useTestDatabase();

const ip = distinctIps(191);
let acme: Tenant;
let shop: Catalog;
let cookie: string;
const period = "from=2026-03-01&to=2026-03-10";
const paths = [
  "/api/analytics/top-products?limit=500",
  "/api/analytics/categories",
  "/api/analytics/abc",
  "/api/analytics/turnover?limit=1000",
];
const scopes = ["", "&marketplace=ozon", "&marketplace=wb"];

beforeAll(async () => {
  acme = await seedTenant("acme");
  shop = await seedShop(acme.orgId);
  const row = (
    day: string,
    article: string,
    marketplace: "ozon" | "wb",
    region: string,
    [orders, units, revenue, returns]: [number, number, number, number],
  ) => ({
    orgId: acme.orgId,
    day,
    productId: shop.products[article] as number,
    marketplace,
    region,
    orders,
    units,
    revenue: revenue.toFixed(2),
    returns,
    cancellations: 0,
  });
  await db()
    .insert(salesDaily)
    .values([
      row("2026-03-01", "A-001", "ozon", "Moscow", [2, 3, 3000.5, 0]),
      row("2026-03-01", "A-001", "ozon", "Kazan", [1, 1, 999.25, 1]),
      row("2026-03-02", "A-002", "wb", "Kazan", [1, 1, 1500, 0]),
      row("2026-03-05", "A-002", "ozon", "Omsk", [3, 4, 1500, 0]),
      row("2026-03-09", "A-004", "wb", "Moscow", [4, 5, 500, 0]),
      row("2026-03-10", "A-001", "wb", "Kazan", [1, 1, 1000, 0]),
      // Only a return in the period: listed with no revenue, as before.
      row("2026-03-07", "A-005", "wb", "Tver", [0, 0, 0, 1]),
      // Outside the period on both sides.
      row("2026-02-28", "A-003", "ozon", "Moscow", [2, 2, 2000, 0]),
      row("2026-03-11", "A-002", "wb", "Kazan", [9, 9, 9999, 0]),
    ]);
  cookie = await signIn(acme.users.viewer.email, ip());
});

async function answers(): Promise<Record<string, unknown>> {
  const bodies: Record<string, unknown> = {};
  for (const path of paths) {
    for (const scope of scopes) {
      const response = await get(`${path}${path.includes("?") ? "&" : "?"}${period}${scope}`, ip(), {
        cookie,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("X-Cache")).toBe("MISS");
      bodies[`${path}${scope}`] = await response.json();
    }
  }
  return bodies;
}

describe("analytics per product from product_sales_windows", () => {
  it("answers as summing sales_daily did, in every marketplace scope", async () => {
    const summed = await answers();
    // A-001 4999.75 (0% before) A, A-002 3000 (58.8%) A, A-004 500 (94.1%) B, A-005 0 C; A-003 sold outside.
    expect(summed["/api/analytics/abc"]).toMatchObject({ totals: { A: 2, B: 1, C: 1 } });
    // The period becomes one of the organization's standard periods; a new data version, as a run's finalize.
    await db().execute(
      sql`insert into sales_windows (org_id, days, ends_on) values (${acme.orgId}, 10, '2026-03-10')`,
    );
    for (const statement of rebuildSalesWindows(acme.orgId)) await db().execute(statement);
    await db().execute(
      sql`update organizations set data_version = data_version + 1 where id = ${acme.orgId}`,
    );
    // A caller resolved now reads the new data version (a resolved one keeps its own for up to 30 s).
    cookie = await signIn(acme.users.viewer.email, ip());
    const rows = await db().execute(
      sql`select count(*)::int as products, count(ozon_orders)::int as ozon, count(wb_orders)::int as wb
        from product_sales_windows where org_id = ${acme.orgId}`,
    );
    expect(rows.rows).toEqual([{ products: 4, ozon: 2, wb: 4 }]);
    expect(await answers()).toEqual(summed);
  });
});

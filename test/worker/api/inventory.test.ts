// The inventory list and product detail through the Worker: sorting, paging, status filter, CSV export
// (also from the cache), validation, API-key access and tenant isolation.

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  type ErrorBody,
  get,
  seedAcmeAndGlobex,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

interface InventoryPage {
  items: Array<{
    article: string;
    available: number;
    status: string;
    stockoutDate: string | null;
    daysOfCover: number | null;
  }>;
  total: number;
  pages: number;
}

let acme: Tenant;
let globex: Tenant;
let shop: Catalog;
let globexShop: Catalog;
let cookie: string;

beforeAll(async () => {
  ({ acme, globex, shop, globexShop } = await seedAcmeAndGlobex());
  cookie = await signIn(acme.users.viewer.email, "10.7.0.1");
});

describe("GET /api/inventory", () => {
  it("sorts and pages", async () => {
    const response = await get("/api/inventory?sort=available&order=desc&pageSize=2", "10.7.1.1", { cookie });
    expect(response.status).toBe(200);
    const page = (await response.json()) as InventoryPage;
    expect(page.items.map((item) => [item.article, item.available])).toEqual([
      ["A-004", 180],
      ["A-003", 50],
    ]);
    expect(page).toMatchObject({ total: 5, pages: 3 });
    const last = (await (
      await get("/api/inventory?sort=available&order=desc&pageSize=2&page=3", "10.7.1.1", { cookie })
    ).json()) as InventoryPage;
    expect(last.items.map((item) => item.article)).toEqual(["A-005"]);
  });

  it("keeps the total past the last page, and sorts by status, days of cover and category", async () => {
    const past = (await (
      await get("/api/inventory?sort=available&pageSize=2&page=9", "10.7.1.5", { cookie })
    ).json()) as InventoryPage;
    expect(past).toMatchObject({ items: [], total: 5, pages: 3 });
    const byStatus = (await (
      await get("/api/inventory?sort=status&order=desc", "10.7.1.5", { cookie })
    ).json()) as InventoryPage;
    // overstock, normal, low, then the two critical ones by article.
    expect(byStatus.items.map((item) => item.article)).toEqual(["A-004", "A-003", "A-002", "A-001", "A-005"]);
    const byCover = (await (
      await get("/api/inventory?sort=daysOfCover&status=critical", "10.7.1.5", { cookie })
    ).json()) as InventoryPage;
    // 0 units at 0.5/day = 0 days; A-001: 3 units at 1/day = 3 days.
    expect(byCover.items.map((item) => [item.article, item.daysOfCover])).toEqual([
      ["A-005", 0],
      ["A-001", 3],
    ]);
    const coats = (await (
      await get("/api/inventory?category=outerwear&sort=available&order=desc", "10.7.1.5", { cookie })
    ).json()) as InventoryPage;
    expect(coats.items.map((item) => item.article)).toEqual(["A-002", "A-001"]);
    expect(coats.total).toBe(2);
  });

  it("filters by status and search", async () => {
    const critical = (await (
      await get("/api/inventory?status=critical&sort=article", "10.7.1.2", { cookie })
    ).json()) as InventoryPage;
    expect(critical.items.map((item) => item.article)).toEqual(["A-001", "A-005"]);
    expect(critical.items[0]?.stockoutDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const hat = (await (
      await get("/api/inventory?search=hat", "10.7.1.2", { cookie })
    ).json()) as InventoryPage;
    expect(hat.total).toBe(1);
  });

  it("exports every matching row as CSV, also when served from the cache", async () => {
    for (const expected of ["MISS", "HIT"]) {
      const response = await get("/api/inventory?format=csv&sort=article&pageSize=1", "10.7.1.3", { cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get("X-Cache")).toBe(expected);
      expect(response.headers.get("Content-Type")).toContain("text/csv");
      expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="inventory-/);
      const lines = (await response.text()).trim().split("\r\n");
      expect(lines[0]).toBe(
        "product_id,article,name,category,status,available,reserved,in_transit,warehouses,velocity_per_day,days_of_cover,stockout_date",
      );
      expect(lines).toHaveLength(6);
      expect(lines[4]).toContain("A-004,Hat,accessories,overstock,180,0,0,2,3,60,");
    }
  });

  it("exports in Russian for Excel: BOM, semicolons, Russian headers and statuses", async () => {
    const response = await get("/api/inventory?format=csv&sort=article&lang=ru", "10.7.1.6", { cookie });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe(
      "ID товара;Артикул;Товар;Категория;Статус;Доступно;Резерв;В пути;Склады;Продаж в день;Дней запаса;Закончится",
    );
    expect(lines[4]).toContain(";A-004;Hat;accessories;Избыток;180;0;0;2;3;60;");
    for (const line of lines.slice(1)) expect(line.split(";")).toHaveLength(12);
  });

  it("rejects an unknown export language naming the field", async () => {
    const response = await get("/api/inventory?format=csv&lang=de", "10.7.1.7", { cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^lang:/);
  });

  it("rejects an unknown sort naming the field, and requires auth", async () => {
    const response = await get("/api/inventory?sort=price", "10.7.1.4", { cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^sort:/);
    expect((await get("/api/inventory", "10.7.1.4")).status).toBe(401);
  });

  it("shows each organization only its own products", async () => {
    const other = await signIn(globex.users.viewer.email, "10.7.1.5");
    const page = (await (await get("/api/inventory", "10.7.1.5", { cookie: other })).json()) as InventoryPage;
    expect(page.items.map((item) => item.article)).toEqual(["G-001"]);
  });
});

describe("GET /api/products/{id}", () => {
  it("shows stock per warehouse, listings on both marketplaces and figures", async () => {
    const response = await get(`/api/products/${shop.products["A-004"]}`, "10.7.2.1", { cookie });
    expect(response.status).toBe(200);
    const detail = (await response.json()) as {
      status: string;
      available: number;
      daysOfCover: number;
      stock: Array<{ warehouse: string; available: number }>;
      listings: Array<{ marketplace: string }>;
      salesHistory: unknown[];
    };
    expect(detail).toMatchObject({ status: "overstock", available: 180, daysOfCover: 60 });
    expect(detail.stock.map((line) => [line.warehouse, line.available])).toEqual([
      ["Koledino", 150],
      ["Tver", 30],
    ]);
    expect(detail.listings.map((listing) => listing.marketplace).sort()).toEqual(["ozon", "wb"]);
    expect(detail.salesHistory).toEqual([]);
  });

  it("shows Ozon's own turnover figures of the product's Ozon SKU from the last complete report only", async () => {
    const listingId = shop.listings["A-004:ozon"];
    await db().execute(sql`update listings set ozon_sku = 777004 where id = ${listingId}`);
    const account = shop.accounts.ozon;
    await db().execute(sql`insert into ozon_turnover (account_id, run_id, sku, offer_id, ads, current_stock, idc,
        idc_grade, turnover, turnover_grade, complete, fetched_at)
      values (${account}, gen_random_uuid(), 777004, 'A-004', 2.5, 30, 12, 'GRADES_RED', 20.5, 'GRADES_GREEN', true,
        '2026-12-06T03:00:00Z'),
        (${account}, gen_random_uuid(), 777004, 'A-004', 9, 1, 0.1, 'GRADES_CRITICAL', 1, 'GRADES_GREEN', false, now())`);
    // Another days window than the test above: its own cache entry.
    const response = await get(`/api/products/${shop.products["A-004"]}?days=31`, "10.7.2.3", { cookie });
    expect(response.status).toBe(200);
    const detail = (await response.json()) as { ozonTurnover: unknown[] };
    expect(detail.ozonTurnover).toEqual([
      {
        accountId: account,
        sku: 777004,
        turnoverGrade: "GRADES_GREEN",
        turnover: 20.5,
        idcGrade: "GRADES_RED",
        idc: 12,
        ads: 2.5,
        currentStock: 30,
        fetchedAt: "2026-12-06T03:00:00.000Z",
      },
    ]);
  });

  it("answers 404 for another organization's product and 400 for a bad id", async () => {
    const response = await get(`/api/products/${globexShop.products["G-001"]}`, "10.7.2.2", { cookie });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Globex boot");
    const bad = await get("/api/products/abc", "10.7.2.2", { cookie });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/^id:/);
  });
});

describe("API key access", () => {
  it("reads the inventory with a viewer API key", async () => {
    const admin = await signIn(acme.users.admin.email, "10.7.3.1");
    const created = (await (
      await send("POST", "/api/api-keys", { name: "reader" }, "10.7.3.1", { cookie: admin })
    ).json()) as {
      key: string;
    };
    const response = await get("/api/inventory?status=low", "10.7.3.2", { apiKey: created.key });
    expect(response.status).toBe(200);
    expect(((await response.json()) as InventoryPage).items.map((item) => item.article)).toEqual(["A-002"]);
  });
});

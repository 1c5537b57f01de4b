// GET /api/supply-plan through the real Worker over seeded orders and stock: per cluster (Koledino + Podolsk
// in "Центр") or warehouse outside any (Tver), the quantities and ₽ the hand arithmetic gives, a product's own
// minimum order and pack size (PUT /api/products/{id}/supply), stock in transit covering a need, the Russian
// CSV, another organization seeing none of it, and bad parameters refused naming the field.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshSalesDaily } from "../../../cron/load/finalize-run";
import { refreshUnitPrice } from "../../../db/queries/unit-price-refresh";
import { inventoryDaily, sales, warehouses } from "../../../db/schema";
import { dayInTimeZone } from "../../../worker/api/period";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  distinctIps,
  type ErrorBody,
  get,
  rebuildStockReadModels,
  seedCatalog,
  seedShop,
  seedTenant,
  send,
  signIn,
  storeSupplyPlan,
  type Tenant,
} from "./fixtures";

useTestDatabase();

const ip = distinctIps(73);

interface Line {
  productId: number;
  article: string;
  marketplace: string;
  destination: { kind: string; name: string; warehouseId: number | null; warehouses: string[] };
  inputs: { available: number; inTransit: number; velocity: number; minOrderUnits: number; packSize: number };
  shortfall: number;
  quantity: number;
  packs: number;
  coverAfterDays: number | null;
  outcome: string;
  unitPrice: number;
  value: number;
  explanation: string[];
}

interface Reconciliation {
  planUnits: number;
  orderNowUnits: number;
  planValue: number;
  orderNowValue: number;
  packsAndMinimum: number;
  coverCap: number;
  destinations: number;
  products: Array<{ article: string; short: string[]; surplus: string[] }>;
  explanation: string;
}

interface Plan {
  items: Line[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  totals: { lines: number; products: number; destinations: number; units: number; value: number };
  reconciliation: Reconciliation | null;
}

let tenant: Tenant;
let shop: Catalog;
let viewer: string;
let operator: string;

const dayBack = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

/** `perDay` units ordered at `price` ₽ each on each of the last 10 days, and a stock snapshot 10 days back
 * (so the forecast's series starts there: a flat series, forecast exactly `perDay`). */
async function sellDaily(article: string, warehouse: string, perDay: number, price: number) {
  const marketplace: "ozon" | "wb" = warehouse === "Tver" ? "ozon" : "wb";
  const listingId = shop.listings[`${article}:${marketplace}`] as number;
  const productId = shop.products[article] as number;
  const warehouseId = shop.warehouses[warehouse] as number;
  const days = Array.from({ length: 10 }, (_, i) => i + 1);
  await db()
    .insert(sales)
    .values(
      days.map((back) => ({
        orgId: tenant.orgId,
        accountId: shop.accounts[marketplace],
        marketplace,
        kind: "order" as const,
        externalId: `${article}-${warehouse}-${back}`,
        listingId,
        productId,
        warehouseId,
        occurredAt: new Date(`${dayBack(back)}T12:00:00Z`),
        day: dayBack(back),
        quantity: perDay,
        revenue: String(perDay * price),
      })),
    );
  await db()
    .insert(inventoryDaily)
    .values({
      orgId: tenant.orgId,
      day: dayBack(10),
      listingId,
      warehouseId,
      productId,
      marketplace,
      available: 50,
      reserved: 0,
      inTransit: 0,
    });
}

async function plan(query = "", cookie = viewer): Promise<Plan> {
  const response = await get(`/api/supply-plan${query}`, ip(), { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Plan;
}

beforeAll(async () => {
  // Lead time 14, safety 7, target 45, ceiling 120 days (the defaults); minimum order 1, packs of 1.
  tenant = await seedTenant("supply");
  shop = await seedCatalog(tenant.orgId, {
    warehouses: [
      { name: "Koledino", marketplace: "wb" },
      { name: "Podolsk", marketplace: "wb" },
      { name: "Tver", marketplace: "ozon" },
      { name: "Склад WB РФ", marketplace: "wb" },
    ],
    products: [
      { article: "P-1", name: "Рубашка", stock: { Koledino: 10, Podolsk: 20, Tver: 5 } },
      { article: "P-2", name: "Куртка", stock: { Tver: 0 } },
      { article: "P-3", name: "Шарф", stock: { Tver: 0 } },
      { article: "P-4", name: "Пальто", stock: { Podolsk: 30 } },
    ],
  });
  await db()
    .update(warehouses)
    .set({ cluster: "Центр" })
    .where(sql`${warehouses.id} in (${shop.warehouses.Koledino}, ${shop.warehouses.Podolsk})`);
  // WB's marketplace-wide total: orders booked there name no shipping warehouse.
  await db()
    .update(warehouses)
    .set({ cluster: "Россия", type: "unknown" })
    .where(sql`${warehouses.id} = ${shop.warehouses["Склад WB РФ"]}`);
  await db().execute(sql`update inventory set in_transit = 4
    where product_id = ${shop.products["P-1"]} and warehouse_id = ${shop.warehouses.Koledino}`);
  await db().execute(sql`update inventory set in_transit = 200 where product_id = ${shop.products["P-3"]}`);
  await sellDaily("P-1", "Koledino", 1, 500);
  await sellDaily("P-1", "Podolsk", 1, 500);
  await sellDaily("P-1", "Tver", 3, 500);
  await sellDaily("P-2", "Tver", 1, 2000);
  await sellDaily("P-3", "Tver", 1, 700);
  await sellDaily("P-4", "Склад WB РФ", 2, 500);
  // The seller's own price, where a listing has one, comes before the average selling price.
  await db().execute(sql`update listings set price = '1999.50' where product_id = ${shop.products["P-2"]}`);
  // What finalize stores: each warehouse's stock and forecast, sales_daily from the orders, each product's unit
  // price from it and the listings, and the product's forecast (flat series: P-1 1 + 1 + 3 = 5/day, P-2 and P-3 1, P-4 2).
  await rebuildStockReadModels(tenant.orgId);
  for (const statement of refreshSalesDaily({ orgId: tenant.orgId })) await db().execute(statement);
  const velocities: Record<string, number> = { "P-1": 5, "P-2": 1, "P-3": 1, "P-4": 2 };
  for (const [article, velocity] of Object.entries(velocities))
    await db().execute(sql`update product_summary set velocity = ${velocity}
      where org_id = ${tenant.orgId} and product_id = ${shop.products[article] as number}`);
  // The supply plan's lines carry the product's forecast × their share: written after it, as finalize does.
  await rebuildStockReadModels(tenant.orgId);
  await db().execute(
    refreshUnitPrice(
      tenant.orgId,
      sql`select product_id from product_summary where org_id = ${tenant.orgId}`,
    ),
  );
  await storeSupplyPlan(tenant.orgId);
  viewer = await signIn(tenant.users.viewer.email, ip());
  operator = await signIn(tenant.users.operator.email, ip());
});

describe("GET /api/supply-plan", () => {
  it("plans each cluster and lone warehouse as the hand arithmetic does, with ₽ and an explanation", async () => {
    const { items, totals } = await plan();
    const lines = items.map((l) => [l.article, l.marketplace, l.destination.name, l.quantity, l.value]);
    // Центр (Koledino + Podolsk): 1 + 1 = 2/day; safety 14, reorder point 28 + 14 = 42, target 90 + 14 = 104;
    //   position 10 + 20 + 4 in transit = 34 → ship 70 (500 ₽ each: 35 000 ₽).
    // Tver P-1: 3/day; safety 21, reorder point 42 + 21 = 63, target 135 + 21 = 156; position 5 → ship 151.
    // Tver P-2: 1/day; reorder point 21, target 52; position 0 → ship 52 (its listing's 1 999.50 ₽ each).
    // Tver P-3: 1/day but 200 in transit, above the reorder point 21: nothing to ship, so not listed.
    // P-4's orders (2/day) sit on WB's total "Склад WB РФ": they meet Podolsk's 30 units, which sell nothing of
    //   their own, as one destination "Россия": 2/day, position 30 → ship 104 − 30 = 74, not 104.
    expect(lines).toEqual([
      ["P-1", "ozon", "Tver", 151, 75_500],
      ["P-2", "ozon", "Tver", 52, 103_974],
      ["P-4", "wb", "Россия", 74, 37_000],
      ["P-1", "wb", "Центр", 70, 35_000],
    ]);
    expect(items.find((l) => l.article === "P-4")?.destination).toEqual({
      kind: "cluster",
      name: "Россия",
      warehouseId: null,
      warehouses: ["Podolsk", "Склад WB РФ"],
    });
    const centre = items.find((l) => l.destination.name === "Центр");
    expect(centre?.destination).toEqual({
      kind: "cluster",
      name: "Центр",
      warehouseId: null,
      warehouses: ["Koledino", "Podolsk"],
    });
    expect(centre?.inputs).toMatchObject({ available: 30, inTransit: 4, velocity: 2 });
    expect(centre?.coverAfterDays).toBe(52);
    expect(centre?.explanation).toEqual([
      "Reorder point 42 = 2/day × 14 lead-time days + safety stock 14 (7 days).",
      "Stock position 34 = 30 available + 4 in transit.",
      "Shortfall 70 = target 104 (2/day × 45 days + safety stock) − position 34.",
      "Ship 70: 52 days of cover after it arrives.",
    ]);
    expect(items.find((l) => l.destination.name === "Tver")?.destination).toMatchObject({
      kind: "warehouse",
      warehouseId: shop.warehouses.Tver,
    });
    expect(totals).toEqual({ lines: 4, products: 3, destinations: 3, units: 347, value: 251_474 });
  });

  it("spreads each product's forecast over its destinations by their share of its demand", async () => {
    // P-1 sells 1 + 1 at Центр and 3 at Tver of its 5 a day: shares 0.4 and 0.6 of the product's forecast.
    const p1 = (await plan()).items.filter((l) => l.article === "P-1");
    expect(p1.map((l) => [l.destination.name, l.inputs.velocity])).toEqual([
      ["Tver", 3],
      ["Центр", 2],
    ]);
    // A run's finalize writes the product's forecast, then the lines that carry it.
    await db().execute(sql`update product_summary set velocity = 2.5
      where org_id = ${tenant.orgId} and product_id = ${shop.products["P-1"]}`);
    await rebuildStockReadModels(tenant.orgId);
    await db().execute(
      sql`update organizations set data_version = data_version + 1 where id = ${tenant.orgId}`,
    );
    try {
      // The product's forecast halved: each destination's halves with it (Tver 1.5, Центр 1).
      const halved = (await plan("?all=true")).items.filter((l) => l.article === "P-1");
      expect(halved.map((l) => [l.destination.name, l.inputs.velocity])).toEqual([
        ["Tver", 1.5],
        ["Центр", 1],
      ]);
    } finally {
      await db().execute(sql`update product_summary set velocity = 5
        where org_id = ${tenant.orgId} and product_id = ${shop.products["P-1"]}`);
      await rebuildStockReadModels(tenant.orgId);
      await db().execute(
        sql`update organizations set data_version = data_version + 1 where id = ${tenant.orgId}`,
      );
    }
  });

  it("reconciles the plan with order now: each product's destinations together need what it does", async () => {
    // P-1 over all warehouses: 5/day, position 35 + 4 = 39 ≤ reorder point 70 + 35 → order 225 + 35 − 39 = 221
    // = Tver 151 + Центр 70. P-2 52, P-3 covered by its 200 in transit, P-4 74: the plan is order now.
    const { reconciliation, totals } = await plan();
    expect(reconciliation).toMatchObject({
      planUnits: 347,
      orderNowUnits: 347,
      packsAndMinimum: 0,
      coverCap: 0,
      destinations: 0,
      products: [],
    });
    // In ₽ too: the plan's value is its lines' (each at its product's one unit price), and order now's the same.
    expect(totals.value).toBeGreaterThan(0);
    expect(reconciliation?.planValue).toBe(totals.value);
    expect(reconciliation?.orderNowValue).toBe(totals.value);
    expect(reconciliation?.explanation).toBe(
      `plan 347 units (${totals.value} RUB) vs order-now 347 units (${totals.value} RUB): they agree.`,
    );
    // One cluster is part of its products' destinations: nothing to reconcile it with.
    expect((await plan(`?cluster=${encodeURIComponent("Центр")}`)).reconciliation).toBeNull();
  });

  it("pages the lines (page, pageSize) with the total and the page count; the totals and the CSV cover every line", async () => {
    const first = await plan("?pageSize=3");
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 4, pages: 2 });
    expect(first.items.map((l) => l.article)).toEqual(["P-1", "P-2", "P-4"]);
    expect(first.totals.units).toBe(347);
    const second = await plan("?pageSize=3&page=2");
    expect(second.items.map((l) => [l.article, l.destination.name])).toEqual([["P-1", "Центр"]]);
    expect(await plan("?pageSize=3&page=3")).toMatchObject({ items: [], page: 3, total: 4, pages: 2 });
    const csv = await get("/api/supply-plan?format=csv&pageSize=1", ip(), { cookie: viewer });
    expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(5);
  });

  it("all=true keeps the line stock in transit covers, and filters narrow by cluster, warehouse and search", async () => {
    const scarf = (await plan("?all=true")).items.find((l) => l.article === "P-3");
    expect(scarf).toMatchObject({ outcome: "covered", quantity: 0, inputs: { inTransit: 200, velocity: 1 } });
    const byCluster = await plan(`?cluster=${encodeURIComponent("Центр")}`);
    expect(byCluster.items.map((l) => l.destination.name)).toEqual(["Центр"]);
    // Podolsk lies in Центр: its destination is the whole cluster, Koledino's stock included (and its P-4 stock
    // meets the orders on WB's total).
    const byWarehouse = await plan(`?warehouseId=${shop.warehouses.Podolsk}`);
    expect(byWarehouse.items.map((l) => [l.destination.name, l.quantity])).toEqual([
      ["Россия", 74],
      ["Центр", 70],
    ]);
    expect(
      (await plan("?marketplace=ozon&search=%D0%9A%D1%83%D1%80%D1%82")).items.map((l) => l.article),
    ).toEqual(["P-2"]);
    // A cleared search box (blank, or only a copied zero-width space) is the whole plan, not a 400.
    const whole = (await plan("?all=true")).items.map((l) => [l.article, l.destination.name]);
    for (const blank of ["", "%20%20", "%E2%80%8B"])
      expect(
        (await plan(`?all=true&search=${blank}`)).items.map((l) => [l.article, l.destination.name]),
      ).toEqual(whole);
  });

  it("a product's own minimum order and pack size (PUT, operator) round its line; null restores the defaults", async () => {
    const path = `/api/products/${shop.products["P-2"]}/supply`;
    const refused = await send("PUT", path, { minOrderUnits: 100, packSize: 12 }, ip(), { cookie: viewer });
    expect(refused.status).toBe(403);
    const stored = await send("PUT", path, { minOrderUnits: 100, packSize: 12 }, ip(), { cookie: operator });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({
      productId: shop.products["P-2"],
      minOrderUnits: 100,
      packSize: 12,
    });
    // The product page shows them beside the organization's (minimum order 1, packs of 1).
    const detail = await get(`/api/products/${shop.products["P-2"]}`, ip(), { cookie: viewer });
    expect(((await detail.json()) as { supply: unknown }).supply).toEqual({
      minOrderUnits: 100,
      packSize: 12,
      defaults: { minOrderUnits: 1, packSize: 1 },
    });
    // 52 short → minimum order 100 → 9 packs of 12 = 108, under the cap ⌊1 × 120⌋ = 120; 108 × 1 999.50 ₽.
    const jacket = (await plan()).items.find((l) => l.article === "P-2");
    expect(jacket).toMatchObject({
      shortfall: 52,
      quantity: 108,
      packs: 9,
      value: 215_946,
      coverAfterDays: 108,
      inputs: { minOrderUnits: 100, packSize: 12 },
    });
    const cleared = await send("PUT", path, { minOrderUnits: null, packSize: null }, ip(), {
      cookie: operator,
    });
    expect(cleared.status).toBe(200);
    expect((await plan()).items.find((l) => l.article === "P-2")?.quantity).toBe(52);
  });

  it("exports the plan for Russian Excel: BOM, ';', decimal comma, Russian headers and explanations", async () => {
    // Named by the seller's date, in a zone whose date is not UTC's at this hour (UTC−11 before 11:00 UTC, UTC+14
    // from then), whichever day the request straddled. Every time-dependent choice reads one instant or brackets
    // the request: no clock window can fail it.
    const chosenAt = new Date();
    const zone = chosenAt.getUTCHours() < 11 ? "Pacific/Pago_Pago" : "Pacific/Kiritimati";
    expect(dayInTimeZone(chosenAt, zone)).not.toBe(chosenAt.toISOString().slice(0, 10));
    const admin = await signIn(tenant.users.admin.email, ip());
    const zoned = await send("PATCH", "/api/settings", { timeZone: zone }, ip(), { cookie: admin });
    expect(zoned.status, await zoned.clone().text()).toBe(200);
    const before = dayInTimeZone(new Date(), zone);
    const response = await get("/api/supply-plan?format=csv&lang=ru", ip(), { cookie: viewer });
    const after = dayInTimeZone(new Date(), zone);
    await send("PATCH", "/api/settings", { timeZone: "Europe/Moscow" }, ip(), { cookie: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect([before, after].map((day) => `attachment; filename="supply-plan-${day}.csv"`)).toContain(
      response.headers.get("Content-Disposition"),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(rows[0]?.split(";").slice(0, 8)).toEqual([
      "Маркетплейс",
      "Куда",
      "Кластер или склад",
      "Склады",
      "ID товара",
      "Артикул",
      "Товар",
      "Отгрузить (шт.)",
    ]);
    expect(rows).toHaveLength(5);
    const centre = rows.find((row) => row.includes("Центр")) ?? "";
    expect(
      centre.startsWith(
        `Wildberries;Кластер;Центр;"Koledino, Podolsk";${shop.products["P-1"]};P-1;Рубашка;70;`,
      ),
    ).toBe(true);
    expect(centre).toContain("Отгрузить 70: после поступления запаса хватит на 52 дня.");
    // Decimal comma: P-2's 1 999.50 ₽ and 103 974 ₽.
    expect(rows.find((row) => row.includes(";P-2;"))).toContain(";52;52;1;1;1999,5;103974;0;0;1;");
    const english = await get("/api/supply-plan?format=csv&lang=en&all=true", ip(), { cookie: viewer });
    const text = await english.text();
    expect(text.split("\r\n")[0]?.startsWith("marketplace,destination_kind,destination,")).toBe(true);
    expect(text).toContain("Above the reorder point: stock on hand and in transit covers the need");
  });

  it("shows another organization nothing of this one, and its own products only", async () => {
    const other = await seedTenant("supply-other");
    const otherShop = await seedShop(other.orgId);
    const cookie = await signIn(other.users.operator.email, ip());
    expect(await plan("?all=true", cookie).then((p) => p.items.map((l) => l.article))).not.toContain("P-1");
    // Its shop has no stock snapshot yet: its lost sales cover today alone.
    const overview = await get("/api/dashboard", ip(), { cookie });
    expect(
      ((await overview.json()) as { money: { lostSales: { observedDays: number } } }).money.lostSales,
    ).toMatchObject({
      observedDays: 1,
    });
    expect((await plan("", cookie)).totals).toEqual({
      lines: 0,
      products: 0,
      destinations: 0,
      units: 0,
      value: 0,
    });
    const foreign = await send(
      "PUT",
      `/api/products/${shop.products["P-1"]}/supply`,
      { minOrderUnits: 5, packSize: null },
      ip(),
      { cookie },
    );
    expect(foreign.status).toBe(404);
    expect(otherShop.products["A-001"]).toBeDefined();
  });

  it("refuses bad parameters and bodies with a 400 naming the field", async () => {
    const refused = async (response: Response, field: string) => {
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect((JSON.parse(text) as ErrorBody).error.message.startsWith(`${field}:`), text).toBe(true);
    };
    await refused(await get("/api/supply-plan?marketplace=amazon", ip(), { cookie: viewer }), "marketplace");
    await refused(await get("/api/supply-plan?warehouseId=0x10", ip(), { cookie: viewer }), "warehouseId");
    await refused(await get("/api/supply-plan?format=xlsx", ip(), { cookie: viewer }), "format");
    await refused(await get("/api/supply-plan?lang=de", ip(), { cookie: viewer }), "lang");
    await refused(await get("/api/supply-plan?page=0", ip(), { cookie: viewer }), "page");
    await refused(await get("/api/supply-plan?pageSize=501", ip(), { cookie: viewer }), "pageSize");
    const path = `/api/products/${shop.products["P-1"]}/supply`;
    await refused(
      await send("PUT", path, { minOrderUnits: 0, packSize: null }, ip(), { cookie: operator }),
      "minOrderUnits",
    );
    await refused(
      await send("PUT", path, { minOrderUnits: null, packSize: 2.5 }, ip(), { cookie: operator }),
      "packSize",
    );
    await refused(await send("PUT", path, { minOrderUnits: 3 }, ip(), { cookie: operator }), "packSize");
    await refused(
      await send("PUT", path, { minOrderUnits: 10, packSize: 6, evil: 1 }, ip(), { cookie: operator }),
      "evil",
    );
  });
});

describe("PATCH /api/settings", () => {
  it("sets the organization's minimum order and pack size, which every line without its own then uses", async () => {
    const admin = await signIn(tenant.users.admin.email, ip());
    const response = await send("PATCH", "/api/settings", { minOrderUnits: 60, packSize: 10 }, ip(), {
      cookie: admin,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ minOrderUnits: 60, packSize: 10 });
    // Центр: 70 short → packs of 10 = 70. Tver P-1: 151 → 160. Tver P-2: 52 → min 60 → 60. Россия P-4: 74 → 80.
    const items = (await plan()).items.map((l) => [l.article, l.destination.name, l.quantity, l.packs]);
    expect(items).toEqual([
      ["P-1", "Tver", 160, 16],
      ["P-2", "Tver", 60, 6],
      ["P-4", "Россия", 80, 8],
      ["P-1", "Центр", 70, 7],
    ]);
    const bad = await send("PATCH", "/api/settings", { packSize: 0 }, ip(), { cookie: admin });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message.startsWith("packSize:")).toBe(true);
  });
});

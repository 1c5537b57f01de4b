// The Overview's stored answer through the Worker (GET /api/dashboard for all warehouses, each marketplace, each
// warehouse and each category): a settings change stores it in its own transaction, with the new settings (all
// but the warehouses', which a finalize stores: until then those are computed per request), and the
// Overview then answers from it exactly as computing it per request does (counts, each status' Top-N, money); a
// stored answer of another data version (a change that does not store one) or a Top-N past what is stored is not
// used, and a search or two filters together are always computed per request.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DASHBOARD_STORED_TOP,
  dashboardRulesFromRow,
  dashboardRulesSql,
  refreshDashboardReadModels,
} from "../../../db/queries/dashboard-store";
import { refreshUnitPrice } from "../../../db/queries/unit-price-refresh";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  distinctIps,
  get,
  seedShop,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

const ip = distinctIps(71);

let tenant: Tenant;
let shop: Catalog;
let admin: string;
let operator: string;

/** Every stored scope (the warehouses' ids known once the shop is seeded), each at three Top-Ns. */
function questions(): string[] {
  const scopes = [
    "",
    "marketplace=ozon",
    "marketplace=wb",
    `warehouseId=${shop.warehouses.Koledino}`,
    `warehouseId=${shop.warehouses.Tver}`,
    "category=outerwear",
    "category=accessories",
  ];
  return scopes.flatMap((scope) =>
    [1, 2, DASHBOARD_STORED_TOP].map((limit) => `/api/dashboard?limit=${limit}${scope ? `&${scope}` : ""}`),
  );
}

interface Dashboard {
  dataVersion: number;
  counts: Record<string, number>;
  items: Record<string, Array<{ article: string }>>;
  money: unknown;
}

async function dashboard(path: string): Promise<Dashboard> {
  const response = await get(path, ip(), { cookie: admin });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Dashboard;
}

/** Every question's answer, without the data version it was asked at. */
async function answers(): Promise<Array<Omit<Dashboard, "dataVersion">>> {
  const all: Array<Omit<Dashboard, "dataVersion">> = [];
  for (const path of questions()) {
    const { dataVersion: _version, ...answer } = await dashboard(path);
    all.push(answer);
  }
  return all;
}

async function changeSettings(change: Record<string, unknown>): Promise<void> {
  const response = await send("PATCH", "/api/settings", change, ip(), { cookie: admin });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** A change that moves the data version without storing the Overview's answer (a product's supply numbers). */
async function moveVersionOnly(): Promise<void> {
  const response = await send(
    "PUT",
    `/api/products/${shop.products["A-003"]}/supply`,
    { minOrderUnits: null, packSize: null },
    ip(),
    { cookie: operator },
  );
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Stores every scope, the warehouses' too, as a run's finalize does. */
async function storeAsFinalizeDoes(): Promise<void> {
  const [row] = (await db().execute(dashboardRulesSql(tenant.orgId))).rows;
  if (!row) throw new Error("no organization");
  // One transaction, as finalize runs them: each breakdown's delete keeps only the rows stored in it.
  const [first, ...rest] = refreshDashboardReadModels(tenant.orgId, dashboardRulesFromRow(row)).map(
    (statement) => db().execute(statement),
  );
  if (first) await db().batch([first, ...rest]);
}

async function storedVersions(): Promise<Array<{ scope: string; current: boolean }>> {
  const result = await db().execute(sql`select m.scope, m.data_version = o.data_version as current
    from dashboard_read_models m join organizations o on o.id = m.org_id
    where m.org_id = ${tenant.orgId} order by m.scope`);
  return result.rows as Array<{ scope: string; current: boolean }>;
}

beforeAll(async () => {
  tenant = await seedTenant("stored");
  shop = await seedShop(tenant.orgId);
  // Prices, so that the money is not all zeros: A-001 1 000 ₽, A-002 250 ₽, A-003 500 ₽, A-004 200 ₽.
  const prices: Record<string, number> = { "A-001": 1_000, "A-002": 250, "A-003": 500, "A-004": 200 };
  for (const [article, price] of Object.entries(prices))
    await db().execute(sql`update listings set price = ${price}
      where org_id = ${tenant.orgId} and product_id = ${shop.products[article] as number}`);
  await db().execute(
    refreshUnitPrice(
      tenant.orgId,
      sql`select product_id from product_summary where org_id = ${tenant.orgId}`,
    ),
  );
  admin = await signIn(tenant.users.admin.email, ip());
  operator = await signIn(tenant.users.operator.email, ip());
});

describe("GET /api/dashboard from the stored answer", () => {
  it("a settings change stores the answer with the new settings, equal to computing it per request", async () => {
    await changeSettings({ statusBasis: "units" });
    // The warehouses' answers are left to the next finalize (seconds for a big seller's 40 warehouses).
    expect(await storedVersions()).toEqual(
      ["all", "category:accessories", "category:outerwear", "ozon", "warehouses", "wb"].map((scope) => ({
        scope,
        current: true,
      })),
    );
    const stored = await answers();
    await storeAsFinalizeDoes();
    expect((await storedVersions()).map((row) => row.scope)).toEqual(
      [
        "all",
        "category:accessories",
        "category:outerwear",
        "ozon",
        `warehouse:${shop.warehouses.Koledino}`,
        `warehouse:${shop.warehouses.Tver}`,
        "warehouses",
        "wb",
      ].sort(),
    );
    expect(await answers()).toEqual(stored);
    // By units (5/20/100): A-001 3 and A-005 0 critical, A-002 10 low, A-003 50 normal, A-004 180 overstock.
    expect(stored[2]?.counts).toEqual({ critical: 2, low: 1, normal: 1, overstock: 1 });
    expect(stored[2]?.money).toMatchObject({ stockRub: 3 * 1_000 + 10 * 250 + 50 * 500 + 180 * 200 });
    // Koledino: A-001 2 critical, A-002 10 low, A-004 150 overstock; no money for one warehouse.
    expect(stored[11]?.counts).toEqual({ critical: 1, low: 1, normal: 0, overstock: 1 });
    expect(stored[11]?.money).toBeNull();
    // Accessories: A-005 critical, A-003 normal, A-004 overstock.
    expect(stored[20]?.items.critical?.map((line) => line.article)).toEqual(["A-005"]);
    expect(stored[20]?.counts).toEqual({ critical: 1, low: 0, normal: 1, overstock: 1 });
    await moveVersionOnly();
    expect((await storedVersions()).every((row) => !row.current)).toBe(true);
    expect(await answers()).toEqual(stored);
  });

  it("changing the settings back stores the other basis' answer, again equal to the one per request", async () => {
    await changeSettings({ statusBasis: "cover", leadTimeDays: 14 });
    const stored = await answers();
    // By cover (lead time 14, safety 7, ceiling 120 days): A-001, A-002 and A-005 critical, A-004 normal (60
    // days), A-003 overstock (no sales).
    expect(stored[2]?.counts).toEqual({ critical: 3, low: 0, normal: 1, overstock: 1 });
    expect(stored[2]?.items.critical?.map((line) => line.article)).toEqual(["A-005", "A-001", "A-002"]);
    await moveVersionOnly();
    expect(await answers()).toEqual(stored);
  });

  it("is read only at its own data version and for a Top-N it holds", async () => {
    // A change that changes something (one that changes nothing writes nothing), without moving any status.
    await changeSettings({ name: `Shop ${crypto.randomUUID().slice(0, 8)}` });
    // Marked, to tell the stored answer from the one computed per request.
    await db().execute(sql`update dashboard_read_models set stock = jsonb_set(stock, '{counts,low}', '77')
      where org_id = ${tenant.orgId} and scope = 'all'`);
    expect((await dashboard("/api/dashboard?limit=3")).counts.low).toBe(77);
    expect((await dashboard(`/api/dashboard?limit=${DASHBOARD_STORED_TOP + 1}`)).counts.low).toBe(0);
    expect((await dashboard("/api/dashboard?limit=3&all=true")).counts.low).toBe(0);
    await moveVersionOnly();
    expect((await dashboard("/api/dashboard?limit=3")).counts.low).toBe(0);
  });

  it("reads a warehouse's and a category's stored answer, never for a search or two filters together", async () => {
    await changeSettings({ name: `Shop ${crypto.randomUUID().slice(0, 8)}` });
    await storeAsFinalizeDoes();
    const koledino = `warehouse:${shop.warehouses.Koledino}`;
    await db().execute(sql`update dashboard_read_models set stock = jsonb_set(stock, '{counts,normal}', '55')
      where org_id = ${tenant.orgId} and scope in (${koledino}, 'category:outerwear')`);
    const warehouse = `warehouseId=${shop.warehouses.Koledino}`;
    expect((await dashboard(`/api/dashboard?limit=3&${warehouse}`)).counts.normal).toBe(55);
    expect((await dashboard("/api/dashboard?limit=3&category=outerwear")).counts.normal).toBe(55);
    expect((await dashboard(`/api/dashboard?limit=3&${warehouse}&marketplace=wb`)).counts.normal).not.toBe(
      55,
    );
    expect(
      (await dashboard(`/api/dashboard?limit=3&${warehouse}&category=outerwear`)).counts.normal,
    ).not.toBe(55);
    expect((await dashboard("/api/dashboard?limit=3&category=outerwear&search=coat")).counts.normal).not.toBe(
      55,
    );
    expect((await dashboard(`/api/dashboard?limit=3&${warehouse}&all=true`)).counts.normal).not.toBe(55);
  });
});

interface WarehouseList {
  items: Array<{ name: string; available: number; reserved: number; inTransit: number; products: number }>;
}

async function warehouseList(query = ""): Promise<WarehouseList["items"]> {
  const response = await get(`/api/warehouses${query}`, ip(), { cookie: admin });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as WarehouseList).items;
}

describe("GET /api/warehouses from the stored totals", () => {
  it("answers from totals stored with the Overview, as summing the stock per request does", async () => {
    await moveVersionOnly();
    const perRequest = await warehouseList();
    // Koledino: A-001 2, A-002 10 and A-004 150 units; Tver: A-001 1, A-003 50, A-004 30, A-005 0.
    expect(perRequest.map(({ name, available, products }) => ({ name, available, products }))).toEqual([
      { name: "Tver", available: 81, products: 4 },
      { name: "Koledino", available: 162, products: 3 },
    ]);
    // A settings change stores the totals: read at its version, they are the sums per request.
    await changeSettings({ name: `Shop ${crypto.randomUUID().slice(0, 8)}` });
    expect(await warehouseList()).toEqual(perRequest);
    // Marked before the next version's first request (answers are cached per version), to tell them apart.
    await changeSettings({ name: `Shop ${crypto.randomUUID().slice(0, 8)}` });
    await db().execute(sql`update dashboard_read_models
      set stock = (select jsonb_agg(jsonb_set(e, '{available}', '9999')) from jsonb_array_elements(stock) e)
      where org_id = ${tenant.orgId} and scope = 'warehouses'`);
    expect((await warehouseList()).map((line) => line.available)).toEqual([9999, 9999]);
    expect((await warehouseList("?marketplace=ozon")).map((line) => [line.name, line.available])).toEqual([
      ["Tver", 9999],
    ]);
    // At a version that stored none, the stock is summed again.
    await moveVersionOnly();
    expect(await warehouseList()).toEqual(perRequest);
    await storeAsFinalizeDoes();
    expect(await warehouseList()).toEqual(perRequest);
  });
});

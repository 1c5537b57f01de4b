// Seeds tenants for the API tests straight through drizzle: an organization with one user per role,
// and a small catalogue (products, listings, warehouses, stock, summaries, sales) per organization.
import { env, SELF } from "cloudflare:test";
import { rebuildStockSummaries } from "../../../db/queries/stock-summaries";
import { rebuildSupplyPlanLines } from "../../../db/queries/supply-plan-lines";
import {
  refreshSupplyPlanStore,
  supplyPlanSettingsFromRow,
  supplyPlanSettingsSql,
} from "../../../db/queries/supply-plan-store";
import {
  inventory,
  listings,
  marketplaceAccounts,
  organizations,
  productSummary,
  products,
  users,
  warehouses,
} from "../../../db/schema";
import type { Marketplace, Role } from "../../../db/schema/enums";
import { hashPassword } from "../../../worker/auth/password";
import { databaseFromEnv } from "../../../worker/db";

export const PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export interface Tenant {
  orgId: string;
  slug: string;
  users: Record<Role, { id: string; email: string }>;
}

export function db() {
  return databaseFromEnv(env);
}

export async function seedTenant(
  label: string,
  settings: Partial<typeof organizations.$inferInsert> = {},
): Promise<Tenant> {
  passwordHash ??= hashPassword(PASSWORD);
  const orgId = crypto.randomUUID();
  const slug = `${label}-${orgId.slice(0, 8)}`;
  await db()
    .insert(organizations)
    .values({ id: orgId, name: `Org ${label}`, slug, ...settings });
  const roles: Role[] = ["viewer", "operator", "admin"];
  const hash = await passwordHash;
  const created = await db()
    .insert(users)
    .values(
      roles.map((role) => ({ orgId, role, email: `${role}@${slug}.test`, passwordHash: hash, name: role })),
    )
    .returning({ id: users.id, email: users.email, role: users.role });
  const byRole = Object.fromEntries(created.map((user) => [user.role, { id: user.id, email: user.email }]));
  return { orgId, slug, users: byRole as Tenant["users"] };
}

/**
 * A source of client addresses, one new address per call (10.<second>.0.1, 10.<second>.0.2, …), so that the
 * per-IP limiter (60 a minute) and the per-IP login throttle never shape a test's answers. Each test file
 * takes its own `second` octet; past 62,500 addresses the source moves on to the next one.
 */
export function distinctIps(second: number): () => string {
  let next = 0;
  return () => {
    const n = next++;
    return `10.${second + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  };
}

const WB_CATEGORIES = ["statistics", "analytics", "content", "marketplace"];

/**
 * Makes the shared simulator accept these credentials too (connecting an account asks the vendor first); a WB
 * token gets every category unless `categories` says otherwise.
 */
export async function acceptCredentials(credentials: {
  ozon?: Array<{ clientId: string; apiKey: string }>;
  wb?: Array<{ token: string; categories?: string[] }>;
}): Promise<void> {
  const wb = credentials.wb?.map(({ token, categories }) => ({
    token,
    categories: categories ?? WB_CATEGORIES,
  }));
  const response = await fetch(`${env.SIMULATOR_URL}/_sim/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...credentials, wb }),
  });
  if (!response.ok) throw new Error(`simulator refused credentials: ${await response.text()}`);
}

/** Signs in and returns the Cookie header value for later requests. */
export async function signIn(email: string, ip: string, password = PASSWORD): Promise<string> {
  const response = await SELF.fetch("http://edge.test/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("Set-Cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

export interface StockSpec {
  article: string;
  name?: string;
  category?: string;
  /** Units available per warehouse name; the marketplace comes from the warehouse. */
  stock: Record<string, number>;
  velocity?: number;
}

export interface CatalogSpec {
  warehouses: Array<{ name: string; marketplace: Marketplace; region?: string }>;
  products: StockSpec[];
}

export interface Catalog {
  accounts: Record<Marketplace, string>;
  warehouses: Record<string, number>;
  products: Record<string, number>;
  listings: Record<string, number>;
}

/** Inserts a catalogue with one listing per product and marketplace it is stocked on, plus product_summary. */
export async function seedCatalog(orgId: string, spec: CatalogSpec): Promise<Catalog> {
  const database = db();
  const accountRows = await database
    .insert(marketplaceAccounts)
    .values([
      { orgId, marketplace: "ozon", name: "Ozon main", credentialsEncrypted: "v1.x.y" },
      { orgId, marketplace: "wb", name: "WB main", credentialsEncrypted: "v1.x.y" },
    ])
    .returning({ id: marketplaceAccounts.id, marketplace: marketplaceAccounts.marketplace });
  const accounts = Object.fromEntries(accountRows.map((row) => [row.marketplace, row.id])) as Record<
    Marketplace,
    string
  >;
  const warehouseRows = await database
    .insert(warehouses)
    .values(
      spec.warehouses.map((w) => ({
        orgId,
        marketplace: w.marketplace,
        name: w.name,
        region: w.region ?? null,
      })),
    )
    .returning({ id: warehouses.id, name: warehouses.name, marketplace: warehouses.marketplace });
  const warehouseIds = Object.fromEntries(warehouseRows.map((row) => [row.name, row.id]));
  const marketplaceOf = Object.fromEntries(warehouseRows.map((row) => [row.name, row.marketplace]));
  const productRows = await database
    .insert(products)
    .values(
      spec.products.map((p) => ({
        orgId,
        article: p.article,
        name: p.name ?? p.article,
        category: p.category ?? null,
      })),
    )
    .returning({ id: products.id, article: products.article });
  const productIds = Object.fromEntries(productRows.map((row) => [row.article, row.id]));
  const listingIds: Record<string, number> = {};
  for (const product of spec.products) {
    const productId = productIds[product.article] as number;
    const marketplaces = new Set(
      Object.keys(product.stock).map((name) => marketplaceOf[name] as Marketplace),
    );
    for (const marketplace of marketplaces) {
      const [listing] = await database
        .insert(listings)
        .values({
          orgId,
          productId,
          accountId: accounts[marketplace],
          marketplace,
          externalKey: `${marketplace}:${product.article}`,
          name: product.article,
        })
        .returning({ id: listings.id });
      listingIds[`${product.article}:${marketplace}`] = listing?.id as number;
    }
    const stockRows = Object.entries(product.stock).map(([warehouse, available]) => {
      const marketplace = marketplaceOf[warehouse] as Marketplace;
      return {
        orgId,
        listingId: listingIds[`${product.article}:${marketplace}`] as number,
        warehouseId: warehouseIds[warehouse] as number,
        productId,
        marketplace,
        available,
        sourceEndpoint: "test",
      };
    });
    if (stockRows.length) await database.insert(inventory).values(stockRows);
    const total = (marketplace?: Marketplace) =>
      Object.entries(product.stock)
        .filter(([warehouse]) => !marketplace || marketplaceOf[warehouse] === marketplace)
        .reduce((sum, [, units]) => sum + units, 0);
    const velocity = product.velocity ?? 0;
    await database.insert(productSummary).values({
      orgId,
      productId,
      available: total(),
      reserved: 0,
      inTransit: 0,
      ozonAvailable: total("ozon"),
      wbAvailable: total("wb"),
      warehouseCount: Object.keys(product.stock).length,
      unitsSold: Math.round(velocity * 30),
      revenue: "0",
      velocity,
    });
  }
  await rebuildStockReadModels(orgId);
  return { accounts, warehouses: warehouseIds, products: productIds, listings: listingIds };
}

/**
 * The per-marketplace and per-warehouse stock read models (and each warehouse's demand forecast) of every
 * product, as a run's finalize leaves them: call again after writing stock or sales behind the seeding's back.
 */
export async function rebuildStockReadModels(orgId: string): Promise<void> {
  const database = db();
  for (const statement of rebuildStockSummaries(orgId)) await database.execute(statement);
  for (const statement of rebuildSupplyPlanLines(orgId)) await database.execute(statement);
  await storeSupplyPlan(orgId);
}

/** The supply plan's stored answer, as a finalize's last transaction stores it (after what it reads changed). */
export async function storeSupplyPlan(orgId: string): Promise<void> {
  const database = db();
  const settings = (await database.execute(supplyPlanSettingsSql(orgId))).rows[0] as Record<string, unknown>;
  for (const statement of refreshSupplyPlanStore(orgId, supplyPlanSettingsFromRow(settings)))
    await database.execute(statement);
}

export function get(
  path: string,
  ip: string,
  auth: { cookie?: string; apiKey?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "CF-Connecting-IP": ip };
  if (auth.cookie) headers.Cookie = auth.cookie;
  if (auth.apiKey) headers.Authorization = `Bearer ${auth.apiKey}`;
  return SELF.fetch(`http://edge.test${path}`, { headers });
}

export function send(
  method: string,
  path: string,
  body: unknown,
  ip: string,
  auth: { cookie?: string; apiKey?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "CF-Connecting-IP": ip, "Content-Type": "application/json" };
  if (auth.cookie) headers.Cookie = auth.cookie;
  if (auth.apiKey) headers.Authorization = `Bearer ${auth.apiKey}`;
  return SELF.fetch(`http://edge.test${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    field?: string;
    reason?: string;
    params?: Record<string, string | number>;
  };
}

/**
 * The shop most tests use. Koledino (wb) and Tver (ozon); stock per product in units, and its status by the
 * units thresholds (5/20/100) and by days of cover (lead time 14, safety 7, ceiling 120 days):
 *   A-001 Red coat   outerwear    Koledino 2, Tver 1     =   3 critical  critical   velocity 1
 *   A-002 Blue coat  outerwear    Koledino 10            =  10 low       critical   velocity 2
 *   A-003 Scarf      accessories  Tver 50                =  50 normal    overstock  velocity 0 (no sales)
 *   A-004 Hat        accessories  Koledino 150, Tver 30  = 180 overstock normal     velocity 3 (60 days)
 *   A-005 Gloves     accessories  Tver 0                 =   0 critical  critical   velocity 0.5
 */
export function seedShop(orgId: string): Promise<Catalog> {
  return seedCatalog(orgId, {
    warehouses: [
      { name: "Koledino", marketplace: "wb", region: "Moscow" },
      { name: "Tver", marketplace: "ozon", region: "Tver" },
    ],
    products: [
      {
        article: "A-001",
        name: "Red coat",
        category: "outerwear",
        stock: { Koledino: 2, Tver: 1 },
        velocity: 1,
      },
      { article: "A-002", name: "Blue coat", category: "outerwear", stock: { Koledino: 10 }, velocity: 2 },
      { article: "A-003", name: "Scarf", category: "accessories", stock: { Tver: 50 }, velocity: 0 },
      {
        article: "A-004",
        name: "Hat",
        category: "accessories",
        stock: { Koledino: 150, Tver: 30 },
        velocity: 3,
      },
      { article: "A-005", name: "Gloves", category: "accessories", stock: { Tver: 0 }, velocity: 0.5 },
    ],
  });
}

/**
 * The two tenants of the isolation tests, in this order: acme with the usual shop (seedShop), and globex with
 * the usual shop too when `globexShop` is "shop", else one boot (G-001, 5 units) at its WB warehouse Kazan.
 * Both classify stock by the units thresholds, which these tests were written for (status-by-cover.test.ts
 * covers the cover basis).
 */
export async function seedAcmeAndGlobex(globexShop: "boot" | "shop" = "boot") {
  const acme = await seedTenant("acme", { statusBasis: "units" });
  const globex = await seedTenant("globex", { statusBasis: "units" });
  const shop = await seedShop(acme.orgId);
  const globexCatalog =
    globexShop === "shop"
      ? await seedShop(globex.orgId)
      : await seedCatalog(globex.orgId, {
          warehouses: [{ name: "Kazan", marketplace: "wb" }],
          products: [{ article: "G-001", name: "Globex boot", stock: { Kazan: 5 } }],
        });
  return { acme, globex, shop, globexShop: globexCatalog };
}

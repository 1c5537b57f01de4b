// The dashboard through the Worker: counts and Top-N per status with the organization's thresholds,
// scope filters, validation, auth, tenant isolation, and the KV cache (hit, miss, invalidation).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organizations, productSummary } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  type ErrorBody,
  get,
  seedAcmeAndGlobex,
  seedCatalog,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

interface Dashboard {
  total: number;
  dataVersion: number;
  counts: Record<string, number>;
  items: Record<string, Array<{ article: string; available: number; daysOfCover: number | null }>>;
}

let acme: Tenant;
let globex: Tenant;
let shop: Catalog;
let acmeCookie: string;
let globexCookie: string;

beforeAll(async () => {
  ({ acme, globex, shop } = await seedAcmeAndGlobex());
  acmeCookie = await signIn(acme.users.viewer.email, "10.6.0.1");
  globexCookie = await signIn(globex.users.viewer.email, "10.6.0.2");
});

async function dashboard(
  query: string,
  ip: string,
  cookie = acmeCookie,
): Promise<{ response: Response; body: Dashboard }> {
  const response = await get(`/api/dashboard${query}`, ip, { cookie });
  return { response, body: (await response.clone().json()) as Dashboard };
}

const articles = (lines: Array<{ article: string }> | undefined) => (lines ?? []).map((line) => line.article);

describe("GET /api/dashboard", () => {
  it("counts products per status with the default thresholds, most urgent first", async () => {
    const { response, body } = await dashboard("", "10.6.1.1");
    expect(response.status).toBe(200);
    expect(body.counts).toEqual({ critical: 2, low: 1, normal: 1, overstock: 1 });
    expect(body.total).toBe(5);
    expect(articles(body.items.critical)).toEqual(["A-005", "A-001"]);
    expect(body.items.overstock?.[0]).toMatchObject({ article: "A-004", available: 180, daysOfCover: 60 });
  });

  it("limits each list to the Top-N but keeps the full counts", async () => {
    const { body } = await dashboard("?limit=1", "10.6.1.2");
    expect(body.counts.critical).toBe(2);
    expect(articles(body.items.critical)).toEqual(["A-005"]);
  });

  it("scopes to one warehouse, one marketplace, a category or a search", async () => {
    const tver = await dashboard(`?warehouseId=${shop.warehouses.Tver}`, "10.6.1.3");
    expect(tver.body.counts).toEqual({ critical: 2, low: 0, normal: 2, overstock: 0 });
    const wb = await dashboard("?marketplace=wb", "10.6.1.3");
    expect(wb.body.counts).toEqual({ critical: 1, low: 1, normal: 0, overstock: 1 });
    const accessories = await dashboard("?category=accessories&all=true", "10.6.1.3");
    expect(accessories.body.total).toBe(3);
    const coats = await dashboard("?search=COAT", "10.6.1.3");
    expect(coats.body.counts).toEqual({ critical: 1, low: 1, normal: 0, overstock: 0 });
  });

  it("answers 400 naming the field, 401 without a session", async () => {
    const bad = await get("/api/dashboard?limit=0", "10.6.1.4", { cookie: acmeCookie });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/^limit:/);
    const market = await get("/api/dashboard?marketplace=amazon", "10.6.1.4", { cookie: acmeCookie });
    expect(((await market.json()) as ErrorBody).error.message).toMatch(/^marketplace:/);
    expect((await get("/api/dashboard", "10.6.1.4")).status).toBe(401);
  });

  it("breaks ties in the Top-N by velocity, then article", async () => {
    const tenant = await seedTenant("ties", { statusBasis: "units" });
    const stock = (units: number) => ({ Podolsk: units });
    await seedCatalog(tenant.orgId, {
      warehouses: [{ name: "Podolsk", marketplace: "wb" }],
      products: [
        { article: "T-Z", stock: stock(500), velocity: 1 },
        { article: "T-B", stock: stock(500), velocity: 1 },
        { article: "T-A", stock: stock(500), velocity: 1 },
        { article: "T-F", stock: stock(500), velocity: 4 },
        { article: "T-TOP", stock: stock(900), velocity: 0 },
        { article: "T-LOW", stock: stock(200), velocity: 9 },
      ],
    });
    const cookie = await signIn(tenant.users.viewer.email, "10.6.1.6");
    const { body } = await dashboard("?limit=4", "10.6.1.6", cookie);
    expect(body.counts.overstock).toBe(6);
    expect(articles(body.items.overstock)).toEqual(["T-TOP", "T-F", "T-A", "T-B"]);
    const all = await dashboard("?all=true", "10.6.1.6", cookie);
    expect(articles(all.body.items.overstock)).toEqual(["T-TOP", "T-F", "T-A", "T-B", "T-Z", "T-LOW"]);
  });

  it("never shows one organization's products to another, even from the cache", async () => {
    const first = await dashboard("?limit=7", "10.6.1.5");
    expect(first.response.headers.get("X-Cache")).toBe("MISS");
    const other = await dashboard("?limit=7", "10.6.1.5", globexCookie);
    expect(other.response.headers.get("X-Cache")).toBe("MISS");
    expect(other.body.total).toBe(1);
    expect(articles(other.body.items.critical)).toEqual(["G-001"]);
    expect(JSON.stringify(other.body)).not.toContain("A-00");
  });
});

describe("dashboard cache", () => {
  it("serves the second identical request from KV with X-Cache: HIT and the same body", async () => {
    const miss = await dashboard("?limit=3&category=outerwear", "10.6.2.1");
    expect(miss.response.headers.get("X-Cache")).toBe("MISS");
    // Same question with the parameters in another order is the same cache entry.
    const hit = await dashboard("?category=outerwear&limit=3", "10.6.2.1");
    expect(hit.response.headers.get("X-Cache")).toBe("HIT");
    expect(hit.body).toEqual(miss.body);
    expect(hit.response.headers.get("Content-Type")).toContain("application/json");
  });

  it("shows new data once a run bumps the data version", async () => {
    await dashboard("?limit=4", "10.6.2.2");
    expect((await dashboard("?limit=4", "10.6.2.2")).response.headers.get("X-Cache")).toBe("HIT");
    // What a finished run does: new stock in the summary, then data_version + 1.
    await db()
      .update(productSummary)
      .set({ available: 500 })
      .where(
        sql`${productSummary.orgId} = ${acme.orgId} and ${productSummary.productId} = ${shop.products["A-002"]}`,
      );
    await db()
      .update(organizations)
      .set({ dataVersion: sql`${organizations.dataVersion} + 1` })
      .where(sql`${organizations.id} = ${acme.orgId}`);
    // A caller this isolate already resolved keeps its data version for up to 30 s (the principal
    // cache's staleness bound, worker/auth/principal-cache.ts); a caller resolved now reads the new one.
    const fresh = await signIn(acme.users.viewer.email, "10.6.2.2");
    const after = await dashboard("?limit=4", "10.6.2.2", fresh);
    expect(after.response.headers.get("X-Cache")).toBe("MISS");
    expect(after.body.counts).toEqual({ critical: 2, low: 0, normal: 1, overstock: 2 });
  });

  it("applies new thresholds from settings at once", async () => {
    const admin = await signIn(acme.users.admin.email, "10.6.2.3");
    await dashboard("?limit=5", "10.6.2.3");
    const patch = await send("PATCH", "/api/settings", { criticalMax: 0, overstockMin: 1000 }, "10.6.2.3", {
      cookie: admin,
    });
    expect(patch.status).toBe(200);
    const after = await dashboard("?limit=5", "10.6.2.3");
    expect(after.response.headers.get("X-Cache")).toBe("MISS");
    // A-005 (0) stays critical; A-001 (3) turns low; A-004 (180) and A-002 (500 since the last test) are normal.
    expect(after.body.counts).toEqual({ critical: 1, low: 1, normal: 3, overstock: 0 });
  });
});

// ABC of a standard period read from the ranks and class totals finalize stores (db/queries/abc-windows.ts)
// answers exactly as ranking the period's products per request did (the stored rows hidden in a rolled-back
// transaction): every page, each class alone, both marketplaces or one, with ties, a negative and a zero revenue,
// after sales change; a rebuild that changes nothing rewrites no row, and finalize ranks nothing unless the
// per-product rows changed; a period not stored is ranked per request;
// the rows go with their organization.
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { type AbcPage, abcPage } from "../../../db/queries/abc-analysis";
import type { SalesPeriod } from "../../../db/queries/sales-analytics";
import { rebuildSalesWindows, syncSalesWindows } from "../../../db/queries/sales-windows";
import type { AbcClass } from "../../../domain/abc";
import { migratedDatabase, type TestDatabase } from "./pglite-database";
import { seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;
let api: Database;
let orgId: string;
let products: string[];
const TO = "2026-03-31";
const month = (): SalesPeriod => ({ orgId, from: "2026-03-01", to: TO });
const week = (): SalesPeriod => ({ orgId, from: "2026-03-25", to: TO });

/** Every page of 4 (and the first past the end) of the period, of one class or all. */
async function everyPage(period: SalesPeriod, abcClass?: AbcClass): Promise<AbcPage[]> {
  const pages: AbcPage[] = [];
  for (let page = 1; ; page++) {
    const found = await abcPage(api, period, { abcClass, page, pageSize: 4 });
    pages.push(found);
    if (found.items.length < 4) return pages;
  }
}

/** The answer ranked per request: the stored class totals hidden, in a transaction rolled back. */
async function perRequest<T>(read: () => Promise<T>): Promise<T> {
  await db.query("begin", []);
  try {
    await db.query("delete from abc_class_windows where org_id = $1", [orgId]);
    return await read();
  } finally {
    await db.query("rollback", []);
  }
}

async function expectAsPerRequest(period: () => SalesPeriod) {
  for (const marketplace of [undefined, "ozon", "wb"] as const) {
    for (const abcClass of [undefined, "A", "B", "C"] as const) {
      const scoped = { ...period(), marketplace };
      const stored = await everyPage(scoped, abcClass);
      expect(stored).toEqual(await perRequest(() => everyPage(scoped, abcClass)));
    }
  }
}

const storedRows = () =>
  db.query<{ key: string; xmin: string }>(
    `select 'rank ' || days || ' ' || scope || ' ' || position || ' ' || product_id as key, xmin::text as xmin
     from product_abc_windows where org_id = $1
     union all
     select 'class ' || days || ' ' || scope || ' ' || abc_class, xmin::text from abc_class_windows where org_id = $1
     order by 1`,
    [orgId],
  );

async function sale(product: number, day: string, marketplace: "ozon" | "wb", revenue: number, returns = 0) {
  await db.query(
    `insert into sales_daily (org_id, day, product_id, marketplace, region, orders, units, revenue, returns,
       cancellations) values ($1, $2::date, $3, $4, 'Москва', 1, 2, $5, $6, 0)
     on conflict (org_id, day, product_id, marketplace, region) do update set revenue = excluded.revenue`,
    [orgId, day, products[product], marketplace, revenue, returns],
  );
}

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ({ orgId } = await seedOrganization(db.query, ["ozon", "wb"]));
  const articles = Array.from({ length: 23 }, (_, i) => `P-${String(i + 1).padStart(2, "0")}`);
  products = await seedProducts(db.query, orgId, articles);
  for (const [index] of products.entries()) {
    // Ties (every fifth product the same), a product with returns only, one with negative revenue, a WB-only
    // tail, and some products selling on both marketplaces.
    const revenue =
      index === 7 ? 0 : index === 11 ? -40 : index % 5 === 0 ? 1234.5 : 97 * (index + 1) + index / 100;
    const day = `2026-03-${String((index % 28) + 1).padStart(2, "0")}`;
    await sale(index, day, index > 18 ? "wb" : "ozon", revenue, index === 7 ? 1 : 0);
    if (index % 4 === 1) await sale(index, "2026-03-29", "wb", 55.5 * index);
  }
  // Two standard periods ending on the 31st, as finalize would have moved them there.
  await db.query(
    "insert into sales_windows (org_id, days, ends_on) values ($1, 31, $2::date), ($1, 7, $2::date)",
    [orgId, TO],
  );
  await db.run(rebuildSalesWindows(orgId));
});

describe("ABC of a standard period from the stored ranks", () => {
  it("answers every page and class as ranking per request did", async () => {
    const rows = await storedRows();
    expect(rows.filter((row) => row.key.startsWith("rank 31 all "))).toHaveLength(23);
    await expectAsPerRequest(month);
    await expectAsPerRequest(week);
  });

  it("reads the stored ranks (a changed stored figure shows), and a period not stored ranks per request", async () => {
    const found = await abcPage(api, month(), { page: 1, pageSize: 4 });
    await db.query("begin", []);
    try {
      await db.query("update product_abc_windows set through = through + 1 where org_id = $1", [orgId]);
      const altered = await abcPage(api, month(), { page: 1, pageSize: 4 });
      expect(altered.items.map((item) => item.through)).toEqual(found.items.map((item) => item.through + 1));
    } finally {
      await db.query("rollback", []);
    }
    // Not a standard period: no stored rows exist for it, and it still ranks its products.
    const other = await abcPage(api, { orgId, from: "2026-03-02", to: TO }, { page: 1, pageSize: 50 });
    expect(other.items.length).toBeGreaterThan(0);
    expect(other.matching).toBe(other.items.length);
  });

  it("answers a page past the end with no products, however far (the offset passes int4), stored or per request", async () => {
    for (const period of [month(), { orgId, from: "2026-03-02", to: TO }]) {
      for (const abcClass of [undefined, "B"] as const) {
        const far = await abcPage(api, period, { abcClass, page: 2_147_483_647, pageSize: 500 });
        expect(far.items).toEqual([]);
        const near = await abcPage(api, period, { abcClass, page: 1, pageSize: 500 });
        expect(far.matching).toBe(near.matching);
      }
    }
  });

  it("finalize ranks again only when the per-product rows changed, then as per request", async () => {
    const stale = async () =>
      (
        await db.query<{ stale: boolean }>(
          "select bool_or(abc_stale) as stale from sales_windows where org_id = $1",
          [orgId],
        )
      )[0]?.stale;
    expect(await stale()).toBe(false);
    // A stored figure altered behind finalize's back stays: with no sales changed, nothing was ranked.
    await db.query(
      "update product_abc_windows set through = through + 1 where org_id = $1 and position = 1",
      [orgId],
    );
    const altered = await storedRows();
    await db.run(syncSalesWindows(orgId));
    expect(await storedRows()).toEqual(altered);
    // A sale changes a product's revenue: its rows change, the periods are marked, and everything is ranked again.
    await sale(5, "2026-03-30", "wb", 777);
    await db.run(syncSalesWindows(orgId));
    expect(await stale()).toBe(false);
    expect(await storedRows()).not.toEqual(altered);
    await expectAsPerRequest(month);
    await expectAsPerRequest(week);
  });

  it("follows the sales at the next refresh and rewrites nothing when nothing changed", async () => {
    const before = await storedRows();
    await db.run(rebuildSalesWindows(orgId));
    expect(await storedRows()).toEqual(before);

    // A product climbs to the top, another's only sale goes: ranks, classes and totals move.
    await sale(3, "2026-03-30", "ozon", 50_000);
    await db.query("delete from sales_daily where org_id = $1 and product_id = $2", [orgId, products[20]]);
    await db.run(rebuildSalesWindows(orgId));
    const after = await storedRows();
    expect(after).not.toEqual(before);
    expect(after.filter((row) => row.key.startsWith("rank 31 all "))).toHaveLength(22);
    await expectAsPerRequest(month);
    await expectAsPerRequest(week);
  });

  it("goes with its organization (no FK: the organization's statement trigger removes it)", async () => {
    expect((await storedRows()).length).toBeGreaterThan(0);
    await db.query("delete from organizations where id = $1", [orgId]);
    expect(await storedRows()).toEqual([]);
  });
});

// ABC classes computed in the database (domain/abc-sql.ts, and the paged answer of db/queries/abc-analysis.ts)
// are classifyAbc's over the same revenue: same ranks (ties by product id), classes at the exact 80% and 95%
// boundaries, negative revenue counted as 0, shares to the same 6 digits; and the pages, filtered by class or
// not, hold every product once, in rank order, beside the class totals over all of them.

import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pglite";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { type AbcPageRow, abcPage } from "../../../db/queries/abc-analysis";
import { revenueByProduct } from "../../../db/queries/sales-analytics";
import { type AbcInput, abcShares, classifyAbc } from "../../../domain/abc";
import { abcClassesSql } from "../../../domain/abc-sql";
import { migratedDatabase, type TestDatabase } from "../cron/pglite-database";
import { seedOrganization, seedProducts } from "../cron/seed-organization";

let db: TestDatabase;
let api: Database;
const dialect = new PgDialect();

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
});

/** The SQL classes of these products, as classifyAbc's lines. */
async function sqlClasses(products: AbcInput[]) {
  const source = sql`select (x->>'productId')::bigint as product_id, (x->>'revenue')::numeric::float8 as revenue
    from json_array_elements(${JSON.stringify(products)}::json) x`;
  const query = dialect.sqlToQuery(sql`${abcClassesSql(source)} order by position`);
  const rows = await db.query<{
    product_id: string;
    revenue: number;
    counted: number;
    through: number;
    total: number;
    abc_class: "A" | "B" | "C";
  }>(query.sql, query.params);
  return rows.map((row) => ({
    productId: Number(row.product_id),
    revenue: row.revenue,
    ...abcShares(row.counted, row.through, row.total),
    abcClass: row.abc_class,
  }));
}

describe("ABC classes in SQL", () => {
  it("match classifyAbc at the boundaries, on ties and with negative or no revenue", async () => {
    const cases: AbcInput[][] = [
      // 50 + 30 = 80 exactly: the third product starts at 80%, so it is B; 95% exactly makes the last one C.
      [
        { productId: 3, revenue: 50 },
        { productId: 1, revenue: 30 },
        { productId: 2, revenue: 15 },
        { productId: 4, revenue: 5 },
      ],
      // Ties broken by product id, in SQL as in JavaScript.
      [
        { productId: 9, revenue: 100.1 },
        { productId: 2, revenue: 100.1 },
        { productId: 5, revenue: 0.2 },
        { productId: 1, revenue: 0.1 },
        { productId: 7, revenue: 0 },
        { productId: 8, revenue: -12.5 },
      ],
      [
        { productId: 1, revenue: 0 },
        { productId: 2, revenue: 0 },
      ],
      [{ productId: 1, revenue: -3 }],
      [],
    ];
    for (const products of cases) expect(await sqlClasses(products)).toEqual(classifyAbc(products));
  });

  it("match classifyAbc on many drawn sets of revenue in kopecks", async () => {
    const revenue = fc.oneof(
      fc.integer({ min: -50_000, max: 10_000_000 }).map((kopecks) => kopecks / 100),
      fc.constantFrom(0, 0.1, 0.2, 0.3, 100, 1000.01),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ productId: fc.integer({ min: 1, max: 10_000 }), revenue }), {
          selector: (p) => p.productId,
          maxLength: 60,
        }),
        async (products) => {
          expect(await sqlClasses(products)).toEqual(classifyAbc(products));
        },
      ),
      { seed: 19, numRuns: 60 },
    );
  });
});

describe("abcPage", () => {
  let orgId: string;
  const period = () => ({ orgId, from: "2026-03-01", to: "2026-03-31" });

  beforeAll(async () => {
    ({ orgId } = await seedOrganization(db.query, ["ozon", "wb"]));
    const articles = Array.from({ length: 23 }, (_, i) => `P-${String(i + 1).padStart(2, "0")}`);
    const ids = await seedProducts(db.query, orgId, articles);
    for (const [index, id] of ids.entries()) {
      // Revenue with ties (every fifth product the same), one product with returns only, a WB-only tail.
      const revenue = index === 7 ? 0 : index % 5 === 0 ? 1234.5 : 97 * (index + 1) + index / 100;
      await db.query(
        `insert into sales_daily (org_id, day, product_id, marketplace, region, orders, units, revenue, returns,
           cancellations) values ($1, $2::date, $3, $4, 'Москва', 1, 2, $5, $6, 0)`,
        [
          orgId,
          `2026-03-${String((index % 28) + 1).padStart(2, "0")}`,
          id,
          index > 18 ? "wb" : "ozon",
          revenue,
          index === 7 ? 1 : 0,
        ],
      );
    }
  });

  /** classifyAbc over the old list of every product (revenueByProduct), as the route answered before. */
  async function expected(marketplace?: "ozon" | "wb") {
    const lines = await revenueByProduct(api, { ...period(), marketplace }, null);
    return classifyAbc(
      lines.map((line) => ({
        productId: Number(line.product_id),
        revenue: Math.round(line.revenue * 100) / 100,
      })),
    );
  }

  async function everyPage(input: { marketplace?: "ozon" | "wb"; abcClass?: "A" | "B" | "C" }) {
    const rows: AbcPageRow[] = [];
    for (let page = 1; ; page++) {
      const found = await abcPage(
        api,
        { ...period(), marketplace: input.marketplace },
        { ...input, page, pageSize: 4 },
      );
      rows.push(...found.items);
      if (found.items.length < 4) return { rows, found };
    }
  }

  it("pages through the classes classifyAbc gives, with totals over every product", async () => {
    for (const marketplace of [undefined, "ozon", "wb"] as const) {
      const want = await expected(marketplace);
      const { rows, found } = await everyPage({ marketplace });
      expect(
        rows.map((row) => ({
          productId: Number(row.product_id),
          revenue: row.revenue,
          ...abcShares(row.counted, row.through, row.total),
          abcClass: row.abc_class,
        })),
      ).toEqual(want);
      expect(rows.map((row) => row.position)).toEqual(want.map((_, i) => i + 1));
      expect(found.matching).toBe(want.length);
      for (const name of ["A", "B", "C"] as const) {
        const members = want.filter((line) => line.abcClass === name);
        const total = found.classes.find((k) => k.abc_class === name);
        expect(total?.products ?? 0).toBe(members.length);
        expect(total?.revenue ?? 0).toBeCloseTo(
          members.reduce((sum, line) => sum + Math.max(0, line.revenue), 0),
          6,
        );
        const only = await everyPage({ marketplace, abcClass: name });
        expect(only.rows.map((row) => Number(row.product_id))).toEqual(members.map((line) => line.productId));
        expect(only.found.matching).toBe(members.length);
        // The class totals stay those of every product.
        expect(only.found.classes).toEqual(found.classes);
      }
    }
  });

  it("answers the totals and no items past the last page", async () => {
    const found = await abcPage(api, period(), { page: 99, pageSize: 50 });
    expect(found.items).toEqual([]);
    expect(found.matching).toBe(23);
    expect(found.classes.reduce((sum, k) => sum + k.products, 0)).toBe(23);
  });
});

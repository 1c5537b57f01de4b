// The database's lost sales (domain/lost-sales-sql.ts) are lostSales()' per series, in PostgreSQL (PGlite):
// hand-computed series, one never in stock, one never out, and a spread of random ones; and the average
// selling price's SQL twin (domain/selling-price-sql.ts) by hand.
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemandDay } from "../../../domain/forecast";
import { lostSales } from "../../../domain/lost-sales";
import { lostSalesSql } from "../../../domain/lost-sales-sql";
import { averageSellingPrice } from "../../../domain/selling-price";
import { averageSellingPriceSql } from "../../../domain/selling-price-sql";

const dialect = new PgDialect();
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
}, 120_000);
afterAll(async () => {
  await pg.close();
});

const inStock = (units: number): DemandDay => ({ units, inStock: true });
const out = (units = 0): DemandDay => ({ units, inStock: false });

interface Row {
  product_id: number;
  average_daily_sales: number;
  days_out_of_stock: number;
  lost_units: number;
}

async function lostInSql(series: DemandDay[][]): Promise<Row[]> {
  const cells = series.flatMap((days, product) => days.map((day, d) => ({ product, d, ...day })));
  const list = (values: Array<number | boolean>) => `{${values.join(",")}}`;
  const days = sql`select t.product::bigint as product_id, 0 as warehouse_id, date '2026-01-01' + t.d as day,
      t.units, t.in_stock
    from unnest(${list(cells.map((c) => c.product))}::int[], ${list(cells.map((c) => c.d))}::int[],
      ${list(cells.map((c) => c.units))}::int[], ${list(cells.map((c) => c.inStock))}::bool[])
      as t(product, d, units, in_stock)`;
  const query = dialect.sqlToQuery(sql`select * from (${lostSalesSql(days)}) l order by product_id`);
  return (await pg.query<Record<string, unknown>>(query.sql, query.params)).rows.map((row) => ({
    product_id: Number(row.product_id),
    average_daily_sales: Number(row.average_daily_sales),
    days_out_of_stock: Number(row.days_out_of_stock),
    lost_units: Number(row.lost_units),
  }));
}

describe("lost sales in SQL", () => {
  it("hand cases: 4 a day × 3 days out = 12; 2 a day × 2 out − 1 sold = 3; never in stock 0; never out 0", async () => {
    const rows = await lostInSql([
      [inStock(3), inStock(5), out(), inStock(2), out(), out(), inStock(6)],
      [inStock(2), inStock(2), out(1), out()],
      [out(), out()],
      [inStock(4), inStock(0)],
    ]);
    expect(rows.map((row) => [row.average_daily_sales, row.days_out_of_stock, row.lost_units])).toEqual([
      [4, 3, 12],
      [2, 2, 3],
      [0, 2, 0],
      [2, 0, 0],
    ]);
  });

  it("matches lostSales() on 200 random series of 30 days", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const series = Array.from({ length: 200 }, () =>
      Array.from({ length: 30 }, () => ({ units: Math.floor(random() * 9), inStock: random() > 0.3 })),
    );
    const rows = await lostInSql(series);
    rows.forEach((row, i) => {
      const expected = lostSales(series[i] as DemandDay[]);
      expect(row.days_out_of_stock).toBe(expected.daysOutOfStock);
      expect(row.average_daily_sales).toBe(expected.averageDailySales);
      expect(row.lost_units).toBe(expected.lostUnits);
    });
  });
});

describe("average selling price", () => {
  it("by hand: 5 000 ₽ over 15 units is 333.33…; nothing sold is 0; in SQL the same", async () => {
    expect(averageSellingPrice(5000, 15)).toBeCloseTo(333.3333, 4);
    expect(averageSellingPrice(1200, 0)).toBe(0);
    const query = dialect.sqlToQuery(
      sql`select ${averageSellingPriceSql(sql`5000::numeric`, sql`15`)} as a, ${averageSellingPriceSql(sql`1200::numeric`, sql`0`)} as b`,
    );
    const [row] = (await pg.query<{ a: number; b: number }>(query.sql, query.params)).rows;
    expect(Number(row?.a)).toBe(averageSellingPrice(5000, 15));
    expect(Number(row?.b)).toBe(0);
  });
});

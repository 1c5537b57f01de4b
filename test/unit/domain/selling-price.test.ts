// The one unit price (domain/selling-price.ts) against hand-computed cases, and its SQL twin
// (domain/selling-price-sql.ts) giving the same price and source in PostgreSQL (PGlite).
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type UnitPrice, unitPrice } from "../../../domain/selling-price";
import { unitPriceSourceSql, unitPriceSql } from "../../../domain/selling-price-sql";

const dialect = new PgDialect();
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
}, 120_000);
afterAll(async () => {
  await pg.close();
});

/** [listing price, revenue, units sold] → the price by hand. */
const CASES: Array<[number | null, number, number, UnitPrice]> = [
  // The seller's listing price wins over the orders' 1 000 ₽ ÷ 4 = 250.
  [1999.5, 1000, 4, { price: 1999.5, source: "listing" }],
  // No listing price: 5 000 ₽ over 15 units = 333.33… ₽.
  [null, 5000, 15, { price: 5000 / 15, source: "sales" }],
  // A listing price of 0 is no price: the orders' 1 200 ÷ 3 = 400.
  [0, 1200, 3, { price: 400, source: "sales" }],
  // Neither a price nor a sale: 0, from nothing.
  [null, 0, 0, { price: 0, source: "none" }],
  // Only refunds' negative revenue: not a price.
  [null, -300, 2, { price: 0, source: "none" }],
];

describe("unitPrice", () => {
  it.each(CASES)("listing %s, revenue %s over %s units", (listing, revenue, units, expected) => {
    expect(unitPrice(listing, revenue, units)).toEqual(expected);
  });

  it("the SQL twin gives the same price and source for every case", async () => {
    for (const [listing, revenue, units, expected] of CASES) {
      const literal = (value: number | null): SQL =>
        value === null ? sql`null::float8` : sql`${value}::float8`;
      const query = dialect.sqlToQuery(
        sql`select ${unitPriceSql(literal(listing), sql`${revenue}::numeric`, sql`${units}::int`)} as price,
          ${unitPriceSourceSql(literal(listing), sql`${revenue}::numeric`, sql`${units}::int`)} as source`,
      );
      const [row] = (await pg.query<{ price: number; source: string }>(query.sql, query.params)).rows;
      expect({ price: Number(row?.price), source: row?.source }).toEqual(expected);
    }
  });
});

// The database's forecast (domain/forecast-sql.ts) gives forecast.ts' model and units a day, in PostgreSQL
// (PGlite): hand-computed series, a censored one, one never in stock, and a spread of random ones.
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemandDay, forecastDailyDemand } from "../../../domain/forecast";
import { demandForecastCtes } from "../../../domain/forecast-sql";

const dialect = new PgDialect();
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
}, 120_000);
afterAll(async () => {
  await pg.close();
});

interface Row {
  product_id: number;
  model: string;
  per_day: number;
  observed_days: number;
  censored_days: number;
}

async function forecastInSql(
  series: DemandDay[][],
  smoothing?: { alpha: number; beta: number },
): Promise<Row[]> {
  const cells = series.flatMap((days, product) => days.map((day, d) => ({ product, d, ...day })));
  const days = sql`select t.product::bigint as product_id, 0 as warehouse_id,
      date '2026-01-01' + t.d as day, t.units, t.in_stock
    from unnest(${`{${cells.map((c) => c.product).join(",")}}`}::int[], ${`{${cells.map((c) => c.d).join(",")}}`}::int[],
      ${`{${cells.map((c) => c.units).join(",")}}`}::int[], ${`{${cells.map((c) => c.inStock).join(",")}}`}::bool[])
      as t(product, d, units, in_stock)`;
  const query = dialect.sqlToQuery(
    sql`with ${demandForecastCtes(days, smoothing)} select * from demand_forecast order by product_id`,
  );
  const rows = (await pg.query<Record<string, unknown>>(query.sql, query.params)).rows;
  return rows.map((row) => ({
    product_id: Number(row.product_id),
    model: String(row.model),
    per_day: Number(row.per_day),
    observed_days: Number(row.observed_days),
    censored_days: Number(row.censored_days),
  }));
}

const inStock = (units: number) => ({ units, inStock: true });
const out = { units: 0, inStock: false };

describe("demandForecastCtes", () => {
  it("α 0.5: SES over 4, 2, 6 is 4.5 and TSB (β 0.5) over 0, 3, 0, 0, 5 is 2.44375, a censored day left out", async () => {
    const rows = await forecastInSql(
      [
        [inStock(4), out, inStock(2), inStock(6)],
        [inStock(0), inStock(3), inStock(0), out, inStock(0), inStock(5)],
        [out, out],
      ],
      { alpha: 0.5, beta: 0.5 },
    );
    expect(rows[0]).toMatchObject({ model: "ses", observed_days: 3, censored_days: 1 });
    expect(rows[0]?.per_day).toBeCloseTo(4.5, 12);
    expect(rows[1]).toMatchObject({ model: "tsb", observed_days: 5, censored_days: 1 });
    expect(rows[1]?.per_day).toBeCloseTo(2.44375, 12);
    expect(rows[2]).toEqual({ product_id: 2, model: "none", per_day: 0, observed_days: 0, censored_days: 2 });
  });

  it("matches forecastDailyDemand (default smoothing) on 60 random series of 112 days", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const series = Array.from({ length: 60 }, (_, s) =>
      Array.from({ length: 112 }, () =>
        random() < 0.1 ? out : inStock(random() < 0.3 + (s % 7) / 10 ? Math.floor(random() * 6) : 0),
      ),
    );
    const rows = await forecastInSql(series);
    expect(rows).toHaveLength(60);
    series.forEach((days, s) => {
      const expected = forecastDailyDemand(days);
      expect(rows[s]).toMatchObject({
        model: expected.model,
        observed_days: expected.observedDays,
        censored_days: expected.censoredDays,
      });
      expect(rows[s]?.per_day).toBeCloseTo(expected.perDay, 10);
    });
    expect(new Set(rows.map((row) => row.model))).toEqual(new Set(["ses", "tsb"]));
  });
});

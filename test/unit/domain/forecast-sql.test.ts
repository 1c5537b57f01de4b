// The database's forecast (domain/forecast-sql.ts) gives forecast.ts' model and units a day, in PostgreSQL
// (PGlite): hand-computed series, a censored one, one never in stock, and a spread of random ones; and the days
// it reads (db/queries/demand-days.ts) are those the per-day lookup it replaced gave, on random series.
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demandSeries } from "../../../db/queries/demand-days";
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

/** demandSeries before its grouped first snapshots: a lookup over the snapshots per sold day (the oracle). */
function lookupPerDaySeries(sold: SQL, stock: SQL, window: number, today: SQL): SQL {
  return sql`with sold as (${sold}), stock as (${stock}),
      starts as (
        select s.product_id, s.warehouse_id, case when min(st.first_snapshot) is null then ${today} - ${window}::int
            else least(min(s.day), min(st.first_snapshot)) end as first_day
        from sold s
        left join lateral (select min(st.day) as first_snapshot from stock st
          where st.product_id = s.product_id and st.warehouse_id = s.warehouse_id) st on true
        group by s.product_id, s.warehouse_id)
    select f.product_id, f.warehouse_id, d.day::date as day, coalesce(s.units, 0) as units,
      coalesce(st.available, 1) > 0 and coalesce(prev.available, 1) > 0 as in_stock
    from starts f
    cross join generate_series(${today} - ${window}::int, ${today} - 1, interval '1 day') as d(day)
    left join sold s on s.product_id = f.product_id and s.warehouse_id = f.warehouse_id and s.day = d.day::date
    left join stock st on st.product_id = f.product_id and st.warehouse_id = f.warehouse_id and st.day = d.day::date
    left join stock prev on prev.product_id = f.product_id and prev.warehouse_id = f.warehouse_id
      and prev.day = d.day::date - 1
    where d.day::date >= f.first_day`;
}

/** A relation (product_id, warehouse_id, day, <value>) of cells `back` days before `today`. */
function cellsSql(cells: Array<[number, number, number, number]>, today: SQL, value: string): SQL {
  const column = (i: number) => `{${cells.map((cell) => cell[i]).join(",")}}`;
  return sql`select t.p::bigint as product_id, t.w as warehouse_id, ${today} - t.back as day, t.v as ${sql.raw(value)}
    from unnest(${column(0)}::int[], ${column(1)}::int[], ${column(2)}::int[], ${column(3)}::int[]) as t(p, w, back, v)`;
}

describe("demandSeries", () => {
  it("gives the days the per-day lookup gave, on 80 random series over 30 days", async () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const sold: Array<[number, number, number, number]> = [];
    const stock: Array<[number, number, number, number]> = [];
    for (let product = 0; product < 40; product++) {
      for (let warehouse = 0; warehouse < 2; warehouse++) {
        // Some series never sold (no days), some have no snapshot (in stock over the window), some start late.
        const sells = random() < 0.8;
        const snapshots = random() < 0.7;
        const start = Math.floor(random() * 45);
        for (let back = 1; back <= 30; back++) {
          if (sells && back <= start && random() < 0.5)
            sold.push([product, warehouse, back, Math.floor(random() * 6)]);
        }
        for (let back = 1; back <= 31; back++) {
          if (snapshots && back <= start + 3 && random() < 0.6) {
            stock.push([product, warehouse, back, random() < 0.3 ? 0 : Math.floor(random() * 9)]);
          }
        }
      }
    }
    const today = sql`date '2026-03-01'`;
    const run = async (days: SQL) => {
      const query = dialect.sqlToQuery(
        sql`select product_id::int, warehouse_id, day::text, units, in_stock from (${days}) d
          order by product_id, warehouse_id, day`,
      );
      return (await pg.query<Record<string, unknown>>(query.sql, query.params)).rows;
    };
    const soldSql = cellsSql(sold, today, "units");
    const stockSql = cellsSql(stock, today, "available");
    const expected = await run(lookupPerDaySeries(soldSql, stockSql, 30, today));
    const rows = await run(demandSeries(soldSql, stockSql, 30, today));
    // The spread the comparison needs: many series, days out of stock and in stock, late starts.
    expect(new Set(expected.map((row) => `${row.product_id}:${row.warehouse_id}`)).size).toBeGreaterThan(40);
    expect(expected.some((row) => row.in_stock === false)).toBe(true);
    expect(expected.length).toBeLessThan(
      new Set(expected.map((row) => `${row.product_id}:${row.warehouse_id}`)).size * 30,
    );
    expect(rows).toEqual(expected);
  });
});

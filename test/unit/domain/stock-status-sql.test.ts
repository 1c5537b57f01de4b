// The database's status, reorder test and cover (domain/*-sql.ts) agree with the TypeScript rules on a grid
// of stock figures, in PostgreSQL (PGlite): every status condition holds for exactly the status the
// function gives, on both bases, including the edges (exact multiples of velocity × days).
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysOfCover } from "../../../domain/cover";
import { daysOfCoverSql } from "../../../domain/cover-sql";
import { reorderDue, reorderNumbers } from "../../../domain/replenishment";
import { reorderCandidateSql, reorderDueSql, suggestedQuantitySql } from "../../../domain/replenishment-sql";
import {
  DEFAULT_STATUS_RULES,
  STOCK_STATUSES,
  type StatusRules,
  stockStatus,
} from "../../../domain/stock-status";
import { stockStatusConditionSql, stockStatusSql } from "../../../domain/stock-status-sql";

const dialect = new PgDialect();
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
}, 120_000);
afterAll(async () => {
  await pg.close();
});

interface Figures {
  available: number;
  inTransit: number;
  velocity: number;
}

// Velocities as product_summary holds them (units ÷ 30-day window), a few odd ones, and none.
const VELOCITIES = [0, 1 / 30, 1 / 365, 0.1, 0.7, 2, 12.6, 1234 / 30];
const grid: Figures[] = [];
for (const velocity of VELOCITIES) {
  for (const days of [0, 1, 13.9, 14, 20.5, 21, 60, 120, 120.1, 400]) {
    for (const inTransit of [0, 3]) {
      const exact = velocity * days;
      for (const available of new Set([0, 1, Math.floor(exact), Math.ceil(exact), Math.ceil(exact) + 1])) {
        grid.push({ available, inTransit, velocity });
      }
    }
  }
}

const stock = { available: sql`t.available`, inTransit: sql`t.in_transit`, velocity: sql`t.velocity` };

async function evaluate(columns: Record<string, SQL>): Promise<Array<Record<string, unknown>>> {
  const select = sql.join(
    Object.entries(columns).map(([name, expression]) => sql`${expression} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const query = dialect.sqlToQuery(sql`select ${select}
    from unnest(${`{${grid.map((g) => g.available).join(",")}}`}::int[],
      ${`{${grid.map((g) => g.inTransit).join(",")}}`}::int[],
      ${`{${grid.map((g) => g.velocity).join(",")}}`}::float8[]) with ordinality as t(available, in_transit, velocity, n)
    order by t.n`);
  return (await pg.query<Record<string, unknown>>(query.sql, query.params)).rows;
}

const RULES: Array<[string, StatusRules]> = [
  ["cover", DEFAULT_STATUS_RULES],
  ["units", { ...DEFAULT_STATUS_RULES, statusBasis: "units" }],
  [
    "cover, lead 0 days",
    { ...DEFAULT_STATUS_RULES, leadTimeDays: 0, safetyStockDays: 0, coverCeilingDays: 1 },
  ],
];

describe.each(RULES)("status in SQL, %s basis", (_name, rules) => {
  it("matches stockStatus on every row, and exactly one status condition holds", async () => {
    const columns: Record<string, SQL> = { status: stockStatusSql(stock, rules) };
    for (const status of STOCK_STATUSES) columns[status] = stockStatusConditionSql(status, stock, rules);
    const rows = await evaluate(columns);
    expect(rows).toHaveLength(grid.length);
    rows.forEach((row, i) => {
      const expected = stockStatus(grid[i] as Figures, rules);
      expect({ figures: grid[i], status: row.status }).toEqual({ figures: grid[i], status: expected });
      const holding = STOCK_STATUSES.filter((status) => row[status] === true);
      expect(holding).toEqual([expected]);
    });
  });
});

describe("reorder test, suggested quantity and cover in SQL", () => {
  it("match reorderDue, reorderNumbers' suggested quantity and daysOfCover on every row", async () => {
    const settings = { ...DEFAULT_STATUS_RULES, targetCoverDays: 45 };
    const rows = await evaluate({
      due: reorderDueSql(stock, DEFAULT_STATUS_RULES),
      quantity: suggestedQuantitySql(stock, settings),
      cover: daysOfCoverSql(stock.available, stock.velocity),
    });
    rows.forEach((row, i) => {
      const figures = grid[i] as Figures;
      expect({ figures, quantity: row.quantity }).toEqual({
        figures,
        quantity: reorderNumbers({ ...figures, ...settings }).suggestedQuantity,
      });
      expect({ figures, due: row.due }).toEqual({ figures, due: reorderDue(figures, DEFAULT_STATUS_RULES) });
      expect({ figures, cover: row.cover }).toEqual({
        figures,
        cover: daysOfCover(figures.available, figures.velocity),
      });
    });
  });

  it("lets every line due for reorder through the index's candidate bound, at any lead and safety days", async () => {
    for (const [leadTimeDays, safetyStockDays] of [
      [0, 0],
      [1, 0],
      [14, 7],
      [13, 1],
      [90, 30],
      [365, 0],
    ] as const) {
      const settings = { leadTimeDays, safetyStockDays };
      const rows = await evaluate({
        due: reorderDueSql(stock, settings),
        candidate: sql`coalesce(${reorderCandidateSql(stock, settings)}, false)`,
      });
      const missed = rows.flatMap((row, i) => (row.due && !row.candidate ? [grid[i]] : []));
      expect({ settings, missed }).toEqual({ settings, missed: [] });
      // The bound is narrow: it lets through at most a day's cover more than the test.
      expect(rows.filter((row) => row.candidate).length).toBeLessThan(rows.length);
    }
  });
});

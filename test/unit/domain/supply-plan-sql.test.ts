// The database's supply plan arithmetic (domain/supply-plan-sql.ts) gives supplyLine's numbers (domain/supply-plan.ts)
// on a grid of stock, forecasts (odd ones, and ones on planVelocity's rounding edge), minimum orders and pack
// sizes (a product's own, or the organization's), under several settings, in PostgreSQL (PGlite): the database
// decides which lines ship and sums them, the Worker explains them with supplyLine, and the two must agree.
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planVelocity, supplyLine, supplyUnits } from "../../../domain/supply-plan";
import {
  roublesSql,
  type SupplyPlanSettings,
  supplyCandidateSql,
  supplyLinesSql,
} from "../../../domain/supply-plan-sql";

const dialect = new PgDialect();
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
}, 120_000);
afterAll(async () => {
  await pg.close();
});

interface Line {
  available: number;
  inTransit: number;
  velocity: number;
  minOrderUnits: number | null;
  packSize: number | null;
  unitPrice: number;
}

// Forecasts as the plan reads them (a product's forecast × a destination's share), and ones that round at 0.001.
const VELOCITIES = [0, 0.0004, 0.0005, 0.0015, 1 / 30, 0.1 * 0.3, 0.7, 2.0005, 12.6 * (1 / 3), 1234 / 30];
const grid: Line[] = [];
for (const velocity of VELOCITIES) {
  for (const days of [0, 1, 13.9, 21, 35, 60, 90.5, 400]) {
    const exact = velocity * days;
    for (const available of new Set([0, 1, Math.floor(exact), Math.ceil(exact) + 1])) {
      for (const [minOrderUnits, packSize] of [
        [null, null],
        [1, 1],
        [10, 6],
        [null, 12],
        [25, null],
      ] as const) {
        grid.push({
          available,
          inTransit: days > 30 ? 3 : 0,
          velocity,
          minOrderUnits,
          packSize,
          unitPrice: 10.05,
        });
      }
    }
  }
}

const SETTINGS: Array<[string, SupplyPlanSettings]> = [
  [
    "defaults",
    {
      leadTimeDays: 14,
      safetyStockDays: 7,
      targetCoverDays: 30,
      coverCeilingDays: 60,
      minOrderUnits: 1,
      packSize: 1,
    },
  ],
  [
    "organization's minimum order and packs, a tight cap",
    {
      leadTimeDays: 21,
      safetyStockDays: 3,
      targetCoverDays: 45,
      coverCeilingDays: 50,
      minOrderUnits: 5,
      packSize: 4,
    },
  ],
  [
    "no lead time",
    {
      leadTimeDays: 0,
      safetyStockDays: 0,
      targetCoverDays: 7,
      coverCeilingDays: 7,
      minOrderUnits: 1,
      packSize: 10,
    },
  ],
];

const list = (values: ReadonlyArray<number | null>) => `{${values.map((v) => v ?? "NULL").join(",")}}`;

describe.each(SETTINGS)("supply plan arithmetic in SQL, %s", (_name, settings) => {
  it("gives supplyLine's numbers and line value on every line of the grid", async () => {
    const source = sql`select * from unnest(${list(grid.map((g) => g.available))}::int[],
        ${list(grid.map((g) => g.inTransit))}::int[], ${list(grid.map((g) => g.velocity))}::float8[],
        ${list(grid.map((g) => g.minOrderUnits))}::int[], ${list(grid.map((g) => g.packSize))}::int[],
        ${list(grid.map((g) => g.unitPrice))}::float8[])
      with ordinality as t(available, in_transit, velocity, min_order_units, pack_size, unit_price, n)`;
    const query = dialect.sqlToQuery(sql`select sl.stock_position, sl.reorder_point, sl.shortfall,
        sl.rounded_to_packs, sl.quantity, coalesce(${supplyCandidateSql(settings)}, false) as candidate,
        ${roublesSql(sql`sl.quantity::float8 * ${roublesSql(sql`sl.unit_price`)}`)} as value
      from (${supplyLinesSql(source, settings)}) sl
      order by sl.n`);
    const answered = (await pg.query<Record<string, number | boolean>>(query.sql, query.params)).rows;
    expect(answered).toHaveLength(grid.length);
    // The index's bound lets every line with a shortfall through (the plan reads no other), and holds back some.
    const candidates = answered.map((row) => row.candidate === true);
    const rows = answered.map(({ candidate: _, ...numbers }) => numbers);
    expect(rows.filter((row, index) => Number(row.shortfall) > 0 && !candidates[index])).toEqual([]);
    expect(candidates.filter((candidate) => !candidate).length).toBeGreaterThan(grid.length / 4);
    const expected = grid.map((line) => {
      const numbers = supplyLine({
        available: line.available,
        inTransit: line.inTransit,
        velocity: planVelocity(line.velocity),
        leadTimeDays: settings.leadTimeDays,
        safetyStockDays: settings.safetyStockDays,
        targetCoverDays: settings.targetCoverDays,
        coverCeilingDays: settings.coverCeilingDays,
        ...supplyUnits(line, settings),
      });
      const unitPrice = Math.round(line.unitPrice * 100) / 100;
      return {
        stock_position: numbers.stockPosition,
        reorder_point: numbers.reorderPoint,
        shortfall: numbers.shortfall,
        rounded_to_packs: numbers.roundedToPacks,
        quantity: numbers.quantity,
        value: Math.round(numbers.quantity * unitPrice * 100) / 100,
      };
    });
    expect(
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]))),
    ).toEqual(expected);
    // The grid reaches every outcome that ships or not, so the comparison is not of zeros.
    const outcomes = new Set(
      expected.map((line) => (line.quantity > 0 ? "ship" : line.shortfall > 0 ? "capped" : "no")),
    );
    expect(outcomes.size).toBeGreaterThanOrEqual(settings.leadTimeDays === 0 ? 2 : 3);
  });
});

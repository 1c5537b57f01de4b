// The recommendations' urgency order (domain/urgency-sql.ts), in PostgreSQL (PGlite) over drawn lines: fewest days
// of cover first, lines that sell nothing last, ties by velocity (fastest first), then article, warehouse and
// marketplace (per-product lines, with neither, after); its numbers alone order the lines the same up to the ties.
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type UrgencyColumns, urgencyNumbersSql, urgencyOrderSql } from "../../../domain/urgency-sql";

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
  id: number;
  available: number;
  velocity: number;
  article: string;
  warehouseId: number | null;
  marketplace: "ozon" | "wb" | null;
}

const COLUMNS: UrgencyColumns = {
  available: sql`available`,
  velocity: sql`velocity`,
  article: sql`article`,
  warehouseId: sql`warehouse_id`,
  marketplace: sql`marketplace`,
};

/** The lines' ids in the order `order` (an `order by …`) puts them. */
async function orderedIds(lines: Line[], order: SQL): Promise<number[]> {
  const query = dialect.sqlToQuery(sql`select id from (
      select (x->>'id')::int as id, (x->>'available')::int as available, (x->>'velocity')::float8 as velocity,
        x->>'article' as article, (x->>'warehouseId')::int as warehouse_id, x->>'marketplace' as marketplace
      from json_array_elements(${JSON.stringify(lines)}::json) x) lines ${order}`);
  const result = await pg.query<{ id: number }>(query.sql, query.params);
  return result.rows.map((row) => row.id);
}

/** a before b → negative; null after any value. */
function nullsLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}

const cover = (line: Line) => (line.velocity > 0 ? line.available / line.velocity : null);
const byNumber = (x: number, y: number) => x - y;
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The documented rule, written out: cover, velocity descending, article, warehouse, marketplace. */
function mostUrgentFirst(a: Line, b: Line): number {
  return (
    nullsLast(cover(a), cover(b), byNumber) ||
    b.velocity - a.velocity ||
    byText(a.article, b.article) ||
    nullsLast(a.warehouseId, b.warehouseId, byNumber) ||
    nullsLast(a.marketplace, b.marketplace, byText)
  );
}

// Few values of each, so that drawn lines tie on cover, on velocity and on article.
const lineArbitrary = fc.record({
  available: fc.constantFrom(0, 1, 2, 3, 6, 7, 30),
  velocity: fc.constantFrom(0, 0.5, 1, 2, 1 / 3, 3),
  article: fc.constantFrom("A-1", "A-2", "B-1"),
  warehouseId: fc.constantFrom(null, 1, 2),
  marketplace: fc.constantFrom(null, "ozon" as const, "wb" as const),
});

describe("the urgency order", () => {
  it("is fewest days of cover first, no sales last, then velocity, article, warehouse, marketplace", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArbitrary, { minLength: 1, maxLength: 30 }), async (drawn) => {
        const lines = drawn.map((line, id) => ({ id, ...line }));
        const expected = [...lines].sort(mostUrgentFirst);
        const ordered = await orderedIds(lines, urgencyOrderSql(COLUMNS));
        // Lines equal on every key of the order may come in either order: compare the keys.
        const key = (id: number) => {
          const line = lines[id] as Line;
          return JSON.stringify([
            cover(line),
            line.velocity,
            line.article,
            line.warehouseId,
            line.marketplace,
          ]);
        };
        expect(ordered.map(key)).toEqual(expected.map((line) => key(line.id)));
        const byNumbers = await orderedIds(lines, sql`order by ${urgencyNumbersSql(COLUMNS)}`);
        const numbers = (id: number) => {
          const line = lines[id] as Line;
          return JSON.stringify([cover(line), line.velocity]);
        };
        expect(byNumbers.map(numbers)).toEqual(expected.map((line) => numbers(line.id)));
      }),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it("puts a line that sells nothing after any that sells, however much stock either holds", async () => {
    const lines: Line[] = [
      { id: 0, available: 0, velocity: 0, article: "A-1", warehouseId: null, marketplace: null },
      { id: 1, available: 500, velocity: 0.1, article: "B-1", warehouseId: null, marketplace: null },
      { id: 2, available: 2, velocity: 1, article: "C-1", warehouseId: 2, marketplace: "wb" },
      { id: 3, available: 4, velocity: 2, article: "C-1", warehouseId: 1, marketplace: "ozon" },
    ];
    // C-1 at 2 days in both warehouses: the faster seller (warehouse 1) first.
    expect(await orderedIds(lines, urgencyOrderSql(COLUMNS))).toEqual([3, 2, 1, 0]);
  });
});

// The loaders' array literals round-trip through PostgreSQL (PGlite) unchanged: quotes, backslashes, commas,
// braces, spaces, Cyrillic, empty strings, NULLs, negative and fractional numbers, and the empty array.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberArray, textArray } from "../../../cron/load/pg-array";

// Started in a hook (whose timeout is generous), not inside the first test: compiling PGlite's WASM takes
// tens of seconds on a loaded CI machine, and a test's own timeout must not depend on that.
let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
}, 180_000);
afterAll(() => db.close());

const literal = (param: ReturnType<typeof textArray>) => (param as unknown as { value: string }).value;

describe("pg array literals", () => {
  it("texts come back as sent", async () => {
    const values = [
      'a "quoted" name',
      "back\\slash",
      "comma, {brace}",
      " spaced ",
      "Склад WB РФ",
      "",
      "NULL",
      null,
    ];
    const result = await db.query<{ v: (string | null)[] }>("select $1::text[] as v", [
      literal(textArray(values)),
    ]);
    expect(result.rows[0]?.v).toEqual(values);
  });

  it("numbers come back as sent", async () => {
    const ints = [0, -5, 2147483647, null, undefined];
    const reals = [0.25, 1, -3.5];
    const result = await db.query<{ i: (number | null)[]; r: number[]; e: number[] }>(
      "select $1::int[] as i, $2::real[] as r, $3::int[] as e",
      [literal(numberArray(ints)), literal(numberArray(reals)), literal(numberArray([]))],
    );
    expect(result.rows[0]).toEqual({ i: [0, -5, 2147483647, null, null], r: reals, e: [] });
  });

  it("refuses a number PostgreSQL could not read", () => {
    expect(() => numberArray([1, Number.NaN])).toThrow(/element 1 is not a finite number/);
  });
});

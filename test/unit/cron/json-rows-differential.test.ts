// The streamed reader of vendor arrays (cron/http/json-rows.ts) against JSON.parse of the whole text, on seeded
// random documents: rows of every JSON kind with the strings that trip a scanner (quotes and backslashes escaped,
// brackets and commas inside strings, \u escapes, Cyrillic and emoji cut across chunks), at the top level or
// inside a wrapper whose other members hold arrays and a same-named key, pretty-printed or not, its bytes cut at
// random. Every row must arrive equal and in order; a text cut short or with a stray bracket must fail; and a
// text with one character deleted, replaced or inserted anywhere is read as JSON.parse reads it (the same rows
// when it is still JSON, a failure when it is not).
import { describe, expect, it } from "vitest";
import { type RowsAt, streamRows } from "../../../cron/http/json-rows";

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T,
  };
}
type Random = ReturnType<typeof generator>;

const PIECES = [
  '"',
  "\\",
  "\\\\",
  '\\"',
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  "a",
  "Склад",
  "😀",
  "\u0000",
  "\n",
  " ",
  "null",
  "0",
];

function randomString(r: Random): string {
  let text = "";
  for (let i = r.int(6); i > 0; i--) text += r.pick(PIECES);
  return text;
}

function randomValue(r: Random, depth: number): unknown {
  const kind = r.int(depth > 2 ? 5 : 7);
  switch (kind) {
    case 0:
      return randomString(r);
    case 1:
      return r.int(3) === 0 ? -r.next() * 1e6 : r.int(100_000);
    case 2:
      return r.next() < 0.5;
    case 3:
      return null;
    case 4:
      return r.pick([0, "", "end]", 1e21, -0.5]);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) object[randomString(r) || "items"] = randomValue(r, depth + 1);
      return object;
    }
  }
}

function randomDocument(r: Random): { rows: unknown[]; document: unknown; at: RowsAt } {
  const rows = Array.from({ length: r.int(12) }, () => randomValue(r, 0));
  if (r.next() < 0.4) return { rows, document: rows, at: { path: [], expected: "array of rows" } };
  const document = {
    meta: { items: [randomValue(r, 2)], note: randomString(r) },
    data: { total: rows.length, items: rows, after: [randomValue(r, 2), "]"] },
    tail: randomValue(r, 1),
  };
  return { rows, document, at: { path: ["data", "items"], expected: "data.items" } };
}

/** The text's bytes cut at random places (often inside a multi-byte letter or an escape). */
function cutBody(text: string, r: Random): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const size = 1 + r.int(r.next() < 0.2 ? 4096 : 23);
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe("streamRows against JSON.parse of the whole text", () => {
  it("hands on every row equal and in order, however the bytes are cut", async () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = generator(seed);
      const { rows, document, at } = randomDocument(r);
      const text = JSON.stringify(document, null, r.pick([undefined, 1, "\t"]));
      const seen: unknown[] = [];
      const result = await streamRows(cutBody(text, r), at, (row) => seen.push(row));
      expect(result.ok, `seed ${seed}: ${JSON.stringify(result)}`).toBe(true);
      expect(seen, `seed ${seed}`).toEqual(JSON.parse(JSON.stringify(rows)));
    }
  });

  it("fails a text cut short or with a bracket too many or too few", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = generator(seed);
      const { document, at } = randomDocument(r);
      const text = JSON.stringify(document);
      const broken = [
        text.slice(0, 1 + r.int(text.length - 1)),
        `${text.slice(0, -1)}`,
        `${text}]`,
        `${text.slice(0, -1)}}}`,
      ];
      for (const body of broken) {
        let parsedWhole = true;
        try {
          JSON.parse(body);
        } catch {
          parsedWhole = false;
        }
        if (parsedWhole) continue;
        const result = await streamRows(cutBody(body, r), at, () => {});
        expect(result.ok, `seed ${seed}: ${body.slice(-40)}`).toBe(false);
      }
    }
  });

  it("reads a text with one character changed anywhere as JSON.parse does", async () => {
    const edits = ['"', "\\", ",", ":", "[", "]", "{", "}", " ", "1", "e", "-", ".", "t", "n", "x", "\u0001"];
    for (let seed = 1; seed <= 3000; seed++) {
      const r = generator(seed);
      const { document, at } = randomDocument(r);
      const text = JSON.stringify(document, null, r.pick([undefined, 1]));
      const where = r.int(text.length + 1);
      const kind = r.int(3);
      const edit = r.pick(edits);
      const edited =
        kind === 0
          ? text.slice(0, where) + text.slice(where + 1)
          : kind === 1
            ? text.slice(0, where) + edit + text.slice(where + 1)
            : text.slice(0, where) + edit + text.slice(where);
      // As its bytes read back (an edit that splits an emoji's surrogates leaves U+FFFD in the bytes).
      const body = new TextDecoder().decode(new TextEncoder().encode(edited));
      let whole: unknown;
      let parsed = true;
      try {
        whole = JSON.parse(body);
      } catch {
        parsed = false;
      }
      const seen: unknown[] = [];
      const result = await streamRows(cutBody(body, r), at, (row) => seen.push(row));
      if (!parsed) {
        expect(result.ok, `seed ${seed}: ${body}`).toBe(false);
        continue;
      }
      // Still JSON: the rows are the array at the rows' place; anything else there is no rows (or not an array).
      let place: unknown = whole;
      for (const key of at.path)
        place =
          place !== null && typeof place === "object" && !Array.isArray(place)
            ? (place as Record<string, unknown>)[key]
            : undefined;
      if (Array.isArray(place)) {
        expect(result.ok, `seed ${seed}: ${body}`).toBe(true);
        expect(seen, `seed ${seed}: ${body}`).toEqual(place);
      } else if (place !== null && typeof place === "object" && Object.keys(place).length > 0)
        expect(result, `seed ${seed}: ${body}`).toMatchObject({ ok: false, problem: "no-rows-there" });
      else expect(result, `seed ${seed}: ${body}`).toMatchObject({ ok: true, rows: 0 });
    }
  });
});

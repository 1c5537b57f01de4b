// Vendor arrays are read as a stream (cron/http/json-rows.ts through MarketplaceClient.callRows): rows arrive
// whole however the bytes are cut, a body that is not JSON or has no rows where the contract puts them fails
// with MALFORMED_RESPONSE, a connection dropped midway is retried without mixing the failed attempt's rows in,
// and a WB orders page read this way gives the same records as the same rows read whole.
import { describe, expect, it } from "vitest";
import { readSupplierOrdersRow, wbSupplierOrdersV1 } from "../../../cron/adapters/wb/supplier-orders-v1";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { answeringContext, marketplaceError } from "./stub-vendor";

const encoder = new TextEncoder();

/** A 200 whose body is `text` cut into `size`-byte chunks (multi-byte letters split across chunks). */
function chunked(text: string, size: number, failAfter?: number): Response {
  const bytes = encoder.encode(text);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && at >= failAfter) return controller.error(new Error("connection reset"));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Response(body, { status: 200 });
}

function client(answers: (() => Response)[]) {
  let calls = 0;
  const fetchFn = (async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)];
    if (!answer) throw new Error("no answer");
    return answer();
  }) as unknown as typeof fetch;
  return new MarketplaceClient({ gate: new MemoryRequestGate(), fetch: fetchFn, sleep: async () => {} });
}

const budget = { requests: 100, perMs: 1000 };
const request = { method: "GET" as const, url: "http://vendor.test/rows", headers: {} };
const mapError = () => {
  throw new Error("no error expected");
};

async function rowsOf(c: MarketplaceClient, at: { path: string[]; expected: string }) {
  let rows: unknown[] = [];
  const answer = await c.callRows("wb.test", budget, request, mapError, at, () => {
    rows = [];
    return (raw) => rows.push(raw);
  });
  return { answer, rows };
}

const order = (i: number) => ({
  date: "2026-11-01T10:11:12",
  lastChangeDate: `2026-11-0${1 + (i % 3)}T10:12:13`,
  warehouseName: "Коледино",
  regionName: "Московская область",
  supplierArticle: `ART-${i % 7}`,
  nmId: 1000 + (i % 7),
  barcode: `20000${i % 7}`,
  techSize: "42",
  subject: "Платья",
  category: "Одежда",
  brand: "Бренд",
  priceWithDisc: 1234.5 + i,
  srid: `srid-${i}`,
  isCancel: i % 5 === 0,
  cancelDate: i % 5 === 0 ? "2026-11-02T09:00:00" : "0001-01-01T00:00:00",
});

describe("vendor rows read as a stream", () => {
  it("hands on every row whole, however the body's bytes are cut", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => order(i));
    for (const size of [1, 3, 7, 1000]) {
      const read = await rowsOf(client([() => chunked(JSON.stringify(rows), size)]), {
        path: [],
        expected: "array of rows",
      });
      expect(read).toEqual({ answer: { rows: 50 }, rows });
    }
    const wrapped = await rowsOf(client([() => chunked(JSON.stringify({ data: { items: rows } }), 5)]), {
      path: ["data", "items"],
      expected: "data.items",
    });
    expect(wrapped.rows).toEqual(rows);
  });

  it("a body that is not JSON, cut short, or with no array at the rows' place is MALFORMED_RESPONSE", async () => {
    const at = { path: ["data", "items"], expected: "data.items" };
    for (const text of ['{"data":{"items":[{"a":1},{"a"', '{"data":{"items":[1]}} trailing', "<html>", ""]) {
      const error = await marketplaceError(() => rowsOf(client([() => chunked(text, 4)]), at));
      expect(error.code).toBe("MALFORMED_RESPONSE");
      expect(error.message).toContain("not JSON");
      expect(error.retryable).toBe(false);
    }
    const misplaced = await marketplaceError(() =>
      rowsOf(client([() => chunked('{"data":{"items":{"a":1,"b":2}}}', 4)]), at),
    );
    expect(misplaced.message).toMatch(
      /wb\.test: the response has no data\.items .*a is a member of an object/,
    );
    // A small answer without rows is handed back whole for the adapter to check its wrapper.
    const empty = await rowsOf(client([() => chunked('{"data":{"items":null}}', 4)]), at);
    expect(empty.answer).toEqual({ rows: 0, small: { data: { items: null } } });
  });

  it("a connection dropped midway is retried, and only the retry's rows are kept", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => order(i));
    const text = JSON.stringify(rows);
    const c = client([() => chunked(text, 64, 640), () => chunked(text, 64)]);
    const read = await rowsOf(c, { path: [], expected: "array of rows" });
    expect(read.rows).toEqual(rows);
    expect(c.stats).toMatchObject({ requests: 2, failed: 1 });
  });

  it("a WB orders page streamed gives the records of the same rows read whole", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => order(i));
    rows[3] = { ...rows[3], nmId: "x" } as unknown as ReturnType<typeof order>;
    const context = answeringContext("wb", () => rows);
    const page = await wbSupplierOrdersV1.fetchPage(context, { dateFrom: "2026-10-01T00:00:00" });
    expect(page.rows).toEqual(rows.map(readSupplierOrdersRow));
    expect(page.rows[3]).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^nmId: /)] });
    expect(page.watermark).toBe("2026-11-03T10:12:13");
    expect(page.next).toEqual({ dateFrom: "2026-11-03T10:12:13" });
  });
});

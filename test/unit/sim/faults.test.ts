// Fault injection: every fault kind produces what it claims, by call number or by seeded probability.
// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { control, ozon, start, wb } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ mode: "legacy", limitsEnabled: false });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

const V2 = "/v2/analytics/stock_on_warehouses";
const FBO = "/v3/posting/fbo/list";
const fboBody = (cursor: string) => ({
  filter: { since: "2026-10-01T00:00:00Z", to: "2026-11-02T00:00:00Z" },
  limit: 50,
  cursor,
});

describe("whole-response faults", () => {
  it("rate_limit on the 2nd call only: Ozon code 8", async () => {
    sim.faults.set([{ endpoint: "ozon.product_list", kind: "rate_limit", calls: [2] }]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ozon(sim, "/v3/product/list", { limit: 1 })).status);
    expect(statuses).toEqual([200, 429, 200]);
  });

  it("rate_limit on WB in the statistics errors form", async () => {
    sim.faults.set([{ endpoint: "wb.orders", kind: "rate_limit", calls: [1], form: "errors" }]);
    const r = await wb(sim, "/statistics/api/v1/supplier/orders?dateFrom=2026-10-31");
    expect(r.status).toBe(429);
    expect(r.json).toEqual({ errors: ["(api-new) too many requests"] });
  });

  it("server_error on calls 2-4 with the configured status", async () => {
    sim.faults.set([
      { endpoint: "ozon.stock_on_warehouses", kind: "server_error", from: 2, to: 4, status: 502 },
    ]);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ozon(sim, V2, { limit: 1 })).status);
    expect(statuses).toEqual([200, 502, 502, 502, 200]);
  });

  it("gateway_timeout_html answers 504 with an HTML body", async () => {
    sim.faults.set([{ endpoint: "wb.stocks", kind: "gateway_timeout_html", calls: [1] }]);
    const r = await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2026-10-31");
    expect(r.status).toBe(504);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(r.text).toContain("<html>");
    expect(r.json).toBeUndefined();
  });

  it("non_json answers 200 with a body that does not parse", async () => {
    sim.faults.set([{ endpoint: "*", kind: "non_json", calls: [1] }]);
    const r = await ozon(sim, V2, { limit: 1 });
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it("circle_open and maintenance use the vendor bodies", async () => {
    sim.faults.set([
      { endpoint: "ozon.product_list", kind: "circle_open", calls: [1] },
      { endpoint: "wb.sales", kind: "maintenance", calls: [1] },
    ]);
    const circle = await ozon(sim, "/v3/product/list", { limit: 1 });
    expect(circle.status).toBe(503);
    expect(circle.json.message).toBe("Circle is open");
    const maintenance = await wb(sim, "/statistics/api/v1/supplier/sales?dateFrom=2026-10-31");
    expect(maintenance.json).toEqual({ errors: ["Технический перерыв до 16:00"] });
  });

  it("switched_off answers 404 with each vendor's body", async () => {
    sim.faults.set([
      { endpoint: "ozon.stock_on_warehouses", kind: "switched_off", from: 1 },
      { endpoint: "wb.stocks", kind: "switched_off", from: 1 },
    ]);
    const o = await ozon(sim, V2, { limit: 1 });
    expect(o.status).toBe(404);
    expect(o.json.code).toBe(5);
    const w = await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2026-10-31");
    expect(w.status).toBe(404);
    expect(w.headers.get("content-type")).toContain("application/problem+json");
  });

  it("slow delays the answer past a client's timeout", async () => {
    sim.faults.set([{ endpoint: "ozon.product_list", kind: "slow", calls: [1], delayMs: 1_500 }]);
    const attempt = fetch(`${sim.url}/ozon/v3/product/list`, {
      method: "POST",
      headers: { "Client-Id": "1001", "Api-Key": "demo-ozon-key" },
      body: "{}",
      signal: AbortSignal.timeout(100),
    });
    await expect(attempt).rejects.toThrow();
    expect((await ozon(sim, "/v3/product/list", { limit: 1 })).status).toBe(200);
  });
});

describe("probability faults", () => {
  it("fire at roughly the rate, and the same seed gives the same sequence", async () => {
    const run = async () => {
      sim.reset();
      sim.config.set({ limitsEnabled: false });
      sim.faults.set([{ endpoint: "ozon.product_list", kind: "server_error", rate: 0.5 }]);
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await ozon(sim, "/v3/product/list", { limit: 1 })).status);
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const failures = a.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
  });
});

describe("data faults", () => {
  it("malformed_rows: negative numbers, numbers as strings, nulls, missing fields", async () => {
    const fetchRows = async (mode: string) => {
      sim.faults.set([
        { endpoint: "ozon.stock_on_warehouses", kind: "malformed_rows", calls: [1], fraction: 1, mode },
      ]);
      return (await ozon(sim, V2, { limit: 20 })).json.result.rows as any[];
    };
    const negative = await fetchRows("negative");
    expect(negative.every((r) => Object.values(r).some((v) => typeof v === "number" && v < 0))).toBe(true);
    const strings = await fetchRows("string");
    expect(
      strings.every(
        (r) =>
          typeof r.sku === "string" ||
          typeof r.free_to_sell_amount === "string" ||
          typeof r.promised_amount === "string" ||
          typeof r.reserved_amount === "string",
      ),
    ).toBe(true);
    const nulls = await fetchRows("null");
    expect(nulls.every((r) => Object.values(r).includes(null))).toBe(true);
    const missing = await fetchRows("missing");
    expect(missing.every((r) => Object.keys(r).length === 6)).toBe(true);
    // Untouched on the next call.
    const clean = (await ozon(sim, V2, { limit: 20 })).json.result.rows as any[];
    expect(clean.every((r) => Object.keys(r).length === 7 && r.free_to_sell_amount >= 0)).toBe(true);
  });

  it("malformed_rows drift: year 9999, int64 as strings, price as a string", async () => {
    sim.faults.set([
      { endpoint: "ozon.posting_fbo_list", kind: "malformed_rows", calls: [1], fraction: 1, mode: "drift" },
    ]);
    const p = (await ozon(sim, FBO, fboBody(""))).json.postings[0];
    expect(p.created_at).toBe("9999-12-31T23:59:59.999999900Z");
    expect(typeof p.products[0].sku).toBe("string");
    expect(p.products[0].price).toMatch(/^\d+\.00$/);
  });

  it("shift_rows: an inserted row repeats the previous page's last row; a removed row leaves a gap", async () => {
    const page = async (offset: number) =>
      (await ozon(sim, V2, { limit: 10, offset })).json.result.rows as any[];
    const key = (r: any) => `${r.sku}|${r.warehouse_name}`;
    const first = await page(0);
    const clean = await page(10);
    sim.faults.set([{ endpoint: "ozon.stock_on_warehouses", kind: "shift_rows", calls: [1], by: 1 }]);
    const inserted = await page(10);
    expect(key(inserted[0])).toBe(key(first[9]));
    sim.faults.set([{ endpoint: "ozon.stock_on_warehouses", kind: "shift_rows", calls: [1], by: -1 }]);
    const removed = await page(10);
    expect(key(removed[0])).toBe(key(clean[1]));
  });

  it("repeat_boundary: the next page starts with the previous page's last product", async () => {
    const first = (await ozon(sim, "/v3/product/list", { limit: 5, last_id: "" })).json.result;
    sim.faults.set([{ endpoint: "ozon.product_list", kind: "repeat_boundary", calls: [1] }]);
    const second = (await ozon(sim, "/v3/product/list", { limit: 5, last_id: first.last_id })).json.result;
    expect(second.items[0].product_id).toBe(first.items[4].product_id);
  });

  it("repeat_boundary on WB keyset: the last row comes twice in one page", async () => {
    sim.faults.set([{ endpoint: "wb.orders", kind: "repeat_boundary", calls: [1] }]);
    const rows = (await wb(sim, "/statistics/api/v1/supplier/orders?dateFrom=2026-10-31")).json as any[];
    expect(rows.at(-1).srid).toBe(rows.at(-2).srid);
  });

  it("repeat_cursor: the same cursor comes back", async () => {
    const first = (await ozon(sim, FBO, fboBody(""))).json;
    expect(first.has_next).toBe(true);
    sim.faults.set([{ endpoint: "ozon.posting_fbo_list", kind: "repeat_cursor", calls: [1] }]);
    const second = (await ozon(sim, FBO, fboBody(first.cursor))).json;
    expect(second.cursor).toBe(first.cursor);
  });

  it("has_next_false_with_cursor and empty_cursor", async () => {
    sim.faults.set([{ endpoint: "ozon.posting_fbo_list", kind: "has_next_false_with_cursor", calls: [1] }]);
    const stop = (await ozon(sim, FBO, fboBody(""))).json;
    expect(stop.has_next).toBe(false);
    expect(stop.cursor).not.toBe("");
    sim.faults.set([{ endpoint: "ozon.posting_fbo_list", kind: "empty_cursor", calls: [1] }]);
    const empty = (await ozon(sim, FBO, fboBody(""))).json;
    expect(empty.has_next).toBe(true);
    expect(empty.cursor).toBe("");
  });
});

describe("fault control API", () => {
  it("sets faults over HTTP and rejects bad input naming the field", async () => {
    const ok = await control(sim, "PUT", "/faults", {
      rules: [{ endpoint: "wb.sales", kind: "server_error", calls: [1] }],
    });
    expect(ok.status).toBe(200);
    expect((await control(sim, "GET", "/faults")).json.rules).toHaveLength(1);
    const bad = await control(sim, "PUT", "/faults", {
      rules: [{ endpoint: "wb.sales", kind: "server_error", rate: 2 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("rules.0.rate");
    const unknown = await control(sim, "PUT", "/faults", {
      rules: [{ endpoint: "wb.nope", kind: "server_error", calls: [1] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0].path).toBe("rules.0.endpoint");
    const noTrigger = await control(sim, "PUT", "/faults", {
      rules: [{ endpoint: "wb.sales", kind: "server_error" }],
    });
    expect(noTrigger.status).toBe(400);
    expect(() => sim.faults.set([{ endpoint: "wb.sales", kind: "bogus", calls: [1] }])).toThrow(/kind/);
  });
});

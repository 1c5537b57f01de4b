// Ozon endpoints: documented shapes, auth errors, and paging that returns every row exactly once (= the truth).

// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { counts, ozon, start } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ mode: "legacy", limitsEnabled: false });
});
afterAll(() => sim.close());

describe("Ozon auth", () => {
  it("answers 401 code 16 without headers", async () => {
    const r = await ozon(sim, "/v3/product/list", { limit: 1 }, { "Content-Type": "application/json" });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 16, message: "Client-Id and Api-Key headers are required", details: [] });
  });

  it("answers 404 code 5 for a wrong key and 400 code 3 for a non-integer Client-Id", async () => {
    const wrong = await ozon(
      sim,
      "/v3/product/list",
      { limit: 1 },
      { "Client-Id": "1001", "Api-Key": "nope" },
    );
    expect(wrong.status).toBe(404);
    expect(wrong.json.code).toBe(5);
    const bad = await ozon(
      sim,
      "/v3/product/list",
      { limit: 1 },
      { "Client-Id": "abc", "Api-Key": "demo-ozon-key" },
    );
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(3);
  });
});

describe("POST /v2/analytics/stock_on_warehouses", () => {
  it("has the documented row shape", async () => {
    const r = await ozon(sim, "/v2/analytics/stock_on_warehouses", {
      limit: 5,
      offset: 0,
      warehouse_type: "ALL",
    });
    expect(r.status).toBe(200);
    expect(r.json.result.rows).toHaveLength(5);
    const row = r.json.result.rows[0];
    expect(Object.keys(row).sort()).toEqual(
      [
        "free_to_sell_amount",
        "item_code",
        "item_name",
        "promised_amount",
        "reserved_amount",
        "sku",
        "warehouse_name",
      ].sort(),
    );
    expect(typeof row.sku).toBe("number");
  });

  it("pages by offset to a short page, every row once, equal to the truth after alias mapping", async () => {
    const rows: any[] = [];
    for (let offset = 0; ; offset += 1000) {
      const r = await ozon(sim, "/v2/analytics/stock_on_warehouses", { limit: 1000, offset });
      rows.push(...r.json.result.rows);
      if (r.json.result.rows.length < 1000) break;
    }
    const alias = new Map(
      sim.truth
        .warehouses()
        .aliases.filter((a) => a.marketplace === "ozon")
        .map((a) => [a.name, a.canonicalName]),
    );
    const truth = sim.truth.stock("ozon").filter((t) => t.inFeed && t.warehouseType === "fbo");
    const keys = rows.map((r) => `${r.sku}|${alias.get(r.warehouse_name)}`);
    expect([...counts(keys).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(keys)).toEqual(new Set(truth.map((t) => `${t.sku}|${t.warehouse}`)));
    const bySku = new Map(truth.map((t) => [`${t.sku}|${t.warehouse}`, t]));
    for (const r of rows)
      expect(r.free_to_sell_amount).toBe(bySku.get(`${r.sku}|${alias.get(r.warehouse_name)}`)?.available);
    // The feed writes some warehouses in their variant spellings.
    expect(rows.some((r) => r.warehouse_name !== alias.get(r.warehouse_name))).toBe(true);
  });

  it("rejects a limit over 1000 naming the field", async () => {
    const r = await ozon(sim, "/v2/analytics/stock_on_warehouses", { limit: 5000, offset: 0 });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/^limit:/);
  });
});

describe("POST /v3/product/list and /v1/analytics/stocks", () => {
  it("pages with an opaque last_id until an empty page, every product once", async () => {
    const seen: any[] = [];
    let lastId = "";
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const r = await ozon(sim, "/v3/product/list", {
        filter: { visibility: "ALL" },
        last_id: lastId,
        limit: 70,
      });
      expect(r.status).toBe(200);
      total = r.json.result.total;
      if (r.json.result.items.length === 0) {
        expect(r.json.result.last_id).toBe("");
        break;
      }
      seen.push(...r.json.result.items);
      lastId = r.json.result.last_id;
      expect(lastId).toMatch(/[а-я]/);
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen.map((i) => i.product_id)).size).toBe(sim.truth.listings("ozon").length);
    expect(seen[0]).toMatchObject({
      archived: expect.any(Boolean),
      has_fbo_stocks: expect.any(Boolean),
      offer_id: expect.any(String),
    });
  });

  it("answers v1 analytics stocks for ≤100 string skus and refuses numbers and 101 skus", async () => {
    const truth = sim.truth.stock("ozon").filter((t) => t.inFeed && t.warehouseType === "fbo");
    const skus = [...new Set(truth.map((t) => String(t.sku)))].slice(0, 100);
    const r = await ozon(sim, "/v1/analytics/stocks", { skus, warehouse_ids: [], cluster_ids: [] });
    expect(r.status).toBe(200);
    const expected = truth.filter((t) => skus.includes(String(t.sku)));
    expect(r.json.items).toHaveLength(expected.length);
    const item = r.json.items[0];
    for (const field of [
      "sku",
      "offer_id",
      "name",
      "warehouse_id",
      "warehouse_name",
      "cluster_id",
      "cluster_name",
      "available_stock_count",
      "transit_stock_count",
      "requested_stock_count",
      "return_from_customer_stock_count",
      "stock_defect_stock_count",
      "ads",
      "idc",
      "days_without_sales",
      "turnover_grade",
    ]) {
      expect(item).toHaveProperty(field);
    }
    const sumApi = r.json.items.reduce((s: number, i: any) => s + i.available_stock_count, 0);
    expect(sumApi).toBe(expected.reduce((s, t) => s + t.available, 0));
    const numbers = await ozon(sim, "/v1/analytics/stocks", { skus: skus.slice(0, 2).map(Number) });
    expect(numbers.status).toBe(400);
    expect(numbers.json.message).toMatch(/^skus\.0:/);
    const tooMany = await ozon(sim, "/v1/analytics/stocks", {
      skus: Array.from({ length: 101 }, (_, i) => String(i + 1)),
    });
    expect(tooMany.status).toBe(400);
  });
});

describe("POST /v4/product/info/stocks", () => {
  it("pages by cursor, ends with an empty cursor, and reports fbo and fbs stock", async () => {
    const items: any[] = [];
    let cursor = "";
    for (let i = 0; i < 100; i++) {
      const r = await ozon(sim, "/v4/product/info/stocks", {
        filter: { visibility: "ALL" },
        limit: 90,
        cursor,
      });
      items.push(...r.json.items);
      cursor = r.json.cursor;
      if (cursor === "") break;
    }
    expect(counts(items.map((i) => String(i.product_id))).size).toBe(items.length);
    expect(items.length).toBe(sim.truth.listings("ozon").length);
    const truth = sim.truth.stock("ozon");
    const fbsTruth = truth
      .filter((t) => t.warehouseType === "fbs")
      .reduce((s, t) => s + t.available + t.reserved, 0);
    const fbsApi = items
      .flatMap((i) => i.stocks)
      .filter((s: any) => s.type === "fbs")
      .reduce((s: number, x: any) => s + x.present, 0);
    expect(fbsApi).toBe(fbsTruth);
    expect(fbsApi).toBeGreaterThan(0);
  });
});

describe("POST /v3/posting/fbo/list and /v1/analytics/data", () => {
  it("pages postings by cursor until has_next is false, matching the truth", async () => {
    const postings: any[] = [];
    let cursor = "";
    for (let i = 0; i < 200; i++) {
      const r = await ozon(sim, "/v3/posting/fbo/list", {
        dir: "ASC",
        filter: { since: "2026-09-01T00:00:00Z", to: "2026-11-02T00:00:00Z" },
        limit: 1000,
        cursor,
        with: { analytics_data: true },
      });
      expect(r.status).toBe(200);
      postings.push(...r.json.postings);
      if (!r.json.has_next) break;
      cursor = r.json.cursor;
    }
    const keys = postings.flatMap((p) => p.products.map((x: any) => `${p.posting_number}|${x.sku}`));
    const truth = sim.truth.sales("ozon").map((t) => `${t.postingNumber}|${t.sku}`);
    expect(keys.length).toBe(truth.length);
    expect(new Set(keys)).toEqual(new Set(truth));
    const p = postings[0];
    expect(p.created_at).toMatch(/Z$/);
    expect(p.products[0].price).toEqual({ amount: expect.stringMatching(/^\d+$/), currency: "RUB" });
    expect(p.analytics_data).toMatchObject({
      region: expect.any(String),
      city: expect.any(String),
      warehouse_name: expect.any(String),
    });
  });

  it("refuses a period over one year with PERIOD_IS_TOO_LONG", async () => {
    const r = await ozon(sim, "/v3/posting/fbo/list", {
      filter: { since: "2025-01-01T00:00:00Z", to: "2026-11-01T00:00:00Z" },
      limit: 10,
    });
    expect(r.status).toBe(400);
    expect(r.json.message).toBe("PERIOD_IS_TOO_LONG");
  });

  it("aggregates revenue and units by sku and day, totals equal the postings", async () => {
    const body = {
      date_from: "2026-10-20",
      date_to: "2026-10-31",
      dimension: ["sku", "day"],
      metrics: ["revenue", "ordered_units"],
      limit: 1000,
      offset: 0,
    };
    const rows: any[] = [];
    let totals: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const r = await ozon(sim, "/v1/analytics/data", { ...body, offset });
      expect(r.status).toBe(200);
      rows.push(...r.json.result.data);
      totals = r.json.result.totals;
      if (r.json.result.data.length < 1000) break;
    }
    const inRange = sim.truth
      .sales("ozon")
      .filter((t) => t.createdAt >= "2026-10-20" && t.createdAt < "2026-11-01");
    expect(totals[1]).toBe(inRange.reduce((s, t) => s + t.quantity, 0));
    expect(rows.reduce((s, r) => s + r.metrics[0], 0)).toBe(
      inRange.reduce((s, t) => s + t.price * t.quantity, 0),
    );
    expect(rows[0].dimensions[1]).toEqual({ id: expect.stringMatching(/^2026-10-\d\d$/), name: "" });
    const old = await ozon(sim, "/v1/analytics/data", { ...body, date_from: "2026-01-01" });
    expect(old.status).toBe(400);
  });
});

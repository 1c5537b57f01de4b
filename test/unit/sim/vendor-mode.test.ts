// The simulator's default ("current") mode answers as the vendors do this month: a switched-off endpoint, the
// FBO v3 request as the spec names it, no region in analytics_data, the product list without archived products
// or skus, total_items, v4 without warehouse_ids, the analytics/data daily cap, remains 204, "Склад WB РФ" in
// WB orders, orders burst 10, the spec's turnover grades. Legacy mode keeps the older answers.

// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { ozon, start, wb } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ limitsEnabled: false, size: 600 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.config.set({ mode: "current", limitsEnabled: false, switchOff: {}, ozonAnalyticsDailyRequests: 50 });
  sim.state.config.switchOff = {};
});

const FBO = { since: "2026-10-01T00:00:00Z", to: "2026-11-01T06:00:00Z" };

describe("current mode (the default)", () => {
  it("is the default mode", async () => {
    const fresh = await start({ size: 50 });
    expect(fresh.config.get().mode).toBe("current");
    await fresh.close();
  });

  it("answers WB supplier/stocks as switched off (404 problem+json), unless the config turns it on", async () => {
    const off = await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20");
    expect(off.status).toBe(404);
    sim.config.set({ switchOff: { "wb.stocks": null } });
    expect((await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20")).status).toBe(200);
  });

  it("takes the FBO v3 request as the spec names it and refuses the old field names and limits", async () => {
    const ok = await ozon(sim, "/v3/posting/fbo/list", {
      sort_dir: "ASC",
      filter: { ...FBO, statuses: ["delivered"] },
      limit: 100,
      cursor: "",
      with: { analytics_data: true, financial_data: true },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.postings.length).toBeGreaterThan(0);
    for (const p of ok.json.postings) {
      expect(p.status).toBe("delivered");
      expect(p.analytics_data).not.toHaveProperty("region");
      expect(p.financial_data.cluster_to).toMatch(/\S/);
    }
    const old = await ozon(sim, "/v3/posting/fbo/list", { dir: "ASC", filter: FBO, limit: 100 });
    expect(old.status).toBe(400);
    expect(old.json.message).toMatch(/dir/);
    const big = await ozon(sim, "/v3/posting/fbo/list", { sort_dir: "ASC", filter: FBO, limit: 1000 });
    expect(big.status).toBe(400);
    expect(big.json.message).toMatch(/limit/);
  });

  it("lists postings from the seller's own warehouse in the FBS v4 list only, by in_process_at", async () => {
    sim.advance({ hours: 24 });
    const own = sim.truth.sales("ozon").filter((p) => p.warehouse === "Склад продавца Москва");
    expect(own.length).toBeGreaterThan(0);
    const period = { since: "2026-10-01T00:00:00Z", to: "2026-11-03T00:00:00Z" };
    const fbs = await ozon(sim, "/v4/posting/fbs/list", {
      sort_dir: "ASC",
      filter: period,
      limit: 100,
      with: { analytics_data: true },
    });
    expect(fbs.status).toBe(200);
    const numbers = new Set(own.map((p) => p.postingNumber));
    expect(fbs.json.postings.every((p: any) => numbers.has(p.posting_number))).toBe(true);
    expect(fbs.json.postings[0].analytics_data.region).toMatch(/\S/);
    const fbo = await ozon(sim, "/v3/posting/fbo/list", { sort_dir: "ASC", filter: period, limit: 100 });
    expect(fbo.json.postings.some((p: any) => numbers.has(p.posting_number))).toBe(false);
  });

  it("lists products without archived ones under ALL (they come with ARCHIVED), no sku, total_items", async () => {
    const all = await ozon(sim, "/v3/product/list", {
      filter: { visibility: "ALL" },
      last_id: "",
      limit: 1000,
    });
    const archived = await ozon(sim, "/v3/product/list", {
      filter: { visibility: "ARCHIVED" },
      last_id: "",
      limit: 1000,
    });
    expect(archived.json.result.items.length).toBeGreaterThan(0);
    expect(all.json.result.items.every((i: any) => i.archived === false && !("sku" in i))).toBe(true);
    expect(all.json.result.total_items).toBe(all.json.result.items.length);
    expect(all.json.result).not.toHaveProperty("total");
    expect(all.json.result.items.length + archived.json.result.items.length).toBe(
      sim.truth.listings("ozon").length,
    );
  });

  it("answers v4 stocks without warehouse_ids and with total_items", async () => {
    const r = await ozon(sim, "/v4/product/info/stocks", { filter: { visibility: "ALL" }, limit: 1000 });
    expect(r.json).toHaveProperty("total_items");
    expect(r.json).not.toHaveProperty("total");
    const entries = r.json.items.flatMap((i: any) => i.stocks);
    expect(entries.some((s: any) => s.type === "fbs")).toBe(true);
    expect(entries.every((s: any) => !("warehouse_ids" in s))).toBe(true);
  });

  it("serves FBS stock per warehouse with the warehouse's name", async () => {
    const fbs = sim.truth.stock("ozon").filter((c) => c.warehouseType === "fbs" && c.inFeed);
    expect(fbs.length).toBeGreaterThan(0);
    const offers = [...new Set(fbs.map((c) => c.offerId))].slice(0, 50);
    const r = await ozon(sim, "/v2/product/info/stocks-by-warehouse/fbs", { offer_id: offers, limit: 1000 });
    expect(r.status).toBe(200);
    expect(r.json.has_next).toBe(false);
    const wanted = fbs.filter((c) => offers.includes(c.offerId));
    expect(r.json.products.map((p: any) => `${p.sku}|${p.warehouse_name}|${p.free_stock}`).sort()).toEqual(
      wanted.map((c) => `${c.sku}|${c.warehouse}|${c.available}`).sort(),
    );
    const both = await ozon(sim, "/v2/product/info/stocks-by-warehouse/fbs", {
      sku: ["1"],
      offer_id: ["a"],
      limit: 1,
    });
    expect(both.status).toBe(400);
  });

  it("allows 50 analytics/data requests a day without Premium Plus, then answers 429 until the next day", async () => {
    const body = {
      date_from: "2026-10-20",
      date_to: "2026-10-31",
      dimension: ["sku", "day"],
      metrics: ["revenue"],
      limit: 10,
    };
    for (let i = 0; i < 50; i++) expect((await ozon(sim, "/v1/analytics/data", body)).status).toBe(200);
    const spent = await ozon(sim, "/v1/analytics/data", body);
    expect(spent.status).toBe(429);
    sim.advance({ days: 1 });
    expect((await ozon(sim, "/v1/analytics/data", body)).status).toBe(200);
  });

  it('names the warehouse of WB orders and sales since 2026-08-15 "Склад WB РФ"', async () => {
    const orders = await wb(sim, "/statistics/api/v1/supplier/orders?dateFrom=2026-10-01");
    const sales = await wb(sim, "/statistics/api/v1/supplier/sales?dateFrom=2026-10-01");
    expect(orders.json.length).toBeGreaterThan(0);
    expect(new Set([...orders.json, ...sales.json].map((r: any) => r.warehouseName))).toEqual(
      new Set(["Склад WB РФ"]),
    );
  });

  it("answers the download of a report without rows 204 without a body", async () => {
    for (const cells of sim.state.world.stock.wbByListing) {
      for (const cell of cells ?? [])
        Object.assign(cell, { available: 0, reserved: 0, inTransit: 0, visibleWhenEmpty: false });
    }
    const created = await wb(
      sim,
      "/seller-analytics/api/v1/warehouse_remains?groupByNm=true&groupByBarcode=true",
    );
    const task = created.json.data.taskId;
    await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${task}/status`);
    await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${task}/status`);
    const download = await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${task}/download`);
    expect(download.status).toBe(204);
    expect(download.text).toBe("");
  });

  it("uses the spec's turnover grades and a 28-day ads", async () => {
    const skus = sim.truth
      .listings("ozon")
      .slice(0, 100)
      .map((l: any) => String(l.sku));
    const r = await ozon(sim, "/v1/analytics/stocks", { skus });
    const grades = new Set(r.json.items.map((i: any) => i.turnover_grade));
    for (const grade of grades)
      expect(["NO_SALES", "DEFICIT", "POPULAR", "ACTUAL", "SURPLUS"]).toContain(grade);
  });
});

describe("legacy mode", () => {
  it("serves the older answers: supplier/stocks on, dir and limit 1000, region, total, warehouse_ids", async () => {
    sim.config.set({ mode: "legacy" });
    expect((await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20")).status).toBe(200);
    const fbo = await ozon(sim, "/v3/posting/fbo/list", {
      dir: "ASC",
      filter: FBO,
      limit: 1000,
      with: { analytics_data: true },
    });
    expect(fbo.status).toBe(200);
    expect(fbo.json.postings[0].analytics_data.region).toMatch(/\S/);
    const v4 = await ozon(sim, "/v4/product/info/stocks", { filter: { visibility: "ALL" }, limit: 10 });
    expect(v4.json).toHaveProperty("total");
    expect(v4.json.items[0].stocks[0]).toHaveProperty("warehouse_ids");
  });
});

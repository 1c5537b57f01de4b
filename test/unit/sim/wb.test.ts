// Wildberries endpoints: shapes, auth forms, keyset paging with repeating boundary rows, stocks-report, remains tasks.

// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { counts, start, wb } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ mode: "legacy", limitsEnabled: false, size: 600 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.config.set({
    limitsEnabled: false,
    pageSize: { wbStocks: 60_000, wbOrders: 80_000, wbSales: 80_000 },
    switchOff: {},
  });
});

/** Follows WB keyset paging: next dateFrom = last row's lastChangeDate, until a page has no new rows. */
async function pageAll(
  path: string,
  key: (row: any) => string,
  dateFrom = "2019-06-20",
): Promise<{ rows: any[]; calls: number }> {
  const rows: any[] = [];
  const seen = new Set<string>();
  let calls = 0;
  for (;;) {
    const r = await wb(sim, `${path}?dateFrom=${encodeURIComponent(dateFrom)}&flag=0`);
    calls++;
    expect(r.status).toBe(200);
    const page: any[] = r.json;
    const fresh = page.filter((row) => !seen.has(key(row)));
    for (const row of fresh) seen.add(key(row));
    rows.push(...page);
    if (page.length === 0 || fresh.length === 0) break;
    dateFrom = page[page.length - 1].lastChangeDate;
    if (calls > 500) throw new Error("paging did not end");
  }
  return { rows, calls };
}

describe("WB auth", () => {
  it("accepts the bare token and the Bearer form", async () => {
    expect(
      (await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2026-10-31", { token: "demo-wb-token" }))
        .status,
    ).toBe(200);
    expect(
      (
        await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2026-10-31", {
          token: "Bearer demo-wb-token",
        })
      ).status,
    ).toBe(200);
  });

  it("answers a wrong statistics token with plain text and a missing one with problem+json", async () => {
    const wrong = await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2026-10-31", { token: "bad" });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe("proxy: invalid token");
    const missing = await wb(sim, "/seller-analytics/api/v1/warehouse_remains", { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(missing.json).toMatchObject({
      status: 401,
      title: expect.any(String),
      origin: expect.any(String),
      requestId: expect.any(String),
    });
  });

  it("answers a token of the wrong category with 401", async () => {
    sim.config.set({ credentials: { ozon: [], wb: [{ token: "stats-only", categories: ["statistics"] }] } });
    const r = await wb(sim, "/seller-analytics/api/v1/warehouse_remains", { token: "stats-only" });
    expect(r.status).toBe(401);
    sim.config.set({
      credentials: {
        ozon: [{ clientId: "1001", apiKey: "demo-ozon-key" }],
        wb: [{ token: "demo-wb-token", categories: ["statistics", "analytics"] }],
      },
    });
  });
});

describe("GET /api/v1/supplier/stocks", () => {
  it("has the documented row shape in Moscow time without an offset", async () => {
    const r = await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20");
    const row = r.json[0];
    for (const field of [
      "lastChangeDate",
      "warehouseName",
      "supplierArticle",
      "nmId",
      "barcode",
      "quantity",
      "inWayToClient",
      "inWayFromClient",
      "quantityFull",
      "category",
      "subject",
      "brand",
      "techSize",
      "Price",
      "Discount",
      "isSupply",
      "isRealization",
      "SCCode",
    ]) {
      expect(row).toHaveProperty(field);
    }
    expect(row.lastChangeDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(r.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });

  it("pages with small pages: boundary rows repeat, and the deduplicated rows equal the truth", async () => {
    sim.config.set({ pageSize: { wbStocks: 200 } });
    const key = (r: any) => `${r.barcode}|${r.warehouseName}`;
    const { rows, calls } = await pageAll("/statistics/api/v1/supplier/stocks", key);
    expect(calls).toBeGreaterThan(3);
    expect(rows.length).toBeGreaterThan(new Set(rows.map(key)).size); // boundary rows came again
    const alias = new Map(
      sim.truth
        .warehouses()
        .aliases.filter((a) => a.marketplace === "wb")
        .map((a) => [a.name, a.canonicalName]),
    );
    const truth = sim.truth.stock("wb").filter((t) => t.inFeed);
    const unique = new Map(rows.map((r) => [`${r.barcode}|${alias.get(r.warehouseName)}`, r]));
    expect(unique.size).toBe(truth.length);
    for (const t of truth) expect(unique.get(`${t.barcode}|${t.warehouse}`)?.quantity).toBe(t.available);
  });

  it("interprets dateFrom as Moscow time", async () => {
    const all = (await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20")).json as any[];
    const pivot = all[Math.floor(all.length / 2)].lastChangeDate as string;
    const moscow = (await wb(sim, `/statistics/api/v1/supplier/stocks?dateFrom=${pivot}`)).json as any[];
    expect(moscow.every((r) => r.lastChangeDate >= pivot)).toBe(true);
    expect(moscow.length).toBe(all.filter((r) => r.lastChangeDate >= pivot).length);
    // The same instant written in UTC with Z selects the same rows.
    const utc = new Date(Date.parse(`${pivot}+03:00`)).toISOString();
    expect((await wb(sim, `/statistics/api/v1/supplier/stocks?dateFrom=${utc}`)).json).toHaveLength(
      moscow.length,
    );
  });

  it("answers 404 problem+json once switched off by config, and 400 for a missing dateFrom", async () => {
    sim.config.set({ switchOff: { "wb.stocks": "2026-06-23T00:00:00+03:00" } });
    const off = await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20");
    expect(off.status).toBe(404);
    expect(off.json.status).toBe(404);
    sim.config.set({ switchOff: { "wb.stocks": null } });
    const missing = await wb(sim, "/statistics/api/v1/supplier/stocks");
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0]).toMatch(/dateFrom/);
  });
});

describe("GET /api/v1/supplier/orders and /sales", () => {
  it("pages orders by lastChangeDate; the srids equal the truth, many rows share one timestamp", async () => {
    sim.config.set({ pageSize: { wbOrders: 700 } });
    const { rows } = await pageAll("/statistics/api/v1/supplier/orders", (r) => r.srid);
    const truth = sim.truth.sales("wb").filter((t) => t.kind === "order" && t.inFeed);
    expect(new Set(rows.map((r) => r.srid))).toEqual(new Set(truth.map((t) => t.srid)));
    const perStamp = counts(rows.map((r) => r.lastChangeDate));
    expect(Math.max(...perStamp.values())).toBeGreaterThan(5);
    const row = rows[0];
    for (const field of [
      "date",
      "lastChangeDate",
      "warehouseName",
      "warehouseType",
      "countryName",
      "oblastOkrugName",
      "regionName",
      "supplierArticle",
      "nmId",
      "barcode",
      "category",
      "subject",
      "brand",
      "techSize",
      "totalPrice",
      "discountPercent",
      "spp",
      "finishedPrice",
      "priceWithDisc",
      "isCancel",
      "cancelDate",
      "srid",
    ]) {
      expect(row).toHaveProperty(field);
    }
    expect(rows.some((r) => r.isCancel === false && r.cancelDate === "0001-01-01T00:00:00")).toBe(true);
    expect(rows.some((r) => r.isCancel === true && r.cancelDate !== "0001-01-01T00:00:00")).toBe(true);
  });

  it("lists sales (S…) and returns (R…) keyed by saleID, equal to the truth", async () => {
    const { rows } = await pageAll("/statistics/api/v1/supplier/sales", (r) => r.saleID);
    const truth = sim.truth.sales("wb").filter((t) => t.kind !== "order" && t.inFeed);
    expect(new Set(rows.map((r) => r.saleID))).toEqual(new Set(truth.map((t) => t.saleId)));
    expect(rows.some((r) => r.saleID.startsWith("S") && r.forPay > 0)).toBe(true);
    expect(rows.some((r) => r.saleID.startsWith("R") && r.forPay < 0)).toBe(true);
    expect(rows[0]).toHaveProperty("paymentSaleAmount");
  });

  it("with flag=1 returns the orders of one day regardless of lastChangeDate", async () => {
    const r = await wb(sim, "/statistics/api/v1/supplier/orders?dateFrom=2026-10-25&flag=1");
    const truth = sim.truth
      .sales("wb")
      .filter((t) => t.kind === "order" && t.inFeed && t.date.startsWith("2026-10-25"));
    expect(r.json.length).toBe(truth.length);
    expect(r.json.length).toBeGreaterThan(0);
  });
});

describe("POST /api/analytics/v1/stocks-report/wb-warehouses", () => {
  it("pages by offset to a short page, one row per size × warehouse, equal to the truth", async () => {
    const items: any[] = [];
    for (let offset = 0; ; offset += 400) {
      const r = await wb(sim, "/seller-analytics/api/analytics/v1/stocks-report/wb-warehouses", {
        method: "POST",
        body: { nmIds: [], chrtIds: [], limit: 400, offset },
      });
      expect(r.status).toBe(200);
      items.push(...r.json.data.items);
      if (r.json.data.items.length < 400) break;
    }
    const truth = sim.truth.stock("wb").filter((t) => t.inFeed);
    expect(counts(items.map((i) => `${i.chrtId}|${i.warehouseId}`)).size).toBe(items.length);
    expect(items.length).toBe(truth.length);
    expect(items.reduce((s, i) => s + i.quantity, 0)).toBe(truth.reduce((s, t) => s + t.available, 0));
    expect(Object.keys(items[0]).sort()).toEqual([
      "chrtId",
      "inWayFromClient",
      "inWayToClient",
      "nmId",
      "quantity",
      "regionName",
      "warehouseId",
      "warehouseName",
    ]);
  });

  it("can report everything under warehouse -999999 Склад WB", async () => {
    sim.config.set({ stocksReportSingleWarehouse: true });
    const r = await wb(sim, "/seller-analytics/api/analytics/v1/stocks-report/wb-warehouses", {
      method: "POST",
      body: { limit: 250000, offset: 0 },
    });
    expect(
      r.json.data.items.every((i: any) => i.warehouseId === -999999 && i.warehouseName === "Склад WB"),
    ).toBe(true);
    sim.config.set({ stocksReportSingleWarehouse: false });
  });
});

describe("warehouse-remains task trio", () => {
  it("creates a task, reports processing then done, and downloads rows with pseudo-warehouses", async () => {
    const created = await wb(
      sim,
      "/seller-analytics/api/v1/warehouse_remains?groupByNm=true&groupByBarcode=true",
    );
    expect(created.status).toBe(200);
    const id = created.json.data.taskId as string;
    const early = await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${id}/download`);
    expect(early.status).toBe(400);
    const first = await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${id}/status`);
    expect(first.json.data).toEqual({ id, status: "processing" });
    const second = await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${id}/status`);
    expect(second.json.data.status).toBe("done");
    const rows = (await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${id}/download`))
      .json as any[];
    expect(rows[0]).toMatchObject({
      brand: expect.any(String),
      subjectName: expect.any(String),
      vendorCode: expect.any(String),
      nmId: expect.any(Number),
      barcode: expect.any(String),
      techSize: expect.any(String),
      volume: expect.any(Number),
    });
    const aliases = sim.truth.warehouses().aliases.filter((a) => a.marketplace === "wb");
    const kind = new Map(aliases.map((a) => [a.name, a.kind]));
    const names = rows.flatMap((r) => r.warehouses.map((w: any) => w.warehouseName));
    expect(names).toContain("В пути до получателей");
    expect(names).toContain("Всего находится на складах");
    const real = rows
      .flatMap((r) => r.warehouses)
      .filter((w: any) => kind.get(w.warehouseName) === "warehouse");
    expect(real.reduce((s: number, w: any) => s + w.quantity, 0)).toBe(
      sim.truth.stock("wb").reduce((s, t) => s + t.available, 0),
    );
    const unknown = await wb(sim, "/seller-analytics/api/v1/warehouse_remains/tasks/nope/status");
    expect(unknown.status).toBe(404);
  });

  it("reports aggregated Склад WB РФ once configured", async () => {
    sim.config.set({ remainsAggregatedFrom: "2026-08-15", remainsPollsUntilDone: 0 });
    const id = (await wb(sim, "/seller-analytics/api/v1/warehouse_remains")).json.data.taskId;
    await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${id}/status`);
    const rows = (await wb(sim, `/seller-analytics/api/v1/warehouse_remains/tasks/${id}/download`))
      .json as any[];
    const names = new Set(rows.flatMap((r) => r.warehouses.map((w: any) => w.warehouseName)));
    expect(names.has("Склад WB РФ")).toBe(true);
    expect(names.has("Коледино")).toBe(false);
    sim.config.set({ remainsAggregatedFrom: null, remainsPollsUntilDone: 1 });
  });
});

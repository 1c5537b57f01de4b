// The simulated clock: advancing it places orders, moves stock, grows the sales feeds, and re-stamps changed rows.
// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { control, ozon, start, wb } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ mode: "legacy", limitsEnabled: false, size: 800 });
});
afterAll(() => sim.close());

async function wbOrders(dateFrom: string): Promise<any[]> {
  return (await wb(sim, `/statistics/api/v1/supplier/orders?dateFrom=${encodeURIComponent(dateFrom)}&flag=0`))
    .json;
}

describe("advancing the clock", () => {
  it("grows the WB orders feed; an incremental sync from the last lastChangeDate sees the new rows and cancellations", async () => {
    sim.reset();
    const before = await wbOrders("2019-06-20");
    const last = before.at(-1).lastChangeDate as string;
    const summary = await control(sim, "POST", "/advance", { hours: 48 });
    expect(summary.status).toBe(200);
    expect(summary.json.newWbOrders).toBeGreaterThan(0);
    expect(sim.now().toISOString()).toBe("2026-11-03T06:00:00.000Z");
    const incremental = await wbOrders(last);
    expect(incremental[0].lastChangeDate).toBe(last); // >= repeats the boundary rows
    const known = new Map(before.map((r) => [r.srid, r]));
    const fresh = incremental.filter((r) => !known.has(r.srid));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.date >= "2026-11-01T09:00:00")).toBe(true); // placed after the start (Moscow time)
    const cancelledLater = incremental.filter(
      (r) => known.get(r.srid)?.isCancel === false && r.isCancel === true,
    );
    expect(cancelledLater.length).toBeGreaterThan(0);
    const all = new Set([...before, ...incremental].map((r) => r.srid));
    const truth = sim.truth.sales("wb").filter((t) => t.kind === "order" && t.inFeed);
    expect(all).toEqual(new Set(truth.map((t) => t.srid)));
  });

  it("changes stock: orders take units, and the Ozon postings feed grows", async () => {
    sim.reset();
    const before = new Map(sim.truth.stock("ozon").map((t) => [`${t.sku}|${t.warehouseId}`, t.available]));
    const postingsBefore = sim.truth.sales("ozon").length;
    const summary = sim.advance({ days: 3 });
    expect(summary.newOzonPostings).toBeGreaterThan(0);
    expect(sim.truth.sales("ozon").length).toBe(postingsBefore + summary.newOzonPostings);
    const after = sim.truth.stock("ozon");
    const decreased = after.filter((t) => t.available < (before.get(`${t.sku}|${t.warehouseId}`) ?? 0));
    expect(decreased.length).toBeGreaterThan(0);
    const rows: any[] = (await ozon(sim, "/v2/analytics/stock_on_warehouses", { limit: 1000, offset: 0 }))
      .json.result.rows;
    const t = decreased.find((d) => d.inFeed && rows.some((r) => r.sku === d.sku));
    if (t) {
      const sum = rows.filter((r) => r.sku === t.sku).reduce((s, r) => s + r.free_to_sell_amount, 0);
      const truthSum = after
        .filter((x) => x.sku === t.sku && x.inFeed && x.warehouseType === "fbo")
        .reduce((s, x) => s + x.available, 0);
      expect(sum).toBe(truthSum);
    }
  });

  it("drops a sold-out row from the stock feed while the truth says 0", async () => {
    sim.reset();
    const wasListed = new Set(
      sim.truth
        .stock("wb")
        .filter((t) => t.inFeed && t.available > 0)
        .map((t) => `${t.barcode}|${t.warehouseId}`),
    );
    sim.advance({ days: 10 });
    const gone = sim.truth
      .stock("wb")
      .filter((t) => !t.inFeed && wasListed.has(`${t.barcode}|${t.warehouseId}`));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((t) => t.available === 0 && t.reserved === 0)).toBe(true);
    const feed: any[] = (await wb(sim, "/statistics/api/v1/supplier/stocks?dateFrom=2019-06-20")).json;
    const barcodes = new Set(feed.map((r) => r.barcode));
    const fullyGone = gone.filter((g) =>
      sim.truth.stock("wb").every((t) => t.barcode !== g.barcode || !t.inFeed),
    );
    for (const g of fullyGone) expect(barcodes.has(g.barcode)).toBe(false);
  });

  it("moves Ozon postings through their statuses", async () => {
    sim.reset();
    const body = {
      filter: { since: "2026-10-31T00:00:00Z", to: "2026-11-01T06:00:00Z", status: "" },
      limit: 1000,
      cursor: "",
    };
    const before: any[] = (await ozon(sim, "/v3/posting/fbo/list", body)).json.postings;
    sim.advance({ days: 6 });
    const after = new Map(
      ((await ozon(sim, "/v3/posting/fbo/list", body)).json.postings as any[]).map((p) => [
        p.posting_number,
        p.status,
      ]),
    );
    expect(before.some((p) => p.status !== "delivered" && after.get(p.posting_number) === "delivered")).toBe(
      true,
    );
  });

  it("rejects a bad advance body naming the field", async () => {
    const bad = await control(sim, "POST", "/advance", { hours: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("hours");
    expect((await control(sim, "POST", "/advance", {})).status).toBe(400);
  });
});

describe("control API", () => {
  it("resets to a new seed and size and reports the counts", async () => {
    const r = await control(sim, "POST", "/reset", { seed: 99, size: 300 });
    expect(r.status).toBe(200);
    expect(r.json.listings.ozon + r.json.listings.wb).toBe(300);
    expect(r.json.now).toBe("2026-11-01T06:00:00.000Z");
    expect(sim.truth.listings("ozon").length + sim.truth.listings("wb").length).toBe(300);
    const again = await control(sim, "POST", "/reset", { seed: 99, size: 300 });
    expect(again.json).toEqual(r.json);
    expect((await control(sim, "POST", "/reset", { size: "big" })).json.error.issues[0].path).toBe("size");
  });

  it("serves truth over HTTP: stock rows carry listing identities and canonical warehouses", async () => {
    const stock = (await control(sim, "GET", "/truth/stock?marketplace=wb")).json as any[];
    expect(stock[0]).toMatchObject({
      nmId: expect.any(Number),
      chrtId: expect.any(Number),
      barcode: expect.any(String),
      techSize: expect.any(String),
      supplierArticle: expect.any(String),
      available: expect.any(Number),
      reserved: expect.any(Number),
      inTransit: expect.any(Number),
    });
    const canonical = new Set(sim.truth.warehouses().canonical.map((w) => w.name));
    expect(stock.every((s) => canonical.has(s.warehouse))).toBe(true);
    const sales = (await control(sim, "GET", "/truth/sales?marketplace=ozon")).json as any[];
    expect(sales[0]).toMatchObject({ postingNumber: expect.any(String), sku: expect.any(Number) });
    const warehouses = (await control(sim, "GET", "/truth/warehouses")).json;
    expect(warehouses.aliases.find((a: any) => a.name === "РОСТОВ-НА-ДОНУ_РФЦ")).toMatchObject({
      canonicalName: "Ростов-на-Дону",
      kind: "warehouse",
    });
    expect(warehouses.aliases.find((a: any) => a.name === "В пути до получателей").kind).toBe("pseudo");
    expect((await control(sim, "GET", "/truth/stock?marketplace=amazon")).status).toBe(400);
  });

  it("changes config over HTTP and rejects unknown or bad fields by name", async () => {
    const ok = await control(sim, "PUT", "/config", { pageSize: { wbOrders: 10 } });
    expect(ok.json.pageSize).toEqual({ wbStocks: 60_000, wbOrders: 10, wbSales: 80_000 });
    expect(
      ((await wb(sim, "/statistics/api/v1/supplier/orders?dateFrom=2019-06-20")).json as any[]).length,
    ).toBe(10);
    const bad = await control(sim, "PUT", "/config", { pageSize: { wbOrders: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("pageSize.wbOrders");
    const unknown = await control(sim, "PUT", "/config", { nope: true });
    expect(unknown.status).toBe(400);
    await control(sim, "PUT", "/config", { pageSize: { wbOrders: 80_000 } });
  });

  it("reports request stats per endpoint", async () => {
    await control(sim, "DELETE", "/stats");
    await wb(sim, "/statistics/api/v1/supplier/sales?dateFrom=2026-10-31");
    await wb(sim, "/statistics/api/v1/supplier/sales?dateFrom=2026-10-31", { token: "bad" });
    const stats = (await control(sim, "GET", "/stats?endpoint=wb.sales")).json;
    expect(stats.requests.map((r: any) => r.status)).toEqual([200, 401]);
    expect(stats.summary["wb.sales"].byStatus).toEqual({ 200: 1, 401: 1 });
  });
});

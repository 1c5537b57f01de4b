// Deterministic generation: same seed + size → identical data; a large world has 100,000+ stock rows.

import { describe, expect, it } from "vitest";
import { World } from "../../../dev/sim/world";

const start = Date.parse("2026-11-01T06:00:00Z");

function snapshot(world: World) {
  return JSON.stringify({
    ozon: world.catalog.ozon.map((l) => [l.sku, l.productId, l.offerId, l.velocity, l.profile]),
    wb: world.catalog.wb.map((l) => [l.nmId, l.chrtId, l.barcode, l.techSize, l.supplierArticle]),
    cells: [...world.stock.ozon, ...world.stock.wb].map((c) => [
      c.id,
      c.warehouse.id,
      c.available,
      c.reserved,
      c.inTransit,
    ]),
    wbOrders: world.wbOrders.map((o) => [o.srid, o.date, o.cancelAt, o.saleAt]),
    postings: world.ozonPostings.map((p) => [p.postingNumber, p.createdAt, p.quantity]),
  });
}

describe("world generation", () => {
  it("is identical for the same seed and size, including after the same advance", () => {
    const a = new World({ seed: 11, size: 500, start, historyDays: 10 });
    const b = new World({ seed: 11, size: 500, start, historyDays: 10 });
    expect(snapshot(a)).toBe(snapshot(b));
    a.advance(36 * 3600_000);
    b.advance(36 * 3600_000);
    expect(snapshot(a)).toBe(snapshot(b));
  });

  it("differs for a different seed", () => {
    const a = new World({ seed: 11, size: 500, start, historyDays: 10 });
    const b = new World({ seed: 12, size: 500, start, historyDays: 10 });
    expect(snapshot(a)).not.toBe(snapshot(b));
  });

  it("makes exactly `size` listings with a believable mix", () => {
    const world = new World({ seed: 3, size: 2000, start, historyDays: 30 });
    const { ozon, wb } = world.catalog;
    expect(ozon.length + wb.length).toBe(2000);
    const profiles = new Set([...ozon, ...wb].map((l) => l.profile));
    expect([...profiles].sort()).toEqual(["gone", "low", "normal", "out", "overstock"]);
    // Products sold on both marketplaces share the seller article: one-size Ozon offer_id == WB supplierArticle.
    const wbArticles = new Set(wb.map((l) => l.supplierArticle));
    const shared = ozon.filter((l) => l.size === "0" && wbArticles.has(l.offerId));
    expect(shared.length).toBeGreaterThan(50);
    const totals = (l: (typeof ozon)[number]) =>
      (world.stock.ozonByListing[l.index] ?? [])
        .filter((c) => c.warehouse.type === "fbo")
        .reduce((s, c) => s + c.available, 0);
    expect(ozon.some((l) => l.profile === "overstock" && totals(l) > 100)).toBe(true);
    expect(ozon.some((l) => l.profile === "low" && totals(l) >= 1 && totals(l) <= 20)).toBe(true);
    expect(
      world.stock.ozon.some((c) => c.available + c.reserved + c.inTransit === 0 && !c.visibleWhenEmpty),
    ).toBe(true);
  });

  it("generates 100,000 stock rows for a large seller", () => {
    const world = new World({ seed: 5, size: 32_000, start, historyDays: 7 });
    expect(world.stock.ozon.length + world.stock.wb.length).toBeGreaterThanOrEqual(100_000);
    const ids = new Set([...world.stock.ozon, ...world.stock.wb].map((c) => c.id));
    expect(ids.size).toBe(world.stock.ozon.length + world.stock.wb.length);
  });

  it("has weekly seasonality in the order history", () => {
    const world = new World({ seed: 9, size: 3000, start, historyDays: 28 });
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const o of world.wbOrders) {
      const weekday = new Date(o.date + 3 * 3600_000).getUTCDay();
      byWeekday[weekday] = (byWeekday[weekday] ?? 0) + 1;
    }
    // Sunday (0) sells clearly more than Monday (1).
    expect(byWeekday[0] ?? 0).toBeGreaterThan((byWeekday[1] ?? 0) * 1.15);
  });
});

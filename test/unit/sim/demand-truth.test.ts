// The simulator's demand truth: each listing's true rate, and every order a stock-out turned away.
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../../dev/sim/clock";
import { SimState } from "../../../dev/sim/state";
import { demandTruth } from "../../../dev/sim/truth";

describe("demandTruth", () => {
  it("counts every lost order of an advance, by marketplace, at the listing's order size", () => {
    const state = new SimState({ seed: 5, size: 400, historyDays: 0 });
    const summary = state.world.advance(20 * DAY_MS);
    const ozon = demandTruth(state, "ozon");
    const wb = demandTruth(state, "wb");
    const lostOrders = [...ozon, ...wb].flatMap((row) => Object.values(row.lostOrdersByDay));
    expect(summary.lostSales).toBeGreaterThan(0);
    expect(lostOrders.reduce((sum, n) => sum + n, 0)).toBe(summary.lostSales);
    const wbLost = wb.reduce((sum, row) => sum + row.lostUnits, 0);
    const wbOrders = wb.flatMap((row) => Object.values(row.lostOrdersByDay)).reduce((sum, n) => sum + n, 0);
    expect(wbLost).toBe(wbOrders);
    for (const row of ozon) {
      const orders = Object.values(row.lostOrdersByDay).reduce((sum, n) => sum + n, 0);
      expect(row.lostUnits).toBeCloseTo(orders * 1.1, 9);
    }
  });

  it("gives the true rate: a WB listing's velocity, an Ozon one's × 1.1 units an order", () => {
    const state = new SimState({ seed: 5, size: 400, historyDays: 0 });
    const ozonListing = state.world.catalog.ozon[0];
    const wbListing = state.world.catalog.wb[0];
    expect(demandTruth(state, "ozon")[0]?.demandPerDay).toBeCloseTo((ozonListing?.velocity ?? 0) * 1.1, 9);
    expect(demandTruth(state, "wb")[0]?.demandPerDay).toBe(wbListing?.velocity);
  });
});

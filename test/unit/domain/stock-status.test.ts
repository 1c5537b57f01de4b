// Stock status by cover (the default) and by units, with hand-computed cases; the settings check; and
// the guard that no product is overstock while its reorder is due.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATUS_RULES,
  type StatusRules,
  statusRulesProblem,
  stockBand,
  stockStatus,
} from "../../../domain/stock-status";

// Lead time 14, safety 7, ceiling 120 days.
const cover: StatusRules = DEFAULT_STATUS_RULES;
const units: StatusRules = { ...DEFAULT_STATUS_RULES, statusBasis: "units" };

describe("stockStatus by days of cover", () => {
  // v = 2/day: lead time 14 → 28 units, lead + safety 21 → 42 units, ceiling 120 → 240 units.
  it.each([
    [0, 2, "critical"], // out of stock
    [27, 2, "critical"], // 13.5 days < 14
    [28, 2, "low"], // 14 days: not below the lead time
    [41, 2, "low"], // 20.5 days < 21
    [42, 2, "normal"], // 21 days
    [240, 2, "normal"], // 120 days: at the ceiling
    [241, 2, "overstock"], // 120.5 days
    [0, 0, "critical"], // no stock, no sales
    [5, 0, "overstock"], // stock that did not sell in the window
  ] as const)("%i units at %f a day is %s", (available, velocity, status) => {
    expect(stockStatus({ available, inTransit: 0, velocity }, cover)).toBe(status);
  });

  it("the issue's NV-00071 (198 units, 12.6 a day, 15.7 days) is low, not overstock", () => {
    // 12.6 × 14 = 176.4 ≤ 198 < 12.6 × 21 = 264.6
    expect(stockStatus({ available: 198, inTransit: 0, velocity: 12.6 }, cover)).toBe("low");
  });

  it("11.5 days of cover against a 14-day lead time is critical", () => {
    expect(stockStatus({ available: 23, inTransit: 0, velocity: 2 }, cover)).toBe("critical");
  });

  it("a slow seller over the ceiling whose reorder is due is normal, not overstock", () => {
    // v = 1/365: ceiling 120 days = 0.33 units, so 1 unit is over it; reorder point ⌈0.038⌉ + ⌈0.019⌉ = 2 ≥ 1.
    const stock = { available: 1, inTransit: 0, velocity: 1 / 365 };
    expect(stockBand(stock, cover)).toBe("overstock");
    expect(stockStatus(stock, cover)).toBe("normal");
    // With 2 more in transit the position (3) is above the reorder point: overstock again.
    expect(stockStatus({ ...stock, inTransit: 2 }, cover)).toBe("overstock");
  });
});

describe("stockStatus by units", () => {
  it.each([
    [0, "critical"],
    [5, "critical"],
    [6, "low"],
    [20, "low"],
    [21, "normal"],
    [100, "normal"],
    [101, "overstock"],
  ] as const)("%i units (no sales) is %s", (available, status) => {
    expect(stockStatus({ available, inTransit: 0, velocity: 0 }, units)).toBe(status);
  });

  it("198 units over 100 with an order due (12.6 a day) is normal, not overstock", () => {
    // Reorder point ⌈12.6 × 14⌉ + ⌈12.6 × 7⌉ = 177 + 89 = 266 ≥ 198.
    expect(stockBand({ available: 198, inTransit: 0, velocity: 12.6 }, units)).toBe("overstock");
    expect(stockStatus({ available: 198, inTransit: 0, velocity: 12.6 }, units)).toBe("normal");
    expect(stockStatus({ available: 198, inTransit: 70, velocity: 12.6 }, units)).toBe("overstock");
  });
});

describe("statusRulesProblem", () => {
  it("accepts the defaults", () => {
    expect(statusRulesProblem(cover)).toBeNull();
  });
  it("names lowMax when the units thresholds are out of order", () => {
    expect(statusRulesProblem({ ...cover, lowMax: 200 })).toMatch(/^lowMax:/);
  });
  it("names coverCeilingDays when the ceiling is not above lead time + safety days", () => {
    expect(statusRulesProblem({ ...cover, coverCeilingDays: 21 })).toMatch(/^coverCeilingDays:/);
    expect(statusRulesProblem({ ...cover, coverCeilingDays: 22 })).toBeNull();
  });
});

// Demand forecast by hand: exponential smoothing, TSB, the intermittency test and censored days.
import { describe, expect, it } from "vitest";
import {
  averageDemandInterval,
  forecastDailyDemand,
  observedDemand,
  simpleExponentialSmoothing,
  tsb,
} from "../../../domain/forecast";

const inStock = (units: number) => ({ units, inStock: true });
const out = { units: 0, inStock: false };

describe("simpleExponentialSmoothing", () => {
  it("α 0.5 over 4, 2, 6: 4 → 3 → 4.5", () => {
    expect(simpleExponentialSmoothing([4, 2, 6], 0.5)).toBe(4.5);
  });
  it("is null without data", () => {
    expect(simpleExponentialSmoothing([], 0.5)).toBeNull();
  });
});

describe("tsb", () => {
  it("α 0.5, β 0.5 over 0, 3, 0, 0, 5 is 0.575 × 4.25", () => {
    // p0 = 2/5 = 0.4, z0 = (3 + 5)/2 = 4; p: 0.2, 0.6, 0.3, 0.15, 0.575; z: 4, 3.5, 3.5, 3.5, 4.25.
    expect(tsb([0, 3, 0, 0, 5], 0.5, 0.5)).toBeCloseTo(2.44375, 12);
  });
  it("is 0 for a series without demand", () => {
    expect(tsb([0, 0, 0], 0.5, 0.5)).toBe(0);
  });
});

describe("forecastDailyDemand", () => {
  it("leaves days out of stock out instead of counting them as zero", () => {
    const days = [inStock(4), out, inStock(2), inStock(6)];
    expect(observedDemand(days)).toEqual([4, 2, 6]);
    const forecast = forecastDailyDemand(days, { alpha: 0.5, beta: 0.5 });
    // With the out-of-stock day as a zero the level would be 4 → 2 → 2 → 4.
    expect(forecast).toMatchObject({ model: "ses", perDay: 4.5, observedDays: 3, censoredDays: 1 });
    expect(forecast.explanation).toContain("1 days out of stock left out");
  });
  it("takes TSB for an intermittent series (a sale every 2.5 days)", () => {
    const days = [0, 3, 0, 0, 5].map(inStock);
    expect(averageDemandInterval([0, 3, 0, 0, 5])).toBe(2.5);
    const forecast = forecastDailyDemand(days, { alpha: 0.5, beta: 0.5 });
    expect(forecast.model).toBe("tsb");
    expect(forecast.perDay).toBeCloseTo(2.44375, 12);
  });
  it("says none when every day was out of stock", () => {
    expect(forecastDailyDemand([out, out])).toMatchObject({ model: "none", perDay: 0, censoredDays: 2 });
  });
});

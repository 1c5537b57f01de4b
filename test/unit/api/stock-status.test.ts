// Stock status thresholds: critical ≤ 5, low 6–20, normal, overstock > 100 by default.
import { describe, expect, it } from "vitest";
import { stockStatus } from "../../../worker/api/stock";

const defaults = { criticalMax: 5, lowMax: 20, overstockMin: 100 };

describe("stockStatus", () => {
  it.each([
    [0, "critical"],
    [5, "critical"],
    [6, "low"],
    [20, "low"],
    [21, "normal"],
    [100, "normal"],
    [101, "overstock"],
  ])("%i units is %s", (available, status) => {
    expect(stockStatus(available, defaults)).toBe(status);
  });
});

// Replenishment figures checked against hand-computed numbers.
import { describe, expect, it } from "vitest";
import { replenish, stockoutDate, targetCoverProblem } from "../../../domain/replenishment";

const settings = { leadTimeDays: 14, safetyStockDays: 7, targetCoverDays: 45 };

describe("replenish", () => {
  it("suggests topping up to the target cover when at or below the reorder point", () => {
    // velocity 2/day: safety 14, reorder point 28 + 14 = 42, target 90 + 14 = 104, position 30 + 10 = 40.
    const result = replenish({ available: 30, inTransit: 10, velocity: 2, ...settings });
    expect(result).toMatchObject({
      safetyStock: 14,
      reorderPoint: 42,
      targetStock: 104,
      stockPosition: 40,
      needsReorder: true,
      suggestedQuantity: 64,
      daysOfCover: 15,
      reorderInDays: 0,
    });
    expect(result.explanation).toContain("order 64");
  });

  it("suggests nothing above the reorder point and says when to reorder", () => {
    // velocity 1.5: safety ⌈10.5⌉ = 11, reorder point 21 + 11 = 32, position 80 → (80 − 32) / 1.5 = 32 days.
    const result = replenish({ available: 80, inTransit: 0, velocity: 1.5, ...settings });
    expect(result).toMatchObject({
      reorderPoint: 32,
      needsReorder: false,
      suggestedQuantity: 0,
      reorderInDays: 32,
      daysOfCover: 53.3,
    });
  });

  it("never reorders a product without sales", () => {
    const result = replenish({ available: 0, inTransit: 0, velocity: 0, ...settings });
    expect(result).toMatchObject({
      needsReorder: false,
      suggestedQuantity: 0,
      daysOfCover: null,
      reorderInDays: null,
    });
  });

  it("projects the stock-out day from whole days of cover", () => {
    expect(stockoutDate(new Date("2026-03-01T10:00:00Z"), 15.9)).toBe("2026-03-16");
    expect(stockoutDate(new Date("2026-03-01T10:00:00Z"), null)).toBeNull();
  });
});

describe("targetCoverProblem", () => {
  const defaults = { leadTimeDays: 14, safetyStockDays: 7, targetCoverDays: 45, coverCeilingDays: 120 };

  it("accepts the defaults and a target cover up to the cover ceiling", () => {
    expect(targetCoverProblem(defaults)).toBeNull();
    expect(targetCoverProblem({ ...defaults, targetCoverDays: 22 })).toBeNull();
    expect(targetCoverProblem({ ...defaults, targetCoverDays: 120 })).toBeNull();
  });

  it("refuses a target cover within lead time + safety days (lead 30, target 10 told a due product: order 0)", () => {
    expect(targetCoverProblem({ ...defaults, leadTimeDays: 30, targetCoverDays: 10 })).toBe(
      "target_cover_short",
    );
    expect(targetCoverProblem({ ...defaults, targetCoverDays: 21 })).toBe("target_cover_short");
  });

  it("refuses a target cover above the cover ceiling", () => {
    expect(targetCoverProblem({ ...defaults, targetCoverDays: 200 })).toBe("target_cover_over_ceiling");
  });
});

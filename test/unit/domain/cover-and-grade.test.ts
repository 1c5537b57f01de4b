// Velocity, days of cover, stock-out date, the reorder point and Ozon's turnover grades, by hand.
import { describe, expect, it } from "vitest";
import { daysOfCover, stockoutDate, velocity } from "../../../domain/cover";
import { reorderDue, reorderPoint } from "../../../domain/replenishment";
import { turnoverGrade } from "../../../domain/turnover-grade";

describe("velocity and cover", () => {
  it("velocity is units over the window's days", () => {
    expect(velocity(90, 30)).toBe(3);
    expect(velocity(0, 30)).toBe(0);
    expect(velocity(10, 0)).toBe(0);
  });
  it("cover is available over velocity, one decimal, null without sales", () => {
    expect(daysOfCover(100, 3)).toBe(33.3);
    expect(daysOfCover(0, 3)).toBe(0);
    expect(daysOfCover(100, 0)).toBeNull();
  });
  it("the stock-out date is today plus whole days of cover", () => {
    expect(stockoutDate(new Date("2026-12-06T15:00:00Z"), 33.3)).toBe("2027-01-08");
    expect(stockoutDate(new Date("2026-12-06T15:00:00Z"), null)).toBeNull();
  });
});

describe("reorder point", () => {
  it("is ⌈v × lead time⌉ + ⌈v × safety days⌉", () => {
    // 2.5 × 14 = 35, 2.5 × 7 = 17.5 → 18
    expect(reorderPoint(2.5, 14, 7)).toBe(53);
  });
  it("is due at or below it, counting stock in transit, and never without sales", () => {
    const settings = { leadTimeDays: 14, safetyStockDays: 7 };
    expect(reorderDue({ available: 50, inTransit: 3, velocity: 2.5 }, settings)).toBe(true);
    expect(reorderDue({ available: 50, inTransit: 4, velocity: 2.5 }, settings)).toBe(false);
    expect(reorderDue({ available: 0, inTransit: 0, velocity: 0 }, settings)).toBe(false);
  });
});

describe("turnoverGrade (Ozon)", () => {
  it.each([
    [27, 1, "DEFICIT"],
    [28, 1, "POPULAR"],
    [55, 1, "POPULAR"],
    [56, 1, "ACTUAL"],
    [120, 1, "ACTUAL"],
    [121, 1, "SURPLUS"],
    [240, 2, "ACTUAL"],
    [10, 0, "NO_SALES"],
  ] as const)("%i units at %i a day is %s", (available, v, grade) => {
    expect(turnoverGrade(available, v)).toBe(grade);
  });
});

// The supply plan against "order now" (domain/supply-reconciliation.ts), by hand: a product whose two
// destinations are both due reconciles exactly; one short while the other holds stock is named; packs add.
import { describe, expect, it } from "vitest";
import { supplyLine } from "../../../domain/supply-plan";
import {
  explainReconciliation,
  reconcilePlan,
  reconcileProduct,
} from "../../../domain/supply-reconciliation";

// Lead time 14, safety 7, target cover 45, ceiling 120 days.
const settings = { leadTimeDays: 14, safetyStockDays: 7, targetCoverDays: 45 };

// Every line of product 7 at its one unit price, 250.5 ₽.
const UNIT_PRICE = 250.5;

function line(destination: string, available: number, velocity: number, packSize = 1) {
  const numbers = supplyLine({
    available,
    inTransit: 0,
    velocity,
    ...settings,
    coverCeilingDays: 120,
    minOrderUnits: 1,
    packSize,
  });
  return {
    productId: 7,
    article: "P-7",
    destination,
    available,
    inTransit: 0,
    velocity,
    unitPrice: UNIT_PRICE,
    ...numbers,
  };
}

describe("reconcileProduct", () => {
  it("two destinations both due: the plan is the order-now", () => {
    // Product 2/day, position 10, reorder point 28 + 14 = 42: due, target 90 + 14 = 104 → order 94.
    // Each destination 1/day, 5 units: target 45 + 7 = 52 → 47 each = 94.
    const result = reconcileProduct([line("A", 5, 1), line("B", 5, 1)], 2, settings);
    expect(result).toMatchObject({
      planUnits: 94,
      orderNowUnits: 94,
      // 94 × 250.5 = 23,547 ₽ on both sides.
      planValue: 23547,
      orderNowValue: 23547,
      packsAndMinimum: 0,
      coverCap: 0,
      destinations: 0,
    });
  });

  it("one destination short while another holds stock: named, and packs of 10 add to it", () => {
    // Product 2/day, position 100 above its reorder point 42: order-now 0. A (1/day, 0 units): short 52 →
    // 6 packs of 10 = 60. B (1/day, 100 units) is above its reorder point 21.
    const result = reconcileProduct([line("A", 0, 1, 10), line("B", 100, 1, 10)], 2, settings);
    expect(result).toEqual({
      productId: 7,
      article: "P-7",
      planUnits: 60,
      orderNowUnits: 0,
      // 60 × 250.5 = 15,030 ₽.
      planValue: 15030,
      orderNowValue: 0,
      packsAndMinimum: 8,
      coverCap: 0,
      destinations: 52,
      short: ["A"],
      surplus: ["B"],
    });
    const plan = reconcilePlan([result]);
    expect(plan.planUnits).toBe(
      plan.orderNowUnits + plan.packsAndMinimum + plan.coverCap + plan.destinations,
    );
    expect(explainReconciliation(plan)).toBe(
      "plan 60 units (15030 RUB) vs order-now 0 units (0 RUB): +8 from packs and minimum orders, +52 because destinations are planned one by one: one is short while another has stock the order-now counts (e.g. P-7: A short while B holds stock).",
    );
    // Two destinations holding stock agree with their verb.
    const two = { ...plan, products: plan.products.map((p) => ({ ...p, surplus: ["B", "C"] })) };
    expect(explainReconciliation(two)).toContain("(e.g. P-7: A short while B, C hold stock)");
  });
});

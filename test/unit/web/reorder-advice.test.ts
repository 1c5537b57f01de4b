// Reorder advice on the product page: the same numbers as the API's recommendations, explained.
import { describe, expect, it } from "vitest";
import { explainReorder, reorderAdvice } from "../../../web/src/lib/reorder-advice";

const settings = { leadTimeDays: 14, safetyStockDays: 7, targetCoverDays: 30 };

describe("reorderAdvice", () => {
  it("orders up to the target cover when the stock position is at or below the reorder point", () => {
    // velocity 2/day: safety 14, reorder point 28 + 14 = 42, target 60 + 14 = 74; position 30 + 5 = 35.
    const inputs = { available: 30, inTransit: 5, velocity: 2, ...settings };
    const advice = reorderAdvice(inputs);
    expect(advice).toEqual({
      safetyStock: 14,
      reorderPoint: 42,
      targetStock: 74,
      stockPosition: 35,
      needsReorder: true,
      suggestedQuantity: 39,
      daysOfCover: 15,
      reorderInDays: 0,
    });
    const en = explainReorder(inputs, advice, "en");
    expect(en.at(-1)).toContain("order 39 to reach 74");
    expect(explainReorder(inputs, advice, "ru").at(-1)).toContain("закажите 39");
  });

  it("says when to reorder while above the reorder point", () => {
    const advice = reorderAdvice({ available: 100, inTransit: 0, velocity: 2, ...settings });
    expect(advice.needsReorder).toBe(false);
    expect(advice.suggestedQuantity).toBe(0);
    expect(advice.reorderInDays).toBe(29);
  });

  it("advises nothing without sales", () => {
    const inputs = { available: 3, inTransit: 0, velocity: 0, ...settings };
    const advice = reorderAdvice(inputs);
    expect(advice.needsReorder).toBe(false);
    expect(advice.reorderInDays).toBeNull();
    expect(explainReorder(inputs, advice, "en")[0]).toMatch(/No sales/);
  });

  it("writes Russian numbers with a decimal comma and day counts that agree", () => {
    const inputs = {
      available: 1200,
      inTransit: 0,
      velocity: 2.5,
      leadTimeDays: 21,
      safetyStockDays: 2,
      targetCoverDays: 30,
    };
    const [safety, point] = explainReorder(inputs, reorderAdvice(inputs), "ru");
    expect(safety).toBe("Страховой запас 5 = 2,5/день × 2 дня.");
    expect(point).toContain("× 21 день поставки");
  });
});

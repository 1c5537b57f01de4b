// Supply plan lines checked against hand-computed numbers: minimum order, pack rounding, the cover cap,
// stock in transit covering the need, no demand and intermittent (fractional) demand; and their explanations.
import { describe, expect, it } from "vitest";
import { planVelocity, type SupplyInputs, supplyLine, supplyUnits } from "../../../domain/supply-plan";
import { explainSupply } from "../../../domain/supply-plan-explanation";

const settings = { leadTimeDays: 14, safetyStockDays: 7, targetCoverDays: 45, coverCeilingDays: 120 };
const single = { minOrderUnits: 1, packSize: 1 };

function line(overrides: Partial<SupplyInputs>): SupplyInputs {
  return { available: 0, inTransit: 0, velocity: 0, ...settings, ...single, ...overrides };
}

describe("supplyLine", () => {
  it("ships the shortfall up to the target cover, counting stock in transit", () => {
    // 2/day: safety 14, reorder point 28 + 14 = 42, target 90 + 14 = 104, position 30 + 10 = 40 → 64.
    expect(supplyLine(line({ available: 30, inTransit: 10, velocity: 2 }))).toEqual({
      safetyStock: 14,
      reorderPoint: 42,
      targetStock: 104,
      stockPosition: 40,
      shortfall: 64,
      afterMinOrder: 64,
      roundedToPacks: 64,
      coverCapStock: 240,
      capRoom: 200,
      capped: false,
      quantity: 64,
      packs: 64,
      coverAfterDays: 52,
      outcome: "ship",
    });
  });

  it("plans at the velocity it shows, to 0.001 a day (a forecast of 2.0000001 is not 91 units of target)", () => {
    const shown = supplyLine(line({ available: 30, inTransit: 10, velocity: 2 }));
    expect(supplyLine(line({ available: 30, inTransit: 10, velocity: 2.0000001 }))).toEqual(shown);
    expect(planVelocity(0.12345)).toBe(0.123);
  });

  it("raises a small shortfall to the minimum order", () => {
    // 0.5/day: safety ⌈3.5⌉ = 4, reorder point ⌈7⌉ + 4 = 11, target ⌈22.5⌉ + 4 = 27; position 5 → 22 → min 50.
    // Cap ⌊0.5 × 120⌋ = 60 leaves 55: 50 fits; cover after (5 + 50) ÷ 0.5 = 110 days.
    expect(supplyLine(line({ available: 5, velocity: 0.5, minOrderUnits: 50 }))).toMatchObject({
      reorderPoint: 11,
      targetStock: 27,
      shortfall: 22,
      afterMinOrder: 50,
      roundedToPacks: 50,
      capRoom: 55,
      quantity: 50,
      coverAfterDays: 110,
      outcome: "ship",
    });
  });

  it("rounds up to whole packs", () => {
    // The first case's 64 in packs of 12: ⌈64 ÷ 12⌉ = 6 packs = 72; cover after (40 + 72) ÷ 2 = 56 days.
    expect(supplyLine(line({ available: 30, inTransit: 10, velocity: 2, packSize: 12 }))).toMatchObject({
      shortfall: 64,
      roundedToPacks: 72,
      capped: false,
      quantity: 72,
      packs: 6,
      coverAfterDays: 56,
    });
  });

  it("never plans beyond the cover cap, dropping whole packs", () => {
    // 1/day with a 40-day ceiling: target 45 + 7 = 52 from 0 → 52 → 60 in packs of 10; cap 40 → 4 packs.
    const inputs = line({ velocity: 1, coverCeilingDays: 40, packSize: 10 });
    expect(supplyLine(inputs)).toMatchObject({
      shortfall: 52,
      roundedToPacks: 60,
      coverCapStock: 40,
      capRoom: 40,
      capped: true,
      quantity: 40,
      packs: 4,
      coverAfterDays: 40,
      outcome: "ship",
    });
  });

  it("ships nothing when the minimum order does not fit under the cap (intermittent demand)", () => {
    // 0.05/day (a sale every 20 days): safety ⌈0.35⌉ = 1, reorder point ⌈0.7⌉ + 1 = 2, target ⌈2.25⌉ + 1 = 4;
    // shortfall 4 → min order 10, but the cap ⌊0.05 × 120⌋ = 6 leaves room for 6 only.
    expect(supplyLine(line({ velocity: 0.05, minOrderUnits: 10 }))).toMatchObject({
      reorderPoint: 2,
      targetStock: 4,
      shortfall: 4,
      afterMinOrder: 10,
      coverCapStock: 6,
      capRoom: 6,
      capped: true,
      quantity: 0,
      packs: 0,
      outcome: "capped",
    });
  });

  it("plans intermittent demand in whole units", () => {
    // 0.1/day: safety ⌈0.7⌉ = 1, reorder point ⌈1.4⌉ + 1 = 3, target ⌈4.5⌉ + 1 = 6; position 0 + 1 → ship 5.
    expect(supplyLine(line({ inTransit: 1, velocity: 0.1 }))).toMatchObject({
      reorderPoint: 3,
      targetStock: 6,
      stockPosition: 1,
      shortfall: 5,
      coverCapStock: 12,
      quantity: 5,
      coverAfterDays: 60,
      outcome: "ship",
    });
  });

  it("ships nothing when stock in transit already covers the need", () => {
    // 2/day: position 10 + 50 = 60 above the reorder point 42. Without the 50 in transit: 104 − 10 = 94.
    expect(supplyLine(line({ available: 10, inTransit: 50, velocity: 2 }))).toMatchObject({
      stockPosition: 60,
      shortfall: 0,
      quantity: 0,
      outcome: "covered",
    });
    expect(supplyLine(line({ available: 10, velocity: 2 })).quantity).toBe(94);
  });

  it("ships nothing without demand, whatever the stock", () => {
    expect(supplyLine(line({ available: 0, velocity: 0, minOrderUnits: 10, packSize: 6 }))).toMatchObject({
      shortfall: 0,
      quantity: 0,
      coverAfterDays: null,
      outcome: "no-demand",
    });
  });
});

describe("supplyUnits", () => {
  it("takes the product's own minimum order and pack size over the organization's", () => {
    const organization = { minOrderUnits: 10, packSize: 6 };
    expect(supplyUnits({ minOrderUnits: null, packSize: null }, organization)).toEqual(organization);
    expect(supplyUnits({ minOrderUnits: 1, packSize: null }, organization)).toEqual({
      minOrderUnits: 1,
      packSize: 6,
    });
  });
});

describe("explainSupply", () => {
  const inputs = line({ available: 30, inTransit: 10, velocity: 2, packSize: 12 });
  const numbers = supplyLine(inputs);

  it("spells out every step in English", () => {
    expect(explainSupply(inputs, numbers, "en")).toEqual([
      "Reorder point 42 = 2/day × 14 lead-time days + safety stock 14 (7 days).",
      "Stock position 40 = 30 available + 10 in transit.",
      "Shortfall 64 = target 104 (2/day × 45 days + safety stock) − position 40.",
      "Rounded up to whole packs of 12: 72 (6 packs).",
      "Ship 72: 56 days of cover after it arrives.",
    ]);
  });

  it("spells out every step in Russian, nouns agreeing with their numbers", () => {
    expect(explainSupply(inputs, numbers, "ru")).toEqual([
      "Точка заказа 42 = 2/день × 14 дней поставки + страховой запас 14 (7 дней).",
      "Запас в наличии и в пути 40 = 30 доступно + 10 в пути.",
      "Не хватает 64 = цель 104 (2/день × 45 дней + страховой запас) − запас 40.",
      "Округлено вверх до целых упаковок по 12: 72 (6 упаковок).",
      "Отгрузить 72: после поступления запаса хватит на 56 дней.",
    ]);
  });

  it("names the cap and the minimum order when they decide the line", () => {
    const intermittent = line({ velocity: 0.05, minOrderUnits: 10 });
    const ru = explainSupply(intermittent, supplyLine(intermittent), "ru");
    expect(ru).toContain("Увеличено до минимальной партии: 10.");
    expect(ru).toContain("Потолок запаса 6 = 0,05/день × 120 дней оставляет место для 6.");
    expect(ru.at(-1)).toBe("Под потолок не помещается даже минимальная партия: отгружать нечего.");
    const covered = line({ available: 10, inTransit: 50, velocity: 2 });
    expect(explainSupply(covered, supplyLine(covered), "en").at(-1)).toContain("nothing to ship");
  });

  it("says the pack, not the minimum order, when not one pack fits under the cap", () => {
    // 0.05/day: cap ⌊6⌋ = 6 leaves room for 6, a pack of 10 does not fit (minimum order 1).
    const packed = line({ velocity: 0.05, packSize: 10 });
    const numbers = supplyLine(packed);
    expect(numbers.quantity).toBe(0);
    expect(explainSupply(packed, numbers, "en").at(-1)).toBe(
      "Not even one pack of 10 fits under the cap: nothing to ship.",
    );
    expect(explainSupply(packed, numbers, "ru").at(-1)).toBe(
      "Под потолок не помещается даже одна упаковка по 10: отгружать нечего.",
    );
  });

  it("says a figure was rounded up when the arithmetic as written is not whole", () => {
    // 0.53/day: ⌈0.53 × 14⌉ = 8, ⌈0.53 × 7⌉ = 4, reorder point 12 (0.53 × 14 + 4 = 11.42 as written).
    const slow = line({ velocity: 0.53 });
    const [reorder, , shortfall] = explainSupply(slow, supplyLine(slow), "en");
    expect(reorder).toBe(
      "Reorder point 12 = 0.53/day × 14 lead-time days + safety stock 4 (7 days), each rounded up to whole units.",
    );
    expect(shortfall).toContain("(0.53/day × 45 days rounded up + safety stock)");
    expect(explainSupply(slow, supplyLine(slow), "ru")[0]).toContain(
      "каждое с округлением вверх до целых штук",
    );
  });
});

// Reorder advice for one product on its page, with the arithmetic spelled out in the reader's language.
// The numbers come from the API's own formulas (domain/replenishment.ts, a pure module); the product
// endpoint does not return them, so the page computes them from the product's stock and the
// organization's settings.
import { type ReorderNumbers, type ReplenishmentInputs, reorderNumbers } from "../../../domain/replenishment";

export type ReorderInputs = ReplenishmentInputs;
export type ReorderAdvice = ReorderNumbers;

export const reorderAdvice: (inputs: ReorderInputs) => ReorderAdvice = reorderNumbers;

type Lines = Record<"ru" | "en", (i: ReorderInputs, a: ReorderAdvice, v: string) => string[]>;

const LINES: Lines = {
  en: (i, a, v) => [
    `Safety stock ${a.safetyStock} = ${v}/day × ${i.safetyStockDays} days.`,
    `Reorder point ${a.reorderPoint} = ${v}/day × ${i.leadTimeDays} lead-time days + safety stock ${a.safetyStock}.`,
    `Stock position ${a.stockPosition} = ${i.available} available + ${i.inTransit} in transit.`,
    a.needsReorder
      ? `At or below the reorder point: order ${a.suggestedQuantity} to reach ${a.targetStock} = ${v}/day × ${i.targetCoverDays} target days + safety stock.`
      : `Above the reorder point: reorder in about ${a.reorderInDays} days.`,
  ],
  ru: (i, a, v) => [
    `Страховой запас ${a.safetyStock} = ${v}/день × ${i.safetyStockDays} дн.`,
    `Точка заказа ${a.reorderPoint} = ${v}/день × ${i.leadTimeDays} дн. поставки + страховой запас ${a.safetyStock}.`,
    `Запас в наличии и в пути ${a.stockPosition} = ${i.available} доступно + ${i.inTransit} в пути.`,
    a.needsReorder
      ? `Не выше точки заказа: закажите ${a.suggestedQuantity}, чтобы довести до ${a.targetStock} = ${v}/день × ${i.targetCoverDays} целевых дн. + страховой запас.`
      : `Выше точки заказа: заказ примерно через ${a.reorderInDays} дн.`,
  ],
};

export function explainReorder(
  inputs: ReorderInputs,
  advice: ReorderAdvice,
  language: "ru" | "en",
): string[] {
  if (inputs.velocity <= 0) {
    return [
      language === "ru"
        ? "Продаж за период расчёта не было: заказывать нечего."
        : "No sales in the velocity window: nothing to reorder.",
    ];
  }
  const velocity = String(Math.round(inputs.velocity * 100) / 100);
  return LINES[language](inputs, advice, language === "ru" ? velocity.replace(".", ",") : velocity);
}

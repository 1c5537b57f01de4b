// Reorder advice for one product on its page, with the arithmetic spelled out in the reader's language.
// Same formulas as the API's recommendations (worker/api/replenishment.ts); the product endpoint does
// not return them, so the page computes them from the product's stock and the organization's settings.
export interface ReorderInputs {
  available: number;
  inTransit: number;
  velocity: number;
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
}

export interface ReorderAdvice {
  safetyStock: number;
  reorderPoint: number;
  targetStock: number;
  stockPosition: number;
  needsReorder: boolean;
  suggestedQuantity: number;
  reorderInDays: number | null;
}

export function reorderAdvice(inputs: ReorderInputs): ReorderAdvice {
  const v = Math.max(0, inputs.velocity);
  const safetyStock = Math.ceil(v * inputs.safetyStockDays);
  const reorderPoint = Math.ceil(v * inputs.leadTimeDays) + safetyStock;
  const targetStock = Math.ceil(v * inputs.targetCoverDays) + safetyStock;
  const stockPosition = inputs.available + inputs.inTransit;
  const needsReorder = v > 0 && stockPosition <= reorderPoint;
  return {
    safetyStock,
    reorderPoint,
    targetStock,
    stockPosition,
    needsReorder,
    suggestedQuantity: needsReorder ? Math.max(0, targetStock - stockPosition) : 0,
    reorderInDays: v > 0 ? Math.max(0, Math.floor((stockPosition - reorderPoint) / v)) : null,
  };
}

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

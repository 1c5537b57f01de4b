// Reorder advice with the arithmetic spelled out in the reader's language, for the product page and the
// Recommendations page's "Why?". The numbers come from the API's own formulas (domain/replenishment.ts,
// a pure module); the API's `explanation` stays English for API users, the dashboard explains here.
import { type ReorderNumbers, type ReplenishmentInputs, reorderNumbers } from "../../../domain/replenishment";

export type ReorderInputs = ReplenishmentInputs;
export type ReorderAdvice = ReorderNumbers;

export const reorderAdvice: (inputs: ReorderInputs) => ReorderAdvice = reorderNumbers;

type Language = "ru" | "en";
type Lines = (i: ReorderInputs, a: ReorderAdvice, n: (value: number | null) => string) => string[];

/** "7 дней", "2 дня", "1 день": Russian day counts agree with their number. */
function ruDays(count: number | null, n: (value: number | null) => string): string {
  const form = { one: "день", few: "дня", many: "дней", other: "дня" } as Record<string, string>;
  return `${n(count)} ${form[new Intl.PluralRules("ru").select(count ?? 0)] ?? "дня"}`;
}

const LINES: Record<Language, Lines> = {
  en: (i, a, n) => [
    `Safety stock ${n(a.safetyStock)} = ${n(i.velocity)}/day × ${n(i.safetyStockDays)} days.`,
    `Reorder point ${n(a.reorderPoint)} = ${n(i.velocity)}/day × ${n(i.leadTimeDays)} lead-time days + safety stock ${n(a.safetyStock)}.`,
    `Stock position ${n(a.stockPosition)} = ${n(i.available)} available + ${n(i.inTransit)} in transit.`,
    a.needsReorder
      ? `At or below the reorder point: order ${n(a.suggestedQuantity)} to reach ${n(a.targetStock)} = ${n(i.velocity)}/day × ${n(i.targetCoverDays)} target days + safety stock.`
      : `Above the reorder point: reorder in about ${n(a.reorderInDays)} days.`,
  ],
  ru: (i, a, n) => [
    `Страховой запас ${n(a.safetyStock)} = ${n(i.velocity)}/день × ${ruDays(i.safetyStockDays, n)}.`,
    `Точка заказа ${n(a.reorderPoint)} = ${n(i.velocity)}/день × ${ruDays(i.leadTimeDays, n)} поставки + страховой запас ${n(a.safetyStock)}.`,
    `Запас в наличии и в пути ${n(a.stockPosition)} = ${n(i.available)} доступно + ${n(i.inTransit)} в пути.`,
    a.needsReorder
      ? `Не выше точки заказа: закажите ${n(a.suggestedQuantity)}, чтобы довести до ${n(a.targetStock)} = ${n(i.velocity)}/день × ${ruDays(i.targetCoverDays, n)} целевого запаса + страховой запас.`
      : `Выше точки заказа: заказ примерно через ${ruDays(a.reorderInDays, n)}.`,
  ],
};

export function explainReorder(inputs: ReorderInputs, advice: ReorderAdvice, language: Language): string[] {
  if (inputs.velocity <= 0) {
    return [
      language === "ru"
        ? "Продаж за период расчёта не было: заказывать нечего."
        : "No sales in the velocity window: nothing to reorder.",
    ];
  }
  const format = new Intl.NumberFormat(language === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 2 });
  return LINES[language](inputs, advice, (value) => (value === null ? "—" : format.format(value)));
}

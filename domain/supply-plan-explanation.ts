// A supply plan line's arithmetic spelled out, one sentence a step, in English or Russian: the dashboard's
// "Why?", the API's `explanation` (English) and the CSV export's column (the export's language) all read it.
import type { SupplyInputs, SupplyNumbers } from "./supply-plan";

export type ExplanationLanguage = "en" | "ru";

type Format = (value: number | null) => string;

// Made once: building an Intl formatter costs more than the rest of a line's explanation (an export explains
// 11,000 lines).
const RU_PLURALS = new Intl.PluralRules("ru");
const NUMBER_FORMATS: Record<ExplanationLanguage, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** Russian nouns agree with their number: 1 день, 2 дня, 5 дней. */
function ruCount(count: number | null, forms: [one: string, few: string, many: string], n: Format): string {
  const rule = RU_PLURALS.select(count ?? 0);
  const word = rule === "one" ? forms[0] : rule === "few" ? forms[1] : rule === "many" ? forms[2] : forms[1];
  return `${n(count)} ${word}`;
}

const ruDays = (count: number | null, n: Format) => ruCount(count, ["день", "дня", "дней"], n);

/** Whether v × days, or the safety stock's v × safety days, is not whole (the plan rounds each up: supplyLine). */
function roundedUp(i: SupplyInputs, days: number): boolean {
  const fractional = (x: number) => Math.abs(x - Math.round(x)) > 1e-9;
  return fractional(i.velocity * days) || fractional(i.velocity * i.safetyStockDays);
}

/** A capped line with nothing to ship because not one whole pack fits under the cap (not the minimum order). */
function packDoesNotFit(i: SupplyInputs, a: SupplyNumbers): boolean {
  return i.packSize > 1 && a.capRoom < i.packSize;
}

function english(i: SupplyInputs, a: SupplyNumbers, n: Format): string[] {
  if (a.outcome === "no-demand") return ["No demand forecast at this destination: nothing to ship."];
  const v = `${n(i.velocity)}/day`;
  const lines = [
    `Reorder point ${n(a.reorderPoint)} = ${v} × ${n(i.leadTimeDays)} lead-time days + safety stock ${n(a.safetyStock)} (${n(i.safetyStockDays)} days)${roundedUp(i, i.leadTimeDays) ? ", each rounded up to whole units" : ""}.`,
    `Stock position ${n(a.stockPosition)} = ${n(i.available)} available + ${n(i.inTransit)} in transit.`,
  ];
  if (a.outcome === "covered") {
    lines.push("Above the reorder point: stock on hand and in transit covers the need, nothing to ship.");
    return lines;
  }
  lines.push(
    `Shortfall ${n(a.shortfall)} = target ${n(a.targetStock)} (${v} × ${n(i.targetCoverDays)} days${roundedUp(i, i.targetCoverDays) ? " rounded up" : ""} + safety stock) − position ${n(a.stockPosition)}.`,
  );
  if (a.afterMinOrder > a.shortfall) lines.push(`Raised to the minimum order: ${n(a.afterMinOrder)}.`);
  if (i.packSize > 1) {
    lines.push(
      `Rounded up to whole packs of ${n(i.packSize)}: ${n(a.roundedToPacks)} (${n(a.roundedToPacks / i.packSize)} packs).`,
    );
  }
  if (a.capped) {
    lines.push(
      `Cover cap ${n(a.coverCapStock)} = ${v} × ${n(i.coverCeilingDays)} days leaves room for ${n(a.capRoom)}.`,
    );
  }
  lines.push(
    a.outcome === "ship"
      ? `Ship ${n(a.quantity)}: ${n(a.coverAfterDays)} days of cover after it arrives.`
      : packDoesNotFit(i, a)
        ? `Not even one pack of ${n(i.packSize)} fits under the cap: nothing to ship.`
        : `Less than the minimum order fits under the cap: nothing to ship.`,
  );
  return lines;
}

function russian(i: SupplyInputs, a: SupplyNumbers, n: Format): string[] {
  if (a.outcome === "no-demand") return ["Спроса в этом направлении нет: отгружать нечего."];
  const v = `${n(i.velocity)}/день`;
  const lines = [
    `Точка заказа ${n(a.reorderPoint)} = ${v} × ${ruDays(i.leadTimeDays, n)} поставки + страховой запас ${n(a.safetyStock)} (${ruDays(i.safetyStockDays, n)})${roundedUp(i, i.leadTimeDays) ? ", каждое с округлением вверх до целых штук" : ""}.`,
    `Запас в наличии и в пути ${n(a.stockPosition)} = ${n(i.available)} доступно + ${n(i.inTransit)} в пути.`,
  ];
  if (a.outcome === "covered") {
    lines.push("Выше точки заказа: запаса в наличии и в пути хватает, отгружать не нужно.");
    return lines;
  }
  lines.push(
    `Не хватает ${n(a.shortfall)} = цель ${n(a.targetStock)} (${v} × ${ruDays(i.targetCoverDays, n)}${roundedUp(i, i.targetCoverDays) ? " с округлением вверх" : ""} + страховой запас) − запас ${n(a.stockPosition)}.`,
  );
  if (a.afterMinOrder > a.shortfall) lines.push(`Увеличено до минимальной партии: ${n(a.afterMinOrder)}.`);
  if (i.packSize > 1) {
    const packs = a.roundedToPacks / i.packSize;
    lines.push(
      `Округлено вверх до целых упаковок по ${n(i.packSize)}: ${n(a.roundedToPacks)} (${ruCount(packs, ["упаковка", "упаковки", "упаковок"], n)}).`,
    );
  }
  if (a.capped) {
    lines.push(
      `Потолок запаса ${n(a.coverCapStock)} = ${v} × ${ruDays(i.coverCeilingDays, n)} оставляет место для ${n(a.capRoom)}.`,
    );
  }
  lines.push(
    a.outcome === "ship"
      ? `Отгрузить ${n(a.quantity)}: после поступления запаса хватит на ${ruDays(a.coverAfterDays, n)}.`
      : packDoesNotFit(i, a)
        ? `Под потолок не помещается даже одна упаковка по ${n(i.packSize)}: отгружать нечего.`
        : "Под потолок не помещается даже минимальная партия: отгружать нечего.",
  );
  return lines;
}

export function explainSupply(
  inputs: SupplyInputs,
  numbers: SupplyNumbers,
  language: ExplanationLanguage,
): string[] {
  const format = NUMBER_FORMATS[language];
  const n: Format = (value) => (value === null ? "—" : format.format(value));
  return language === "ru" ? russian(inputs, numbers, n) : english(inputs, numbers, n);
}

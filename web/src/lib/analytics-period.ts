// The Analytics page's period: the last 7, 30 or 90 days, or a custom from–to, as the page's address
// carries it, and the check of a custom period before it is asked of the API (which spans at most
// 731 days). Pure, so that it is unit-tested without a browser.
import { addDays, type DayRange, lastDays } from "./period";

export const PRESET_DAYS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];

export type PeriodChoice = { days: PresetDays } | { from: string; to: string };

export const DEFAULT_PERIOD: PeriodChoice = { days: 30 };

/** The API's limit on a period's length, in days. */
export const MAX_PERIOD_DAYS = 731;

export type PeriodProblem = "missing" | "order" | "future" | "tooLong";

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text < "1900-01-01") return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** What is wrong with a custom period, or null when it can be asked for. */
export function customPeriodProblem(from: string, to: string, today: string): PeriodProblem | null {
  if (!isDay(from) || !isDay(to)) return "missing";
  if (from > to) return "order";
  if (to > today) return "future";
  if (addDays(from, MAX_PERIOD_DAYS) <= to) return "tooLong";
  return null;
}

/** The days the choice covers, up to and including `today` for a preset. */
export function periodRange(choice: PeriodChoice, today: string): DayRange {
  return "days" in choice ? lastDays(today, choice.days) : { from: choice.from, to: choice.to };
}

/** The address's parameters for a choice; the default leaves the address bare. */
export function periodQuery(choice: PeriodChoice): Record<string, string> {
  if ("days" in choice) return choice.days === 30 ? {} : { days: String(choice.days) };
  return { from: choice.from, to: choice.to };
}

/** The choice an address carries; an invalid custom period or an unknown preset gives the default. */
export function periodFromQuery(query: URLSearchParams, today: string): PeriodChoice {
  const from = query.get("from");
  const to = query.get("to");
  if (from !== null && to !== null && customPeriodProblem(from, to, today) === null) return { from, to };
  const days = Number(query.get("days"));
  return (PRESET_DAYS as readonly number[]).includes(days) ? { days: days as PresetDays } : DEFAULT_PERIOD;
}

/** Whether the address names a period that periodFromQuery could not take (so the default is shown instead). */
export function periodRefused(query: URLSearchParams, today: string): boolean {
  const choice = periodFromQuery(query, today);
  if (query.has("from") || query.has("to")) return !("from" in choice);
  return query.has("days") && !("days" in choice && String(choice.days) === query.get("days"));
}

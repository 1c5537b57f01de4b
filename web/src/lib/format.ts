// Numbers, money, dates, times and durations in the chosen language (Intl): the one place the dashboard
// turns a figure into text, so Russian reads "105 066 ₽", "6 дек.", "18:05", "2 мин 5 с" everywhere.
import { locale } from "../i18n/locale";

/** The BCP 47 tag of the interface language (both use a 24-hour clock). */
export const localeTag = (): string => (locale.value === "ru" ? "ru-RU" : "en-GB");

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || Number.isNaN(value);

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (missing(value)) return "—";
  return new Intl.NumberFormat(localeTag(), { maximumFractionDigits: digits }).format(value);
}

/** Short numbers for chart axes: "24,4 тыс.", "1.2M". */
export function formatCompact(value: number | null | undefined): string {
  if (missing(value)) return "—";
  return new Intl.NumberFormat(localeTag(), { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

export function formatMoney(value: number | null | undefined): string {
  if (missing(value)) return "—";
  return new Intl.NumberFormat(localeTag(), {
    style: "currency",
    currency: "RUB",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  }).format(value);
}

/** Money for chart axes: "1,2 млн ₽". */
export function formatCompactMoney(value: number | null | undefined): string {
  if (missing(value)) return "—";
  return new Intl.NumberFormat(localeTag(), {
    style: "currency",
    currency: "RUB",
    currencyDisplay: "narrowSymbol",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A small share of a whole (an ABC product's share of revenue): two significant digits below 1%, so 0.032%
 * is not shown as 0%; one decimal from 1% up, as formatPercent.
 */
export function formatShare(value: number | null | undefined): string {
  if (missing(value)) return "—";
  if (value === 0 || Math.abs(value) >= 0.01) return formatPercent(value);
  return new Intl.NumberFormat(localeTag(), { style: "percent", maximumSignificantDigits: 2 }).format(value);
}

export function formatPercent(value: number | null | undefined, signed = false): string {
  if (missing(value)) return "—";
  return new Intl.NumberFormat(localeTag(), {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(value);
}

/** A calendar day (YYYY-MM-DD, read as UTC) or an instant as a date. */
function toDate(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(localeTag(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(toDate(value));
}

/** A period of days as the language writes it: "6–30 нояб. 2026 г.", "6 Nov – 5 Dec 2026". */
export function formatPeriod(from: string, to: string): string {
  return new Intl.DateTimeFormat(localeTag(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).formatRange(toDate(from), toDate(to));
}

/** Day and month name, for chart axes and tooltips: "6 дек.", "6 Dec". */
export function formatDayMonth(value: string | Date): string {
  return new Intl.DateTimeFormat(localeTag(), { day: "numeric", month: "short", timeZone: "UTC" }).format(
    typeof value === "string" ? toDate(value) : value,
  );
}

/** Month name and year, for chart axes spanning months: "дек. 2026". */
export function formatMonthYear(value: Date): string {
  return new Intl.DateTimeFormat(localeTag(), { month: "short", year: "numeric", timeZone: "UTC" }).format(
    value,
  );
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(localeTag(), {
    dateStyle: "short",
    timeStyle: "short",
    hourCycle: "h23",
  }).format(new Date(value));
}

/** The largest whole unit of an elapsed time, e.g. [-5, "minute"] for five minutes ago. */
export function ageParts(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return [-Math.max(seconds, 0), "second"];
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return [-minutes, "minute"];
  const hours = Math.round(minutes / 60);
  if (hours < 48) return [-hours, "hour"];
  return [-Math.round(hours / 24), "day"];
}

export function formatAge(since: string | null | undefined, now = Date.now()): string {
  if (!since) return "—";
  const [amount, unit] = ageParts(now - new Date(since).getTime());
  return new Intl.RelativeTimeFormat(localeTag(), { numeric: "auto" }).format(amount, unit);
}

function unit(amount: number, name: "millisecond" | "second" | "minute" | "hour", digits = 0): string {
  return new Intl.NumberFormat(localeTag(), {
    style: "unit",
    unit: name,
    unitDisplay: "short",
    maximumFractionDigits: digits,
  }).format(amount);
}

/** An elapsed time in at most two units: "450 мс", "31 с", "2 мин 5 с", "1 ч 20 мин". */
export function formatDuration(ms: number | null | undefined): string {
  if (missing(ms)) return "—";
  if (ms < 1000) return unit(Math.round(ms), "millisecond");
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, "second");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest ? `${unit(minutes, "minute")} ${unit(rest, "second")}` : unit(minutes, "minute");
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${unit(hours, "hour")} ${unit(rest, "minute")}` : unit(hours, "hour");
}

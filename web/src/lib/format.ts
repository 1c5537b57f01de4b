// Numbers, money, dates and ages in the chosen language (Intl), so figures read naturally in both.
import { locale } from "../i18n/locale";

const tag = () => (locale.value === "ru" ? "ru-RU" : "en-GB");

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return new Intl.NumberFormat(tag(), { maximumFractionDigits: digits }).format(value);
}

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(tag(), {
    style: "currency",
    currency: "RUB",
    maximumFractionDigits: 0,
  }).format(value);
}

export function formatPercent(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(tag(), {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(value);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return new Intl.DateTimeFormat(tag(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(tag(), { dateStyle: "short", timeStyle: "short" }).format(new Date(value));
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
  return new Intl.RelativeTimeFormat(tag(), { numeric: "auto" }).format(amount, unit);
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 120) return `${formatNumber(seconds, 1)} s`;
  return `${formatNumber(Math.round(seconds / 60))} min`;
}

// The simulated business clock, plus the time formats each vendor writes (Ozon UTC with Z, WB Moscow without offset).

export const DEFAULT_START = new Date("2026-11-01T06:00:00Z");
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export class SimClock {
  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  set(ms: number): void {
    this.nowMs = ms;
  }
}

/** "2026-11-01T09:00:00": Moscow wall time without an offset, as the WB statistics API writes it. */
export function formatMoscow(ms: number): string {
  return new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 19);
}

/** "2026-11-01" in Moscow time. */
export function moscowDay(ms: number): string {
  return formatMoscow(ms).slice(0, 10);
}

/** "2026-11-01T06:00:00.000Z": UTC with Z, as Ozon writes it. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** "2026-11-01" in UTC (Ozon's analytics days). */
export function utcDay(ms: number): string {
  return formatUtc(ms).slice(0, 10);
}

/**
 * Parses a WB dateFrom: a date or date-time without an offset is Moscow time; an explicit offset or Z is honoured.
 * Returns undefined when the text is not a date.
 */
export function parseWbDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const hasOffset = /([zZ]|[+-]\d{2}:?\d{2})$/.test(trimmed) && trimmed.length > 10;
  let iso = trimmed;
  if (!hasOffset) iso = trimmed.length === 10 ? `${trimmed}T00:00:00+03:00` : `${trimmed}+03:00`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Parses an Ozon timestamp or date (UTC when no offset is given). */
export function parseUtc(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const iso =
    trimmed.length === 10
      ? `${trimmed}T00:00:00Z`
      : /([zZ]|[+-]\d{2}:?\d{2})$/.test(trimmed)
        ? trimmed
        : `${trimmed}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** WB refreshes its statistics in 30-minute batches, so many rows share one lastChangeDate. */
export function wbRefreshSlot(ms: number): number {
  const slot = 30 * MINUTE_MS;
  return Math.floor(ms / slot) * slot;
}

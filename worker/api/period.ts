// Analytics periods: the default window (the last N days up to today in the organization's time zone)
// and the previous period of the same length that KPIs are compared with.
export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

export function dayInTimeZone(now: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function periodLength(period: Period): number {
  return (
    Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1
  );
}

/** Fills a missing end with today and a missing start with `defaultDays` before the end. */
export function resolvePeriod(
  input: { from?: string | undefined; to?: string | undefined },
  today: string,
  defaultDays: number,
): Period {
  const to = input.to ?? today;
  const from = input.from ?? shiftDay(to, -(defaultDays - 1));
  return { from, to };
}

/** The same number of days immediately before `period`. */
export function previousPeriod(period: Period): Period {
  const length = periodLength(period);
  return { from: shiftDay(period.from, -length), to: shiftDay(period.from, -1) };
}

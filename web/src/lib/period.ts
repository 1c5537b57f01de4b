// Calendar periods the dashboard asks the API for, as UTC YYYY-MM-DD strings.
export type DayRange = {
  from: string;
  to: string;
};

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): DayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Relative change, e.g. 0.25 for +25%; null when there is nothing to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (!Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / previous;
}

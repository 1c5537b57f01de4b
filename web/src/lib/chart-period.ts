// Time on a chart's x axis: a period's start in epoch seconds, and whether the last period is still going on
// (its bar is then drawn apart as "so far", not read as a slump).

/** Seconds since the epoch of a YYYY-MM-DD day (UTC midnight) or an ISO instant. */
export const seconds = (day: string): number =>
  Date.parse(day.length === 10 ? `${day}T00:00:00Z` : day) / 1000;

/** Whether the last period (its length the step between the last two points) has not ended by `today`. */
export function lastPeriodUnfinished(days: readonly string[], today: string): boolean {
  if (days.length < 2) return false;
  const last = seconds(days[days.length - 1] ?? "");
  const step = last - seconds(days[days.length - 2] ?? "");
  const now = seconds(today);
  return now >= last && now < last + step;
}

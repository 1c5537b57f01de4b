// Quiet hours: local hours [start, end) of the organization's time zone during which alerts wait (a window
// may wrap midnight, 22→8). Returns how long a message must wait, so the queue can hold it back that long.

/** The local hour and minute at `nowMs` in `timeZone`. */
function localClock(nowMs: number, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(nowMs));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { hour: value("hour"), minute: value("minute") };
}

/** Seconds until the quiet window ends (0 outside it, or without one). */
export function quietSecondsLeft(
  nowMs: number,
  window: { timeZone: string; startHour: number | null; endHour: number | null },
): number {
  const { startHour, endHour } = window;
  if (startHour === null || endHour === null || startHour === endHour) return 0;
  const { hour, minute } = localClock(nowMs, window.timeZone);
  const inside =
    startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
  if (!inside) return 0;
  const hoursLeft = (endHour - hour + 24) % 24;
  return Math.max(60, hoursLeft * 3600 - minute * 60);
}

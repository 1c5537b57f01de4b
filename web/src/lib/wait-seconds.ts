// The whole seconds left until a rate-limited request tries again, as a countdown shows them: rounded up, and
// never below 1 while the wait lasts (a "0 s" would read as done while the request still waits).
export function waitSeconds(untilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
}

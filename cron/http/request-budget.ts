// A per-endpoint request budget: at most `requests` calls in any window of `perMs` (a sliding log), so the
// rate to a vendor endpoint never exceeds its documented limit. `reserve` books the earliest allowed slot.

export interface BudgetRule {
  requests: number;
  perMs: number;
}

/** Times (ms) of the calls booked within the last window, oldest first. */
export type BudgetLog = number[];

export interface Reservation {
  /** When the call may be sent (≥ now). */
  atMs: number;
  log: BudgetLog;
}

export function reserveRequest(log: BudgetLog, rule: BudgetRule, nowMs: number): Reservation {
  const recent = log.filter((at) => at > nowMs - rule.perMs);
  let atMs = nowMs;
  if (recent.length >= rule.requests) {
    // The call that falls out of the window makes room for this one.
    const freeing = recent[recent.length - rule.requests] ?? nowMs;
    atMs = Math.max(nowMs, freeing + rule.perMs);
  }
  const booked = [...recent, atMs].sort((a, b) => a - b);
  return { atMs, log: booked.slice(-rule.requests) };
}

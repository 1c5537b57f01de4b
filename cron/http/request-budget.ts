// A per-endpoint request budget: at most `requests` calls in any window of `perMs` (a sliding log), so the
// rate to a vendor endpoint never exceeds its documented limit. `reserve` books the earliest allowed slot.
//
// The vendor measures its window when a call arrives, and the time from a booked slot to the call's arrival
// varies (the network, a busy isolate), so a call booked exactly one window after the last may arrive early
// and be refused (429), which costs it up to a window. Each window is therefore booked with a margin.

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

/** The least margin, and the share of the window a longer window adds, up to the most. */
const MARGIN = { minMs: 100, share: 0.025, maxMs: 1_500 };

/**
 * How much later than the vendor's window a slot is booked: 100 ms for windows up to 4 s, 2.5% of longer ones
 * (500 ms on a 20 s window), at most 1.5 s (a minute's window and longer). A few percent of the least time the
 * limit allows, against a refused call's cost of up to a whole window.
 */
export function bookingMarginMs(rule: BudgetRule): number {
  return Math.min(MARGIN.maxMs, Math.max(MARGIN.minMs, Math.round(rule.perMs * MARGIN.share)));
}

export function reserveRequest(log: BudgetLog, rule: BudgetRule, nowMs: number): Reservation {
  const windowMs = rule.perMs + bookingMarginMs(rule);
  const recent = log.filter((at) => at > nowMs - windowMs);
  let atMs = nowMs;
  if (recent.length >= rule.requests) {
    // The call that falls out of the window (with its margin) makes room for this one.
    const freeing = recent[recent.length - rule.requests] ?? nowMs;
    atMs = Math.max(nowMs, freeing + windowMs);
  }
  const booked = [...recent, atMs].sort((a, b) => a - b);
  return { atMs, log: booked.slice(-rule.requests) };
}

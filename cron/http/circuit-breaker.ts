// A circuit breaker per account × endpoint: after `failureThreshold` consecutive failures it opens and
// refuses calls for `cooldownMs`, then lets one trial call through (half-open); a success closes it.
// The state is plain data so the SyncCoordinator can keep it across consumer invocations.

export interface BreakerState {
  consecutiveFailures: number;
  openUntil: number | null;
}

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 60_000 };
export const CLOSED_BREAKER: BreakerState = { consecutiveFailures: 0, openUntil: null };

export type BreakerDecision = { allowed: true; trial: boolean } | { allowed: false; retryAtMs: number };

export function breakerAllows(state: BreakerState, nowMs: number): BreakerDecision {
  if (state.openUntil === null) return { allowed: true, trial: false };
  if (nowMs < state.openUntil) return { allowed: false, retryAtMs: state.openUntil };
  return { allowed: true, trial: true };
}

export function breakerAfterCall(
  state: BreakerState,
  succeeded: boolean,
  nowMs: number,
  options: BreakerOptions = DEFAULT_BREAKER,
): BreakerState {
  if (succeeded) return CLOSED_BREAKER;
  const consecutiveFailures = state.consecutiveFailures + 1;
  const halfOpenTrialFailed = state.openUntil !== null && nowMs >= state.openUntil;
  const open = halfOpenTrialFailed || consecutiveFailures >= options.failureThreshold;
  return { consecutiveFailures, openUntil: open ? nowMs + options.cooldownMs : state.openUntil };
}

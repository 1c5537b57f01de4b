// What the client asks before and tells after every vendor call: the per-endpoint request budget and the
// circuit breaker. In the Worker the SyncCoordinator Durable Object keeps this state per account; tests and
// the CLI use the in-memory gate. A slot is booked only for a wait the caller will sit through: a page handed
// back to the queue books nothing, so its slot is still free when it comes back.
import {
  type BreakerOptions,
  type BreakerState,
  breakerAfterCall,
  breakerAllows,
  CLOSED_BREAKER,
  DEFAULT_BREAKER,
} from "./circuit-breaker";
import { type BudgetLog, type BudgetRule, reserveRequest } from "./request-budget";

export type GateAnswer =
  | { go: true; waitMs: number }
  | { go: false; reason: "circuit-open"; retryAtMs: number }
  /** The next slot is further off than the caller would wait: nothing was booked. */
  | { go: false; reason: "budget-spent"; waitMs: number };

export interface RequestGate {
  /**
   * Books a slot for one call to `endpoint` under `rule` and says how long to wait for it, unless that wait is
   * longer than `maxWaitMs` (then books nothing and says the wait); refuses while the circuit is open.
   */
  acquire(endpoint: string, rule: BudgetRule, maxWaitMs?: number): Promise<GateAnswer>;
  /** Records the call's outcome for the circuit breaker. */
  report(endpoint: string, succeeded: boolean): Promise<void>;
}

/** Pure state of a gate, so a Durable Object can persist it as one JSON value per endpoint. */
export interface EndpointGateState {
  budget: BudgetLog;
  breaker: BreakerState;
}

export const EMPTY_GATE_STATE: EndpointGateState = { budget: [], breaker: CLOSED_BREAKER };

export function gateAcquire(
  state: EndpointGateState,
  rule: BudgetRule,
  nowMs: number,
  maxWaitMs: number = Number.POSITIVE_INFINITY,
): { answer: GateAnswer; state: EndpointGateState } {
  const decision = breakerAllows(state.breaker, nowMs);
  if (!decision.allowed)
    return { answer: { go: false, reason: "circuit-open", retryAtMs: decision.retryAtMs }, state };
  const reservation = reserveRequest(state.budget, rule, nowMs);
  const waitMs = reservation.atMs - nowMs;
  // Booking a slot the caller will not wait for would hold it empty and push the caller's retry a window on.
  if (waitMs > maxWaitMs) return { answer: { go: false, reason: "budget-spent", waitMs }, state };
  return { answer: { go: true, waitMs }, state: { ...state, budget: reservation.log } };
}

export function gateReport(
  state: EndpointGateState,
  succeeded: boolean,
  nowMs: number,
  options: BreakerOptions = DEFAULT_BREAKER,
): EndpointGateState {
  return { ...state, breaker: breakerAfterCall(state.breaker, succeeded, nowMs, options) };
}

/** A gate held in memory: one process, one account (CLI, tests, the benchmark). */
export class MemoryRequestGate implements RequestGate {
  private readonly states = new Map<string, EndpointGateState>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly breaker: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  async acquire(endpoint: string, rule: BudgetRule, maxWaitMs?: number): Promise<GateAnswer> {
    const current = this.states.get(endpoint) ?? EMPTY_GATE_STATE;
    const { answer, state } = gateAcquire(current, rule, this.now(), maxWaitMs);
    this.states.set(endpoint, state);
    return answer;
  }

  async report(endpoint: string, succeeded: boolean): Promise<void> {
    const state = this.states.get(endpoint) ?? EMPTY_GATE_STATE;
    this.states.set(endpoint, gateReport(state, succeeded, this.now(), this.breaker));
  }
}

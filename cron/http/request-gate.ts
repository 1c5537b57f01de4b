// What the client asks before and tells after every vendor call: the per-endpoint request budget and the
// circuit breaker. In the Worker the SyncCoordinator Durable Object keeps this state per account; tests and
// the CLI use the in-memory gate.
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
  | { go: false; reason: "circuit-open"; retryAtMs: number };

export interface RequestGate {
  /** Books a slot for one call to `endpoint` under `rule`; says how long to wait first, or refuses. */
  acquire(endpoint: string, rule: BudgetRule): Promise<GateAnswer>;
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
): { answer: GateAnswer; state: EndpointGateState } {
  const decision = breakerAllows(state.breaker, nowMs);
  if (!decision.allowed)
    return { answer: { go: false, reason: "circuit-open", retryAtMs: decision.retryAtMs }, state };
  const reservation = reserveRequest(state.budget, rule, nowMs);
  return {
    answer: { go: true, waitMs: reservation.atMs - nowMs },
    state: { ...state, budget: reservation.log },
  };
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

  async acquire(endpoint: string, rule: BudgetRule): Promise<GateAnswer> {
    const { answer, state } = gateAcquire(this.states.get(endpoint) ?? EMPTY_GATE_STATE, rule, this.now());
    this.states.set(endpoint, state);
    return answer;
  }

  async report(endpoint: string, succeeded: boolean): Promise<void> {
    const state = this.states.get(endpoint) ?? EMPTY_GATE_STATE;
    this.states.set(endpoint, gateReport(state, succeeded, this.now(), this.breaker));
  }
}

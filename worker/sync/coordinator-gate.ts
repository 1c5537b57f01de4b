// The request budget and circuit breaker of one account, kept by its SyncCoordinator so that every consumer
// invocation working on the account's runs shares them.
import type { BudgetRule } from "../../cron/http/request-budget";
import type { GateAnswer, RequestGate } from "../../cron/http/request-gate";
import { coordinatorFor } from "./coordinator";

export function coordinatorGate(env: Pick<Env, "SYNC_COORDINATOR">, accountId: string): RequestGate {
  const coordinator = coordinatorFor(env, accountId);
  return {
    acquire: (endpoint: string, rule: BudgetRule, maxWaitMs?: number): Promise<GateAnswer> =>
      coordinator.acquireRequest(endpoint, rule, maxWaitMs),
    report: (endpoint: string, succeeded: boolean): Promise<void> =>
      coordinator.reportRequest(endpoint, succeeded),
  };
}

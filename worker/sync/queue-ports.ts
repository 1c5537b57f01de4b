// The engine's ports in the Worker: the ingest queue, the account's SyncCoordinator (lease, release, and the
// request budget every consumer of the account's runs shares) and Neon over HTTP, from the parsed config. The queue consumer only
// hands each message to the engine through these (cron/engine/ingest-step.ts).
import { DEFAULT_STEP_BUDGET, type StepBudget } from "../../cron/engine/ingest-step";
import { type GroupLimits, SINGLE_PAGE } from "../../cron/engine/page-group";
import type { EnginePorts } from "../../cron/engine/ports";
import { loadRunContext } from "../../cron/engine/run-context";
import { batchRunner } from "../../cron/load/statement-runner";
import { alertOnRunEnd } from "../alerts/run-end";
import type { Config } from "../config";
import { databaseFor } from "../db";
import { coordinatorFor } from "./coordinator";
import { coordinatorGate } from "./coordinator-gate";

/** One vendor window (a minute) and a margin: the longest wait for the budget a delivery sleeps through. */
export const VENDOR_WINDOW_WAIT_MS = 65_000;

export function queuePorts(env: Env, config: Config, accountId: string): EnginePorts {
  const run = batchRunner(databaseFor(config));
  const coordinator = coordinatorFor(env, accountId);
  return {
    run,
    gate: coordinatorGate(env, accountId),
    send: async (message, delaySeconds) => {
      await env.INGEST_QUEUE.send(message, delaySeconds ? { delaySeconds } : undefined);
    },
    runContext: (runId) => loadRunContext(run, config.credentialsKey, runId),
    heartbeat: (runId) => coordinator.heartbeat(runId),
    finishRun: async (runId, outcome) => {
      // Alerts first: a failure leaves the lease held and the message retried, so the run's end is judged once more.
      await alertOnRunEnd(env, config, runId);
      await coordinator.finishRun(runId, outcome);
    },
    // A wait for the vendor's budget up to one of its windows (the reports' 1 a minute) is waited out in the
    // delivery, which uses no CPU meanwhile: put back on the queue instead, the page would come back in whole
    // seconds and only when a consumer picks it up, so the run's slowest feed would miss its vendor's slots.
    maxInlineWaitMs: VENDOR_WINDOW_WAIT_MS,
    nowMs: () => Date.now(),
    ...stepBudgetOf(config),
  };
}

/**
 * INGEST_STEP_BUDGET_MS (parsed config): 0 = one step per delivery, reading one vendor page (a queue message per
 * vendor page); otherwise the step chain's time limit, each step reading small pages ahead (page-group.ts).
 */
function stepBudgetOf(config: Config): { stepBudget?: StepBudget; pageGroup?: GroupLimits } {
  const maxMs = config.ingestStepBudgetMs;
  return maxMs === 0 ? { pageGroup: SINGLE_PAGE } : { stepBudget: { ...DEFAULT_STEP_BUDGET, maxMs } };
}

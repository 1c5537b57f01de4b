// The engine's ports in the Worker: the ingest queue, the account's SyncCoordinator (lease, release, and the
// request budget every consumer of the account's runs shares) and Neon over HTTP. The queue consumer only
// hands each message to the engine through these (cron/engine/ingest-step.ts).
import { DEFAULT_STEP_BUDGET, type StepBudget } from "../../cron/engine/ingest-step";
import type { EnginePorts } from "../../cron/engine/ports";
import { loadRunContext } from "../../cron/engine/run-context";
import { batchRunner } from "../../cron/load/statement-runner";
import { databaseFromEnv } from "../db";
import { coordinatorFor } from "./coordinator";
import { coordinatorGate } from "./coordinator-gate";

export function queuePorts(env: Env, accountId: string): EnginePorts {
  const run = batchRunner(databaseFromEnv(env));
  const coordinator = coordinatorFor(env, accountId);
  return {
    run,
    gate: coordinatorGate(env, accountId),
    send: async (message, delaySeconds) => {
      await env.INGEST_QUEUE.send(message, delaySeconds ? { delaySeconds } : undefined);
    },
    runContext: (runId) => loadRunContext(run, env.CREDENTIALS_KEY, runId),
    heartbeat: (runId) => coordinator.heartbeat(runId),
    finishRun: async (runId, outcome) => {
      await coordinator.finishRun(runId, outcome);
    },
    nowMs: () => Date.now(),
    ...stepBudgetOf(env),
  };
}

/** INGEST_STEP_BUDGET_MS from wrangler.toml: "0" = one step per delivery, unset or malformed = the default. */
function stepBudgetOf(env: Env): { stepBudget?: StepBudget } {
  const text = env.INGEST_STEP_BUDGET_MS?.trim() ?? "";
  if (!/^\d+$/.test(text)) return { stepBudget: DEFAULT_STEP_BUDGET };
  const maxMs = Number(text);
  return maxMs === 0 ? {} : { stepBudget: { ...DEFAULT_STEP_BUDGET, maxMs } };
}

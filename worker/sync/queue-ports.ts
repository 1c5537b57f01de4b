// The engine's ports in the Worker: the ingest queue, the account's SyncCoordinator (lease, release, and the
// request budget every consumer of the account's runs shares) and Neon over HTTP, from the parsed config. The queue consumer only
// hands each message to the engine through these (cron/engine/ingest-step.ts).
import type { EnginePorts } from "../../cron/engine/ports";
import { loadRunContext } from "../../cron/engine/run-context";
import { batchRunner } from "../../cron/load/statement-runner";
import type { Config } from "../config";
import { databaseFor } from "../db";
import { coordinatorFor } from "./coordinator";
import { coordinatorGate } from "./coordinator-gate";

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
      await coordinator.finishRun(runId, outcome);
    },
    nowMs: () => Date.now(),
  };
}

// The hook the engine's driver calls when a run ends (worker/sync/queue-ports.ts finishRun): judges the alert
// rules on the run with the Worker's database and alerts queue.
import { batchRunner } from "../../cron/load/statement-runner";
import type { Config } from "../config";
import { databaseFor } from "../db";
import { evaluateRunAlerts } from "./evaluate-run";

export async function alertOnRunEnd(env: Env, config: Config, runId: string): Promise<void> {
  await evaluateRunAlerts(batchRunner(databaseFor(config)), env.ALERTS_QUEUE, runId, Date.now());
}

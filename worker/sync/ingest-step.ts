// One step of a run on the ingest queue: `start` plans the run and sends its first page, each `page` fetches,
// validates, normalizes and loads one vendor page and sends the next, `finalize` closes the run. Every step
// renews the run's lease; a step for a run that is no longer active does nothing.
import type { IngestMessage } from "../../cron/messages";
import { databaseFromEnv } from "../db";
import { coordinatorFor } from "./coordinator";
import { finalizeStep } from "./finalize-step";
import { pageStep } from "./page-step";
import { loadRunContext } from "./run-context";
import { startStep } from "./start-step";

export async function processIngestMessage(env: Env, message: IngestMessage): Promise<void> {
  const db = databaseFromEnv(env);
  const run = await loadRunContext(db, env, message.runId);
  if (run?.status !== "running") return;
  const stillActive = await coordinatorFor(env, message.accountId).heartbeat(message.runId);
  if (!stillActive) return;
  switch (message.type) {
    case "start":
      return startStep(env, db, run, message);
    case "page":
      return pageStep(env, db, run, message);
    case "finalize":
      return finalizeStep(env, db, run, message);
  }
}

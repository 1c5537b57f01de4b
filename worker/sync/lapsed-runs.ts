// The health-check cron's sweep: every run the run log still calls running is put to its account's coordinator,
// which ends it (failed, with the reason) when its lease ran out by the cron's time or it holds no lease for it.
// So no run stays "running" past its lease, even when the coordinator's own alarm could not write the run log.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { etlRuns } from "../../db/schema";
import type { LapsedRunAnswer } from "../sync-coordinator";
import { coordinatorFor } from "./coordinator";

export interface LapsedRun {
  runId: string;
  accountId: string;
  answer: Exclude<LapsedRunAnswer, "held">;
}

/** Ends the lapsed runs as of `nowMs` (the cron's scheduled time) and lists them. */
export async function endLapsedRuns(
  env: Pick<Env, "SYNC_COORDINATOR">,
  db: Database,
  nowMs: number,
): Promise<LapsedRun[]> {
  const running = await db
    .select({ runId: etlRuns.id, accountId: etlRuns.accountId })
    .from(etlRuns)
    .where(eq(etlRuns.status, "running"));
  const ended: LapsedRun[] = [];
  for (const run of running) {
    const answer = await coordinatorFor(env, run.accountId).endLapsedRun(run.runId, nowMs);
    if (answer !== "held") ended.push({ ...run, answer });
  }
  return ended;
}

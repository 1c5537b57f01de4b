// The last step of a run: decides its outcome from the problems recorded on it, finalizes the data (zeroing
// unseen stock only of the stock sources read whole: stock-progress.ts) and releases the account's coordinator.
import { eq } from "drizzle-orm";
import { STOCK_ADAPTERS } from "../../cron/adapters/stock-adapters";
import { finalizeRun } from "../../cron/load/finalize-run";
import { batchRunner } from "../../cron/load/statement-runner";
import type { FinalizeMessage } from "../../cron/messages";
import type { Database } from "../../db/client";
import { etlRuns, type RunIssue } from "../../db/schema";
import { coordinatorFor } from "./coordinator";
import type { RunContext } from "./run-context";
import { progressOf, zeroingOf } from "./stock-progress";

/** Problems after which the stock listing is incomplete: never zero what we did not see. */
const INCOMPLETE_LISTING = new Set([
  "ENDPOINT_SWITCHED_OFF",
  "UNAUTHORIZED",
  "BAD_REQUEST",
  "MALFORMED_RESPONSE",
  "CIRCUIT_OPEN",
]);

export async function finalizeStep(
  env: Env,
  db: Database,
  run: RunContext,
  message: FinalizeMessage,
): Promise<void> {
  const [state] = await db
    .select({ issues: etlRuns.issues, pagesDone: etlRuns.pagesDone })
    .from(etlRuns)
    .where(eq(etlRuns.id, run.runId));
  const progress = progressOf(message);
  // A stock adapter switched off whose source a replacement then read whole is history, not a problem.
  const replaced = (issue: RunIssue) =>
    issue.code === "ENDPOINT_SWITCHED_OFF" &&
    progress.completeSources.includes(STOCK_ADAPTERS[issue.endpoint ?? ""]?.source ?? "");
  const blocking = (state?.issues ?? []).filter(
    (issue) => INCOMPLETE_LISTING.has(issue.code) && !replaced(issue),
  );
  const status = blocking.length === 0 ? "succeeded" : (state?.pagesDone ?? 0) > 0 ? "partial" : "failed";
  await finalizeRun(batchRunner(db), {
    orgId: run.orgId,
    accountId: run.accountId,
    runId: run.runId,
    ...zeroingOf(run, progress),
    status,
    error: blocking.length > 0 ? blocking.map((issue) => issue.message).join("; ") : null,
  });
  await coordinatorFor(env, run.accountId).finishRun(run.runId, status);
}

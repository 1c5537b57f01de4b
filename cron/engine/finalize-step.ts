// The last step of a run, once every feed of it is finished (run-feeds.ts): decides its outcome from the problems recorded on it, finalizes the data (zeroing
// unseen stock only of the stock sources read whole: stock-progress.ts) and releases the account's coordinator.
import { sql } from "drizzle-orm";
import type { RunIssue } from "../../db/schema";
import { STOCK_ADAPTERS } from "../adapters/stock-adapters";
import { finalizeRun } from "../load/finalize-run";
import type { FinalizeMessage } from "../messages";
import type { EnginePorts, RunOutcome } from "./ports";
import type { RunContext } from "./run-context";
import { readStoredProgress, storedProgressStatement } from "./run-feeds";
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
  ports: EnginePorts,
  run: RunContext,
  message: FinalizeMessage,
): Promise<void> {
  // The run's problems and the stock feed's stored progress, in one round trip.
  const [rows = [], stored = []] = await ports.run([
    sql`select issues, pages_done from etl_runs where id = ${run.runId}`,
    storedProgressStatement(run.runId),
  ]);
  const state = rows[0] && {
    issues: (typeof rows[0].issues === "string" ? JSON.parse(rows[0].issues) : rows[0].issues) as RunIssue[],
    pagesDone: Number(rows[0].pages_done),
  };
  // The stock feed's end stored its progress (run-feeds.ts); a run begun before the join carries it here.
  const progress = readStoredProgress(stored) ?? progressOf(message);
  // A stock adapter switched off whose source a replacement then read whole is history, not a problem.
  const replaced = (issue: RunIssue) =>
    issue.code === "ENDPOINT_SWITCHED_OFF" &&
    progress.completeSources.includes(STOCK_ADAPTERS[issue.endpoint ?? ""]?.source ?? "");
  const blocking = (state?.issues ?? []).filter(
    (issue) => INCOMPLETE_LISTING.has(issue.code) && !replaced(issue),
  );
  const status: RunOutcome =
    blocking.length === 0 ? "succeeded" : (state?.pagesDone ?? 0) > 0 ? "partial" : "failed";
  await finalizeRun(ports.run, {
    orgId: run.orgId,
    accountId: run.accountId,
    runId: run.runId,
    marketplace: run.marketplace,
    ...zeroingOf(run, progress),
    status,
    error: blocking.length > 0 ? blocking.map((issue) => issue.message).join("; ") : null,
  });
  await ports.finishRun(run.runId, status);
}

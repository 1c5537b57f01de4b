// A message that failed every retry: its run ends failed (partial when some pages loaded) with the reason in
// the run log, its seen cells are dropped, and the account's coordinator is released. Repeating it changes
// nothing: only a running run is closed.
import { sql } from "drizzle-orm";
import { forgetSeenCells } from "../load/finalize-run";
import type { IngestMessage } from "../messages";
import type { EnginePorts, RunOutcome } from "./ports";

export async function abandonRun(
  ports: EnginePorts,
  message: IngestMessage,
  attempts: number,
): Promise<void> {
  const where =
    message.type === "page"
      ? `page ${message.page} of ${message.endpoint}`
      : message.type === "start"
        ? "the run's start"
        : "the run's finish";
  const reason = `Gave up on ${where} after every retry (dead-letter delivery ${attempts})`;
  const [rows = []] = await ports.run([
    sql`select pages_done, status from etl_runs where id = ${message.runId}`,
  ]);
  const run = rows[0];
  if (!run) return;
  const status: RunOutcome = Number(run.pages_done) > 0 ? "partial" : "failed";
  if (run.status === "running")
    await ports.run([
      sql`update etl_runs set status = ${status}, error = ${reason}, finished_at = now()
        where id = ${message.runId} and status = 'running'`,
      forgetSeenCells(message.runId),
    ]);
  await ports.finishRun(message.runId, status);
}

// A step that can never succeed (a page over the request limit) or a message that failed every retry: its run
// ends failed (partial when some pages loaded) with the reason in the run log, the daily sales its loaded pages
// changed are made equal to the sales (as its finalize would have), its seen cells are dropped, and the account's
// coordinator is released. Repeating it changes nothing: only a running run is closed.
import { sql } from "drizzle-orm";
import type { Marketplace } from "../../db/schema/enums";
import { forgetSeenCells, salesSummaryTransaction } from "../load/finalize-run";
import { recordRunIssue } from "../load/run-log";
import type { IngestMessage } from "../messages";
import type { EnginePorts, RunOutcome } from "./ports";

/** The dead-letter consumer's reason for a message that failed every retry. */
export function deadLetterReason(message: IngestMessage, attempts: number): string {
  const where =
    message.type === "page"
      ? `page ${message.page} of ${message.endpoint}`
      : message.type === "start"
        ? "the run's start"
        : "the run's finish";
  return `Gave up on ${where} after every retry (dead-letter delivery ${attempts})`;
}

/** A step's failure, kept on the run (STEP_FAILED) so the run's end can say why when the retries run out. */
export async function recordStepFailure(
  ports: EnginePorts,
  message: IngestMessage,
  error: unknown,
): Promise<void> {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await ports.run([
    recordRunIssue(message.runId, {
      code: "STEP_FAILED",
      message: text,
      ...(message.type === "page" ? { endpoint: message.endpoint } : {}),
    }),
  ]);
}

/**
 * A finalize keeps only the daily sales of its own marketplaces equal to the sales (summarizedMarketplaces), so
 * the pages of a run that ends without one are summed here. Best effort: the run still ends when this fails (a
 * database that refuses it would keep the run open past its lease), and the marketplace's next finalize sums them.
 */
async function summarizeSales(ports: EnginePorts, orgId: string, marketplace: Marketplace): Promise<void> {
  try {
    await ports.run(salesSummaryTransaction({ orgId, marketplace }));
  } catch (error) {
    console.warn(
      `abandoned run: daily sales left to the next finalize (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

export async function abandonRun(ports: EnginePorts, message: IngestMessage, reason: string): Promise<void> {
  const [rows = []] = await ports.run([
    sql`select pages_done, status, org_id,
        (select a.marketplace from marketplace_accounts a where a.id = etl_runs.account_id) as marketplace,
        (select i->>'message' from jsonb_array_elements(issues) with ordinality as t(i, at)
          where i->>'code' = 'STEP_FAILED' order by at desc limit 1) as last_failure
      from etl_runs where id = ${message.runId}`,
  ]);
  const run = rows[0];
  if (!run) return;
  if (typeof run.last_failure === "string")
    reason = `${reason}; the last attempt failed: ${run.last_failure}`;
  const status: RunOutcome = Number(run.pages_done) > 0 ? "partial" : "failed";
  if (run.status === "running" && Number(run.pages_done) > 0 && typeof run.marketplace === "string")
    await summarizeSales(ports, String(run.org_id), run.marketplace as Marketplace);
  if (run.status === "running")
    await ports.run([
      sql`update etl_runs set status = ${status}, error = ${reason}, finished_at = now()
        where id = ${message.runId} and status = 'running'`,
      forgetSeenCells(message.runId),
    ]);
  await ports.finishRun(message.runId, status);
}

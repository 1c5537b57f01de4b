// Handing a page on to its successor once: the page row (etl_pages) records that the successor was sent, so a
// redelivery of a page already handed on (its ack was lost) does nothing, not even a vendor call, while a
// delivery that died between its load and its send is retried and still hands the page on.
//
// A delivery that runs the successor itself (step-chain.ts) stores it on the page row instead of sending it:
// a redelivery after a crash further down that chain walks the stored successors to the step that did not
// finish and goes on from there, so the chain neither stops nor forks.
//
// Remaining races (each can only duplicate a successor, never lose one): a delivery dying after the send but
// before the mark, and two copies of one page running at once (both past the first check before either
// marked). A duplicate successor stops at its own first check once the other copy has handed it on; only a
// copy running alongside its twin again fetches the page and hands it on a second time.
import { sql } from "drizzle-orm";
import type { StatementRunner } from "../load/statement-runner";
import { IngestMessage } from "../messages";

export type PageProgress =
  | { state: "new" | "loaded" }
  /** `successor`: the step this page's delivery ran itself (null when it was sent to the queue). */
  | { state: "handed-on"; successor: IngestMessage | null };

export async function pageProgress(
  run: StatementRunner,
  runId: string,
  pageKey: string,
): Promise<PageProgress> {
  const [rows = []] = await run([
    sql`select handed_on_at is not null as handed_on, successor from etl_pages
      where run_id = ${runId} and page_key = ${pageKey}`,
  ]);
  const row = rows[0];
  if (!row) return { state: "new" };
  if (row.handed_on !== true && row.handed_on !== "t") return { state: "loaded" };
  const stored = typeof row.successor === "string" ? JSON.parse(row.successor) : row.successor;
  const successor = stored == null ? null : IngestMessage.parse(stored);
  return { state: "handed-on", successor };
}

/**
 * Records that the page's successor is on its way: sent to the queue (no `successor`), or about to run in this
 * delivery (`successor` stored, to be resumed from after a crash).
 */
export async function markHandedOn(
  run: StatementRunner,
  runId: string,
  pageKey: string,
  successor?: IngestMessage,
): Promise<void> {
  const stored = successor ? JSON.stringify(successor) : null;
  await run([
    sql`update etl_pages set handed_on_at = now(), successor = ${stored}::jsonb
      where run_id = ${runId} and page_key = ${pageKey}`,
  ]);
}

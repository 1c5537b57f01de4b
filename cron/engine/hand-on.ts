// Handing a queued page on to its successor once: the page row (etl_pages) records that the successor was
// sent, so a redelivery of a page already handed on (its ack was lost) does nothing, not even a vendor call,
// while a delivery that died between its load and its send is retried and still hands the page on.
//
// Remaining races (each can only duplicate a successor, never lose one): a delivery dying after the send but
// before the mark, and two copies of one page running at once (both past the first check before either
// marked). A duplicate successor stops at its own first check once the other copy has handed it on; only a
// copy running alongside its twin again fetches the page and hands it on a second time.
import { sql } from "drizzle-orm";
import type { StatementRunner } from "../load/statement-runner";

export type PageProgress = "new" | "loaded" | "handed-on";

export async function pageProgress(
  run: StatementRunner,
  runId: string,
  pageKey: string,
): Promise<PageProgress> {
  const [rows = []] = await run([
    sql`select handed_on_at is not null as handed_on from etl_pages where run_id = ${runId} and page_key = ${pageKey}`,
  ]);
  const row = rows[0];
  if (!row) return "new";
  return row.handed_on === true || row.handed_on === "t" ? "handed-on" : "loaded";
}

/** Records, after the send, that the page's successor is on the queue. */
export async function markHandedOn(run: StatementRunner, runId: string, pageKey: string): Promise<void> {
  await run([
    sql`update etl_pages set handed_on_at = now() where run_id = ${runId} and page_key = ${pageKey}`,
  ]);
}

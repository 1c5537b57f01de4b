// Moves a feed's incremental watermark forward (never back) within the page's transaction, and reads it
// back when a run starts the feed.
import { type SQL, sql } from "drizzle-orm";
import { ownsPage, type PageScope } from "./page-scope";
import type { StatementRunner } from "./statement-runner";

export function watermarkStatement(scope: PageScope, watermark: string): SQL {
  return sql`insert into sync_watermarks (account_id, endpoint, watermark, run_id)
    select ${scope.accountId}, ${scope.endpoint}, ${watermark}, ${scope.runId} where ${ownsPage(scope)}
    on conflict (account_id, endpoint) do update set watermark = greatest(sync_watermarks.watermark, excluded.watermark),
      run_id = excluded.run_id, updated_at = now()`;
}

/**
 * The feed's watermark for an incremental run. A full run reads a stock feed from the beginning (a whole listing,
 * so stock not seen can be zeroed), so none is read for it; a sales feed (`boundsFullRuns`) is read by a full
 * run too, which re-reads the feed from the watermark less the adapter's overlap instead of its whole history.
 */
export async function readWatermark(
  run: StatementRunner,
  accountId: string,
  endpoint: string,
  kind: "full" | "incremental",
  boundsFullRuns = false,
): Promise<string | null> {
  if (kind === "full" && !boundsFullRuns) return null;
  const [rows] = await run([
    sql`select watermark from sync_watermarks where account_id = ${accountId} and endpoint = ${endpoint}`,
  ]);
  const value = rows?.[0]?.watermark;
  return typeof value === "string" ? value : null;
}

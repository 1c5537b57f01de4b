// The feeds of a run proceed side by side, each its own chain of page messages paced by the account's request
// budget: the stock feed (every stock source, one after another), each sales feed once the stock feed is done
// (sales pages register listings and products as the stock feeds name them, so those go first), and each vendor
// report from the run's start (it needs nothing of the stock). The join (etl_run_feeds, a row per run × feed)
// decides when finalize runs: a chain's end marks its feed finished under the run's row lock, and the delivery
// that finished the last feed sends finalize. A redelivery of that page sends it again (the first send may have
// been lost); a redelivery of any other page finds its feed finished by someone else and sends nothing.
import { type SQL, sql } from "drizzle-orm";
import { REPORT_ADAPTERS, reportAdapterList } from "../adapters/report-adapters";
import { SALES_ADAPTERS, salesAdapterList } from "../adapters/sales-adapters";
import type { ResultRow, StatementRunner } from "../load/statement-runner";
import type { RunContext } from "./run-context";
import type { StockProgress } from "./stock-progress";

type Kind = "full" | "incremental";

/** The stock feed's name in the join (its adapters change as sources follow each other). */
export const STOCK_FEED = "stock";

/** The join's name of the feed an adapter belongs to. */
export function feedOf(endpoint: string): string {
  return SALES_ADAPTERS[endpoint] || REPORT_ADAPTERS[endpoint] ? endpoint : STOCK_FEED;
}

/** Every feed of a run of `kind` on the account as configured now. */
export function runFeeds(run: RunContext, kind: Kind): string[] {
  return [
    STOCK_FEED,
    ...salesAdapterList(run.marketplace, run.endpoints.sales),
    ...reportAdapterList(run.marketplace, run.endpoints.reports, kind),
  ];
}

/** Opens the run's feeds in the join (a repeated start, or a run begun before the join existed, adds nothing). */
export function openFeeds(runner: StatementRunner, run: RunContext, kind: Kind): Promise<unknown> {
  const feeds = runFeeds(run, kind);
  return runner([
    sql`insert into etl_run_feeds (run_id, feed)
      select ${run.runId}, unnest(${sql.param(feeds)}::text[])
      on conflict (run_id, feed) do nothing`,
  ]);
}

/**
 * Marks `feed` finished by the page `pageKey` (the stock feed with the sources it read whole) and says whether
 * this page finished it (`mine`: only then does anything follow) and the run's last open feed (`finalize`). The run's row is locked
 * first, in its own statement, so the next statements see every feed finished before the lock was granted.
 */
export async function finishFeed(
  runner: StatementRunner,
  run: RunContext,
  kind: Kind,
  feed: string,
  pageKey: string,
  progress: StockProgress | null,
): Promise<{ mine: boolean; finalize: boolean }> {
  const feeds = runFeeds(run, kind);
  const stored = progress ? JSON.stringify(progress) : null;
  const results = await runner([
    sql`select 1 from etl_runs where id = ${run.runId} for update`,
    // A run begun before the join existed, whose stock feed ends now: its feeds open here.
    sql`insert into etl_run_feeds (run_id, feed)
      select ${run.runId}, unnest(${sql.param(feeds)}::text[])
      where not exists (select 1 from etl_run_feeds where run_id = ${run.runId})
      on conflict (run_id, feed) do nothing`,
    sql`update etl_run_feeds f set finished_at = now(), finished_by = ${pageKey}, progress = ${stored}::jsonb,
        last = not exists (select 1 from etl_run_feeds o
          where o.run_id = f.run_id and o.feed <> f.feed and o.finished_at is null)
      where f.run_id = ${run.runId} and f.feed = ${feed} and f.finished_at is null`,
    sql`select finished_by = ${pageKey} as mine, finished_by = ${pageKey} and last as finalize from etl_run_feeds
      where run_id = ${run.runId} and feed = ${feed}`,
  ]);
  const row = results.at(-1)?.[0] ?? {};
  const yes = (value: unknown) => value === true || value === "t";
  return { mine: yes(row.mine), finalize: yes(row.finalize) };
}

/** The statement storedProgress sends, for a caller that sends it with others (readStoredProgress reads its rows). */
export function storedProgressStatement(runId: string): SQL {
  return sql`select progress from etl_run_feeds where run_id = ${runId} and feed = ${STOCK_FEED}`;
}

/** The stock feed's sources read whole, as its end stored them; null for a run begun before the join existed. */
export async function storedProgress(runner: StatementRunner, runId: string): Promise<StockProgress | null> {
  const [rows = []] = await runner([storedProgressStatement(runId)]);
  return readStoredProgress(rows);
}

/** storedProgressStatement's answer. */
export function readStoredProgress(rows: readonly ResultRow[]): StockProgress | null {
  const row = rows[0];
  if (!row) return null;
  const value = typeof row.progress === "string" ? JSON.parse(row.progress) : row.progress;
  if (!value) return { completeSources: [], zeroEndpoints: [] };
  return { completeSources: value.completeSources ?? [], zeroEndpoints: value.zeroEndpoints ?? [] };
}

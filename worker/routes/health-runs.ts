// The health report's run findings. A run still "running" with no step for longer than a lease is stuck (the
// health-check cron ends it, worker/sync/lapsed-runs.ts): that fails the `runs` check, because the service no
// longer moves it. An account whose latest finished run failed (a revoked token, a vendor outage) is the seller's
// problem, not the service's: it is listed for that account's organization and does not degrade health.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { DEFAULT_LEASE_MS } from "../sync/lease";

export interface StuckRun {
  runId: string;
  accountId: string;
  orgId: string;
  startedAt: string;
}

export interface FailedRun {
  accountId: string;
  runId: string;
  error: string;
}

/**
 * Runs still "running" with no step within a lease as of `nowMs`. The running runs first (a few among a year of
 * finished ones): with their last page probed in the same filter, the planner priced a probe per run of the log
 * and compiled the statement (JIT, ~10 ms at 8,760 runs) to read none.
 */
export async function stuckRuns(db: Database, nowMs: number): Promise<StuckRun[]> {
  const since = new Date(nowMs - DEFAULT_LEASE_MS).toISOString();
  const result = await db.execute(
    sql`with running as materialized (select id, account_id, started_at from etl_runs where status = 'running')
      select r.id, r.account_id, a.org_id, r.started_at from running r
      join marketplace_accounts a on a.id = r.account_id
      where greatest(r.started_at, (select max(p.processed_at) from etl_pages p where p.run_id = r.id))
          < ${since}::timestamptz
      order by r.started_at`,
  );
  return result.rows.map((row) => ({
    runId: String(row.id),
    accountId: String(row.account_id),
    orgId: String(row.org_id),
    startedAt: new Date(String(row.started_at)).toISOString(),
  }));
}

/**
 * The organization's accounts whose latest finished run failed, with its reason: each account's newest finished run
 * from its own runs (etl_runs_account_started_idx), where sorting every run of the organization took ~10 ms at a
 * year of runs.
 */
export async function failedRunsOf(db: Database, orgId: string): Promise<FailedRun[]> {
  const result = await db.execute(
    sql`select latest.id, latest.account_id, latest.error from marketplace_accounts a
      cross join lateral (
        select r.id, r.account_id, r.status, r.error from etl_runs r
        where r.account_id = a.id and r.status in ('succeeded', 'partial', 'failed') and r.finished_at is not null
        order by r.finished_at desc limit 1) latest
      where a.org_id = ${orgId} and latest.status = 'failed' order by latest.account_id`,
  );
  return result.rows.map((row) => ({
    accountId: String(row.account_id),
    runId: String(row.id),
    error: String(row.error ?? "no reason recorded"),
  }));
}

/** The stuck runs as the check's error: by id for the operator's report, as a count for anyone else. */
export function stuckMessage(stuck: readonly StuckRun[], detailed: boolean): string {
  if (!detailed) return `${stuck.length} run(s) stuck: running with no step within their lease`;
  return stuck
    .map(
      (run) =>
        `run ${run.runId} of account ${run.accountId} is stuck: running since ${run.startedAt} with no step within its lease`,
    )
    .join("; ");
}

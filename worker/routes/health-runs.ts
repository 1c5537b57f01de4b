// The health report's `runs` check: a run still "running" with no step for longer than a lease (stuck: the
// health-check cron ends it, worker/sync/lapsed-runs.ts) and each account whose latest finished run failed, with
// its reason. Either fails the check, so an operator sees a sync that no longer lands data.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { DEFAULT_LEASE_MS } from "../sync/lease";

/** What the check found wrong, one line per run; empty when every run is fine. */
export async function runProblems(db: Database, nowMs: number): Promise<string[]> {
  const since = new Date(nowMs - DEFAULT_LEASE_MS).toISOString();
  const [stuck, failed] = await Promise.all([
    db.execute(
      sql`select r.id, r.account_id, r.started_at from etl_runs r
        where r.status = 'running'
          and greatest(r.started_at, (select max(p.processed_at) from etl_pages p where p.run_id = r.id))
            < ${since}::timestamptz
        order by r.started_at`,
    ),
    db.execute(
      sql`select id, account_id, error from (
          select distinct on (account_id) id, account_id, status, error from etl_runs
          where status in ('succeeded', 'partial', 'failed') and finished_at is not null
          order by account_id, finished_at desc) latest
        where status = 'failed' order by account_id`,
    ),
  ]);
  return [
    ...stuck.rows.map(
      (row) =>
        `run ${row.id} of account ${row.account_id} is stuck: running since ${new Date(String(row.started_at)).toISOString()} with no step within its lease`,
    ),
    ...failed.rows.map(
      (row) =>
        `run ${row.id} of account ${row.account_id} failed: ${String(row.error ?? "no reason recorded")}`,
    ),
  ];
}

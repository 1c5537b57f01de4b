// The organization's marketplace accounts with their data freshness: the last successful run, the last
// finished run (whatever its outcome) and the run in progress, each the newest by start time, in one
// statement (three index lookups on etl_runs(account_id, started_at) per account).
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Marketplace, RunKind, RunStatus, RunTrigger } from "../schema/enums";

export interface AccountFreshnessRow {
  id: string;
  marketplace: Marketplace;
  name: string;
  enabled: boolean;
  created_at: string;
  disabled_at: string | null;
  success_id: string | null;
  success_kind: RunKind | null;
  success_started_at: string | null;
  success_finished_at: string | null;
  last_id: string | null;
  last_status: RunStatus | null;
  last_finished_at: string | null;
  last_error: string | null;
  active_id: string | null;
  active_kind: RunKind | null;
  active_trigger: RunTrigger | null;
  active_status: RunStatus | null;
  active_started_at: string | null;
  active_pages_done: number | null;
  active_extracted: number | null;
  active_validated: number | null;
  active_normalized: number | null;
  active_inserted: number | null;
  active_updated: number | null;
  active_failed: number | null;
}

export async function accountsWithFreshness(db: Database, orgId: string): Promise<AccountFreshnessRow[]> {
  const result =
    await db.execute(sql`select a.id, a.marketplace, a.name, a.enabled, a.created_at, a.disabled_at,
      s.id as success_id, s.kind as success_kind, s.started_at as success_started_at,
      s.finished_at as success_finished_at,
      l.id as last_id, l.status as last_status, l.finished_at as last_finished_at, l.error as last_error,
      r.id as active_id, r.kind as active_kind, r.trigger as active_trigger, r.status as active_status,
      r.started_at as active_started_at, r.pages_done as active_pages_done, r.extracted as active_extracted,
      r.validated as active_validated, r.normalized as active_normalized, r.inserted as active_inserted,
      r.updated as active_updated, r.failed as active_failed
    from marketplace_accounts a
    left join lateral (select id, kind, started_at, finished_at from etl_runs
        where account_id = a.id and org_id = a.org_id and status = 'succeeded'
        order by started_at desc limit 1) s on true
    left join lateral (select id, status, finished_at, error from etl_runs
        where account_id = a.id and org_id = a.org_id and status <> 'running'
        order by started_at desc limit 1) l on true
    left join lateral (select * from etl_runs
        where account_id = a.id and org_id = a.org_id and status = 'running'
        order by started_at desc limit 1) r on true
    where a.org_id = ${orgId}
    order by a.marketplace, a.name, a.id`);
  return result.rows as unknown as AccountFreshnessRow[];
}

// The run log as the API shows it: runs of the organization newest first, and one run with its
// account, counts, issues and first rejected rows.
import { and, asc, count, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { etlPages, etlRejects, etlRuns, marketplaceAccounts } from "../schema";
import type { RunStatus } from "../schema/enums";
import { jsonColumn } from "./json-column";

/** The newest problem the run recorded (its code, message and when), as the run log's issues hold it. */
export interface LastIssue {
  code: string;
  message: string;
  /** The message's facts, for a client to say it in its own language (STOCK_JUMP's count, factor, example). */
  params?: Record<string, string | number>;
  endpoint?: string;
  at: string;
}

/**
 * What says a run is stuck or failing: how often a step failed and was retried (STEP_FAILED issues), the
 * newest issue, whether the run is waiting on a retry now (its newest issue a failed step, no page loaded
 * since), and the feed it is reading (the endpoint of its newest page).
 */
function runTroubleColumns() {
  return {
    retries: sql<number>`(select count(*) from jsonb_array_elements(${etlRuns.issues}) as i
      where i->>'code' = 'STEP_FAILED')`.mapWith(Number),
    lastIssue: sql<LastIssue | null>`(${etlRuns.issues} -> -1)`.mapWith(jsonColumn<LastIssue | null>),
    retrying: sql<boolean>`coalesce(${etlRuns.status} = 'running'
      and ${etlRuns.issues} -> -1 ->> 'code' = 'STEP_FAILED'
      and not exists (select 1 from etl_pages p where p.run_id = ${etlRuns.id}
        and p.processed_at > (${etlRuns.issues} -> -1 ->> 'at')::timestamptz), false)`.mapWith(
      (value: unknown) => value === true || value === "t" || value === "true",
    ),
    phase: sql<string | null>`(select split_part(p.page_key, '#', 1) from etl_pages p
      where p.run_id = ${etlRuns.id} order by p.processed_at desc limit 1)`,
  };
}

const runColumns = {
  id: etlRuns.id,
  accountId: etlRuns.accountId,
  account: marketplaceAccounts.name,
  marketplace: marketplaceAccounts.marketplace,
  kind: etlRuns.kind,
  trigger: etlRuns.trigger,
  status: etlRuns.status,
  startedAt: etlRuns.startedAt,
  finishedAt: etlRuns.finishedAt,
  extracted: etlRuns.extracted,
  validated: etlRuns.validated,
  normalized: etlRuns.normalized,
  inserted: etlRuns.inserted,
  updated: etlRuns.updated,
  failed: etlRuns.failed,
  apiRequests: etlRuns.apiRequests,
  apiFailed: etlRuns.apiFailed,
  apiMs: etlRuns.apiMs,
  runMs: etlRuns.runMs,
  pagesDone: etlRuns.pagesDone,
  error: etlRuns.error,
  ...runTroubleColumns(),
};

export interface RunFilter {
  status?: RunStatus | undefined;
  accountId?: string | undefined;
  offset: number;
  limit: number;
}

export async function listRuns(db: Database, orgId: string, filter: RunFilter) {
  const conditions: SQL[] = [eq(etlRuns.orgId, orgId)];
  if (filter.status) conditions.push(eq(etlRuns.status, filter.status));
  if (filter.accountId) conditions.push(eq(etlRuns.accountId, filter.accountId));
  const where = and(...conditions);
  const [rows, total] = await db.batch([
    db
      .select(runColumns)
      .from(etlRuns)
      .innerJoin(marketplaceAccounts, eq(marketplaceAccounts.id, etlRuns.accountId))
      .where(where)
      .orderBy(desc(etlRuns.startedAt))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(etlRuns).where(where),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** One run of the account, or its newest when `runId` is absent: what the account's progress socket sends. */
export async function accountRun(db: Database, accountId: string, runId?: string) {
  const rows = await db
    .select(runColumns)
    .from(etlRuns)
    .innerJoin(marketplaceAccounts, eq(marketplaceAccounts.id, etlRuns.accountId))
    .where(
      and(eq(etlRuns.accountId, accountId), runId ? eq(etlRuns.id, runId) : ne(etlRuns.status, "refused")),
    )
    .orderBy(desc(etlRuns.startedAt))
    .limit(1);
  return rows[0];
}

export async function runDetail(db: Database, orgId: string, runId: string, rejectLimit = 50) {
  const [run, pages, rejects, rejectCount] = await db.batch([
    db
      .select({ ...runColumns, issues: etlRuns.issues })
      .from(etlRuns)
      .innerJoin(marketplaceAccounts, eq(marketplaceAccounts.id, etlRuns.accountId))
      .where(and(eq(etlRuns.orgId, orgId), eq(etlRuns.id, runId))),
    db
      .select({ n: count() })
      .from(etlPages)
      .innerJoin(etlRuns, eq(etlRuns.id, etlPages.runId))
      .where(and(eq(etlPages.runId, runId), eq(etlRuns.orgId, orgId))),
    db
      .select({
        pageKey: etlRejects.pageKey,
        rowIndex: etlRejects.rowIndex,
        endpoint: etlRejects.endpoint,
        reasons: etlRejects.reasons,
        row: etlRejects.row,
      })
      .from(etlRejects)
      .where(and(eq(etlRejects.orgId, orgId), eq(etlRejects.runId, runId)))
      .orderBy(asc(etlRejects.id))
      .limit(rejectLimit),
    db
      .select({ n: count() })
      .from(etlRejects)
      .where(and(eq(etlRejects.orgId, orgId), eq(etlRejects.runId, runId))),
  ]);
  if (!run[0]) return undefined;
  return {
    run: run[0],
    pages: Number(pages[0]?.n ?? 0),
    rejects,
    rejectCount: Number(rejectCount[0]?.n ?? 0),
  };
}

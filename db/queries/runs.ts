// The run log as the API shows it: runs of the organization newest first, and one run with its
// account, counts, issues and first rejected rows.
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { etlPages, etlRejects, etlRuns, marketplaceAccounts } from "../schema";
import type { RunStatus } from "../schema/enums";

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

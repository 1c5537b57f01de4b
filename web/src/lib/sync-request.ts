// "Sync now": the Worker's route and the body the dashboard sends it (POST /api/etl/sync, operator).
// It answers 202 with one outcome per account: the run it started, or the active run that refused it.

export const SYNC_START_PATH = "/api/etl/sync";

export type SyncKind = "full" | "incremental";

export interface SyncOutcome {
  accountId: string;
  started: boolean;
  runId: string;
  activeRunId?: string;
}

export interface SyncRequest {
  kind: SyncKind;
  trigger: "dashboard";
  accountId?: string;
}

/** Every enabled account of the organization without `accountId`, else just that one. */
export function syncRequestBody(kind: SyncKind, accountId?: string): SyncRequest {
  return accountId ? { kind, trigger: "dashboard", accountId } : { kind, trigger: "dashboard" };
}

/** Accounts whose sync was refused because one was already running. */
export function refusedCount(outcomes: readonly SyncOutcome[]): number {
  return outcomes.filter((outcome) => !outcome.started).length;
}

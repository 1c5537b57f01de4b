// Data freshness per marketplace account, derived from the newest runs and GET /api/accounts: when the last
// successful sync finished (a run that ended "succeeded", as the API's lastSuccess counts it: a partial run left
// a source unread, and shows as trouble instead), and the sync running now (with its progress), if any; an
// enabled account without a run on the page (new, never synced) is listed too, so it can be synced at once.
import type { Marketplace, Run } from "../api/types";

export interface AccountFreshness {
  accountId: string;
  account: string;
  marketplace: Marketplace;
  lastSuccessAt: string | null;
  running: Run | null;
  /** Null for an account not synced yet (or whose runs are off the page read). */
  lastRun: Run | null;
}

/** An account as GET /api/accounts lists it. */
export interface KnownAccount {
  id: string;
  name: string;
  marketplace: Marketplace;
  enabled: boolean;
  /** The account's newest succeeded run, even when it is off the runs page read. */
  lastSuccess?: { finishedAt: string } | null;
}

/** Hours after which an account's data counts as stale (two missed incremental syncs). */
export const STALE_AFTER_HOURS = 6;

export function accountFreshness(
  runs: readonly Run[],
  known: readonly KnownAccount[] = [],
): AccountFreshness[] {
  const byAccount = new Map<string, AccountFreshness>();
  const newestFirst = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const run of newestFirst) {
    let entry = byAccount.get(run.accountId);
    if (!entry) {
      entry = {
        accountId: run.accountId,
        account: run.account,
        marketplace: run.marketplace,
        lastSuccessAt: null,
        running: null,
        lastRun: run,
      };
      byAccount.set(run.accountId, entry);
    }
    if (run.status === "running" && !entry.running) entry.running = run;
    if (run.status === "succeeded" && run.finishedAt) {
      if (!entry.lastSuccessAt || run.finishedAt > entry.lastSuccessAt) entry.lastSuccessAt = run.finishedAt;
    }
  }
  for (const account of known) {
    const entry = byAccount.get(account.id);
    const listed = account.lastSuccess?.finishedAt;
    if (entry && listed && (!entry.lastSuccessAt || listed > entry.lastSuccessAt))
      entry.lastSuccessAt = listed;
    if (account.enabled && !entry)
      byAccount.set(account.id, {
        accountId: account.id,
        account: account.name,
        marketplace: account.marketplace,
        lastSuccessAt: account.lastSuccess?.finishedAt ?? null,
        running: null,
        lastRun: null,
      });
  }
  return [...byAccount.values()].sort(
    (a, b) => a.marketplace.localeCompare(b.marketplace) || a.account.localeCompare(b.account),
  );
}

export function isStale(lastSuccessAt: string | null, now = Date.now()): boolean {
  if (!lastSuccessAt) return true;
  return now - new Date(lastSuccessAt).getTime() > STALE_AFTER_HOURS * 3_600_000;
}

/** The oldest of the accounts' last successful syncs: how old the dashboard's data is at worst. */
export function oldestSuccess(accounts: readonly AccountFreshness[]): string | null {
  let oldest: string | null = null;
  for (const account of accounts) {
    if (!account.lastSuccessAt) continue;
    if (!oldest || account.lastSuccessAt < oldest) oldest = account.lastSuccessAt;
  }
  return oldest;
}

// `status`: is the Worker up, and per account: when did it last sync successfully, how did its latest run
// end, and is a run in progress. Accounts come from the runs (and from the database when the CLI has it).
import { listAccounts, openDatabase } from "../accounts-store";
import { ApiRequestError } from "../api-client";
import type { Run, RunPage } from "../api-types";
import { noExtraPositionals } from "../args";
import type { CliContext } from "../context";
import { rootMessage } from "../errors";
import { age, int, table } from "../format";
import type { Command } from "./command";
import { type AccountRef, accountsOfRuns } from "./resolve-account";

export interface AccountStatus extends AccountRef {
  enabled: boolean | null;
  lastSuccess: Run | undefined;
  lastRun: Run | undefined;
  active: Run | undefined;
}

/** Joins accounts with their newest successful run, newest run and running run (lists are newest first). */
export function accountStatuses(
  accounts: readonly (AccountRef & { enabled: boolean | null })[],
  lists: { recent: readonly Run[]; succeeded: readonly Run[]; running: readonly Run[] },
): AccountStatus[] {
  const first = (runs: readonly Run[], id: string) => runs.find((run) => run.accountId === id);
  return accounts.map((account) => ({
    ...account,
    lastSuccess: first(lists.succeeded, account.id),
    lastRun: first(lists.recent, account.id),
    active: first(lists.running, account.id),
  }));
}

export function statusTable(statuses: readonly AccountStatus[], nowMs: number): string {
  if (statuses.length === 0) return "No accounts with runs yet.";
  return table(
    ["ACCOUNT", "MARKETPLACE", "ENABLED", "LAST SUCCESS", "LAST RUN", "ACTIVE RUN"],
    statuses.map((s) => [
      s.name,
      s.marketplace,
      s.enabled === null ? "?" : s.enabled ? "yes" : "no",
      age(s.lastSuccess?.finishedAt ?? null, nowMs),
      s.lastRun ? `${s.lastRun.status} ${age(s.lastRun.startedAt, nowMs)}` : "–",
      s.active ? `${s.active.id} (${int(s.active.pagesDone)} pages, ${int(s.active.extracted)} rows)` : "–",
    ]),
  );
}

async function healthLine(ctx: CliContext): Promise<string> {
  try {
    const health = await ctx.api().request<{ status: string; version: string }>("GET", "/api/health");
    return `API ${ctx.connection.baseUrl}: ${health.status}, version ${health.version}; signed in as ${ctx.connection.authLabel}`;
  } catch (error) {
    if (error instanceof ApiRequestError)
      return `API ${ctx.connection.baseUrl}: degraded (HTTP ${error.status})`;
    throw error;
  }
}

export const statusCommand: Command = {
  name: "status",
  summary: "accounts: last successful sync, latest run, run in progress",
  help: `Usage: npm run cli -- status [--json]

Shows whether the Worker answers and, per marketplace account, how long ago its last successful
run finished, how its latest run ended and which run is in progress. Accounts that never ran are
listed only when the CLI can read the database (--database-url; automatic for local dev).`,
  options: {},
  async run(ctx, { positionals }) {
    noExtraPositionals(positionals, 0);
    const health = await healthLine(ctx);
    const get = (query: string) => ctx.api().request<RunPage>("GET", `/api/runs?${query}`);
    const [recent, succeeded, running] = await Promise.all([
      get("pageSize=100"),
      get("status=succeeded&pageSize=500"),
      get("status=running&pageSize=100"),
    ]);
    const lists = { recent: recent.items, succeeded: succeeded.items, running: running.items };
    let accounts: (AccountRef & { enabled: boolean | null })[] = accountsOfRuns([
      ...recent.items,
      ...succeeded.items,
      ...running.items,
    ]).map((a) => ({ ...a, enabled: null }));
    let note = "";
    if (ctx.connection.database) {
      try {
        const me = await ctx.api().request<{ organization: { id: string } }>("GET", "/api/auth/me");
        const rows = await listAccounts(openDatabase(ctx.connection.database), me.organization.id);
        accounts = rows.map((row) => ({
          id: row.id,
          name: row.name,
          marketplace: row.marketplace,
          enabled: row.enabled,
        }));
      } catch (error) {
        note = `(accounts that never ran are not listed: the database did not answer: ${rootMessage(error)})`;
      }
    }
    const statuses = accountStatuses(accounts, lists);
    if (ctx.json) {
      ctx.out(JSON.stringify({ health, accounts: statuses }, null, 2));
      return 0;
    }
    ctx.out(health);
    ctx.out("");
    ctx.out(statusTable(statuses, ctx.now()));
    if (note) ctx.out(note);
    return 0;
  },
};

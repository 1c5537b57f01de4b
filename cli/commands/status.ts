// `status`: is the Worker up, and per account: when did it last sync successfully, how did its latest run
// end, and is a run in progress. Accounts come from the runs (and from the database when the CLI has it).
// Below the table, the accounts whose adapters use a vendor endpoint that is deprecated or about to be
// switched off (from /api/health), with the adapter that replaces it.
import { listAccounts, openDatabase } from "../accounts-store";
import { ApiRequestError } from "../api-client";
import type { Run, RunPage } from "../api-types";
import { noExtraPositionals } from "../args";
import type { DatabaseTarget } from "../connection";
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

/** One sunset warning of /api/health. */
export interface SunsetNotice {
  accountId: string;
  marketplace: string;
  adapter: string;
  replacement: string | null;
  message: string;
}

interface Health {
  status: string;
  version: string;
  failing?: string[];
  checks?: Record<string, { ok: boolean; error?: string }>;
  sunsets?: SunsetNotice[];
}

/** The health line (with each failing check and why), the caller's sunset warnings, and whether it is degraded. */
async function readHealth(
  ctx: CliContext,
): Promise<{ line: string; sunsets: SunsetNotice[]; degraded: boolean }> {
  let health: Health;
  try {
    health = await ctx.api().request<Health>("GET", "/api/health");
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    const body = error.body as Health | undefined;
    if (error.status !== 503 || !body?.checks)
      return {
        line: `API ${ctx.connection.baseUrl}: degraded (HTTP ${error.status})`,
        sunsets: [],
        degraded: true,
      };
    health = body;
  }
  const failing = (health.failing ?? []).map(
    (name) => `  ${name}: ${health.checks?.[name]?.error ?? "failed"}`,
  );
  return {
    line: [
      `API ${ctx.connection.baseUrl}: ${health.status}, version ${health.version}; signed in as ${ctx.connection.authLabel}`,
      ...failing,
    ].join("\n"),
    sunsets: health.sunsets ?? [],
    degraded: health.status !== "ok",
  };
}

/** "Vendor endpoints to replace:" and a line per warning of the listed accounts, named; "" without any. */
export function sunsetLines(sunsets: readonly SunsetNotice[], accounts: readonly AccountRef[]): string {
  const names = new Map(accounts.map((a) => [a.id, a.name] as const));
  const mine = sunsets.filter((s) => names.has(s.accountId));
  if (mine.length === 0) return "";
  return [
    "Vendor endpoints to replace:",
    ...mine.map((s) => `  ${names.get(s.accountId)} (${s.marketplace}): ${s.message}`),
  ].join("\n");
}

/** Why the database did not answer and, when the CLI only guessed where it is, what to pass instead. */
export function unreachableDatabase(target: DatabaseTarget, error: unknown): string {
  const where = target.httpEndpoint ?? new URL(target.url).host;
  const hint = target.assumed
    ? " The CLI assumed the dev runner's default database port; if `npm run dev` runs with --db-port <n>," +
      " pass --database-url postgresql://local:local@127.0.0.1:<n>/main (or set DATABASE_URL)."
    : "";
  return `error: the database (${where}) did not answer: ${rootMessage(error)}.${hint}`;
}

export const statusCommand: Command = {
  name: "status",
  summary: "accounts: last successful sync, latest run, run in progress",
  help: `Usage: npm run cli -- status [--json]

Shows whether the Worker answers and, per marketplace account, how long ago its last successful
run finished, how its latest run ended and which run is in progress. Accounts that never ran are
listed only when the CLI can read the database (--database-url; automatic for local dev on the
default --db-port). When that database does not answer, or the service is degraded (each failing check is named), status
says so and exits 1.
Accounts whose adapters use a vendor endpoint that is deprecated or switches off within 30 days
are listed below the table with the adapter that replaces it.`,
  options: {},
  async run(ctx, { positionals }) {
    noExtraPositionals(positionals, 0);
    const { line: health, sunsets, degraded } = await readHealth(ctx);
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
    let unreachable = "";
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
        unreachable = unreachableDatabase(ctx.connection.database, error);
      }
    }
    const statuses = accountStatuses(accounts, lists);
    const known = new Set(accounts.map((a) => a.id));
    if (ctx.json) {
      const mine = sunsets.filter((s) => known.has(s.accountId));
      ctx.out(JSON.stringify({ health, degraded, accounts: statuses, sunsets: mine }, null, 2));
      if (unreachable) ctx.out(unreachable);
      return unreachable || degraded ? 1 : 0;
    }
    ctx.out(health);
    ctx.out("");
    ctx.out(statusTable(statuses, ctx.now()));
    const warnings = sunsetLines(sunsets, accounts);
    if (warnings) {
      ctx.out("");
      ctx.out(warnings);
    }
    // Accounts that never ran are missing from the table: say why, and fail so scripts notice.
    if (unreachable) {
      ctx.out(unreachable);
      return 1;
    }
    // A degraded service fails the command, so scripts and monitors notice.
    return degraded ? 1 : 0;
  },
};

// `--account <id|name>` to an account id: a UUID as given, else by name among the accounts the runs list
// names, then (when the CLI can reach the database) among all the organization's accounts.

import { listAccounts, openDatabase } from "../accounts-store";
import type { Run, RunPage } from "../api-types";
import { ArgumentError, isUuid } from "../args";
import type { CliContext } from "../context";

export interface AccountRef {
  id: string;
  name: string;
  marketplace: string;
}

/** Distinct accounts of a list of runs, in order of first appearance. */
export function accountsOfRuns(runs: readonly Run[]): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const run of runs) {
    if (!seen.has(run.accountId))
      seen.set(run.accountId, { id: run.accountId, name: run.account, marketplace: run.marketplace });
  }
  return [...seen.values()];
}

/** Exact name first, then case-insensitive; undefined when none; an ArgumentError when ambiguous. */
export function matchAccount(
  text: string,
  accounts: readonly AccountRef[],
  option = "--account",
): AccountRef | undefined {
  const exact = accounts.filter((a) => a.name === text);
  const matches =
    exact.length > 0 ? exact : accounts.filter((a) => a.name.toLowerCase() === text.toLowerCase());
  if (matches.length > 1) {
    throw new ArgumentError(
      `${option}: "${text}" names several accounts (${matches.map((a) => `${a.marketplace} ${a.id}`).join(", ")}); use the id`,
    );
  }
  return matches[0];
}

export async function resolveAccount(
  ctx: CliContext,
  text: string,
  option = "--account",
): Promise<AccountRef> {
  if (isUuid(text)) return { id: text, name: text, marketplace: "" };
  const page = await ctx.api().request<RunPage>("GET", "/api/runs?pageSize=500");
  const known = accountsOfRuns(page.items);
  const fromRuns = matchAccount(text, known, option);
  if (fromRuns) return fromRuns;
  const target = ctx.connection.database;
  if (target) {
    const me = await ctx.api().request<{ organization: { id: string } }>("GET", "/api/auth/me");
    const all = await listAccounts(openDatabase(target), me.organization.id).catch(() => null);
    const fromDb = all && matchAccount(text, all, option);
    if (fromDb) return fromDb;
    if (all) known.splice(0, known.length, ...all);
  }
  const names = known.map((a) => `"${a.name}"`).join(", ");
  throw new ArgumentError(`${option}: no account named "${text}"${names ? `; known: ${names}` : ""}`);
}

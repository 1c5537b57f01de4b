// What a step needs to know about its run: the account (decrypted credentials, adapters, base URL, stock jump
// factor) and the run's current state. The queue driver reads it in one query (loadRunContext).
import { sql } from "drizzle-orm";
import type { AccountEndpoints } from "../../db/schema";
import type { Marketplace, RunStatus } from "../../db/schema/enums";
import type { AccountCredentials } from "../adapters/adapter";
import { decryptCredentials } from "../credentials";
import type { StatementRunner } from "../load/statement-runner";

export interface RunContext {
  runId: string;
  orgId: string;
  accountId: string;
  marketplace: Marketplace;
  status: RunStatus;
  endpoints: AccountEndpoints;
  /** The account's override of the vendor hosts (local dev and tests); null in production. */
  baseUrl: string | null;
  credentials: AccountCredentials;
  /** The account's stock jump factor for anomaly detection; null = the default. */
  stockJumpFactor: number | null;
}

/** null when the run does not exist (a stale message for a deleted account). */
export async function loadRunContext(
  run: StatementRunner,
  credentialsKey: string,
  runId: string,
): Promise<RunContext | null> {
  const [rows = []] = await run([
    sql`select r.org_id, r.account_id, r.status, a.marketplace, a.endpoints, a.base_url,
        a.credentials_encrypted, a.stock_jump_factor
      from etl_runs r join marketplace_accounts a on a.id = r.account_id
      where r.id = ${runId}`,
  ]);
  const row = rows[0];
  if (!row) return null;
  const baseUrl = typeof row.base_url === "string" ? row.base_url.replace(/\/+$/, "") : null;
  const endpoints = typeof row.endpoints === "string" ? JSON.parse(row.endpoints) : row.endpoints;
  return {
    runId,
    orgId: String(row.org_id),
    accountId: String(row.account_id),
    marketplace: row.marketplace as Marketplace,
    status: row.status as RunStatus,
    endpoints: (endpoints ?? {}) as AccountEndpoints,
    baseUrl,
    credentials: await decryptCredentials(String(row.credentials_encrypted), credentialsKey),
    stockJumpFactor: row.stock_jump_factor == null ? null : Number(row.stock_jump_factor),
  };
}

/** The run's status in the run log; null when there is no such run. */
export async function runStatus(run: StatementRunner, runId: string): Promise<RunStatus | null> {
  const [rows = []] = await run([sql`select status from etl_runs where id = ${runId}`]);
  const status = rows[0]?.status;
  return typeof status === "string" ? (status as RunStatus) : null;
}

// What a step needs to know about its run: the account (decrypted credentials, adapters, base URL, stock jump
// factor) and the run's current state, read in one query.
import { eq } from "drizzle-orm";
import type { AccountCredentials } from "../../cron/adapters/adapter";
import { decryptCredentials } from "../../cron/credentials";
import type { Database } from "../../db/client";
import { type AccountEndpoints, etlRuns, marketplaceAccounts } from "../../db/schema";
import type { Marketplace, RunStatus } from "../../db/schema/enums";

export interface RunContext {
  runId: string;
  orgId: string;
  accountId: string;
  marketplace: Marketplace;
  status: RunStatus;
  startedAt: Date;
  endpoints: AccountEndpoints;
  /** The account's override of the vendor hosts (local dev and tests); null in production. */
  baseUrl: string | null;
  credentials: AccountCredentials;
  /** The account's stock jump factor for anomaly detection; null = the default. */
  stockJumpFactor: number | null;
}

/** null when the run does not exist (a stale message for a deleted account). */
export async function loadRunContext(
  db: Database,
  env: Pick<Env, "CREDENTIALS_KEY">,
  runId: string,
): Promise<RunContext | null> {
  const [row] = await db
    .select({
      orgId: etlRuns.orgId,
      accountId: etlRuns.accountId,
      status: etlRuns.status,
      startedAt: etlRuns.startedAt,
      marketplace: marketplaceAccounts.marketplace,
      endpoints: marketplaceAccounts.endpoints,
      baseUrl: marketplaceAccounts.baseUrl,
      credentialsEncrypted: marketplaceAccounts.credentialsEncrypted,
      stockJumpFactor: marketplaceAccounts.stockJumpFactor,
    })
    .from(etlRuns)
    .innerJoin(marketplaceAccounts, eq(marketplaceAccounts.id, etlRuns.accountId))
    .where(eq(etlRuns.id, runId));
  if (!row) return null;
  return {
    runId,
    orgId: row.orgId,
    accountId: row.accountId,
    marketplace: row.marketplace,
    status: row.status,
    startedAt: row.startedAt,
    endpoints: row.endpoints,
    baseUrl: row.baseUrl ? row.baseUrl.replace(/\/+$/, "") : null,
    credentials: await decryptCredentials(row.credentialsEncrypted, env.CREDENTIALS_KEY),
    stockJumpFactor: row.stockJumpFactor,
  };
}

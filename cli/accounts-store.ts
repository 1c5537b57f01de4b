// Marketplace accounts straight in the database: list an organization's accounts, add one with
// AES-GCM-encrypted credentials (cron/credentials.ts). Enabling, disabling and sync settings are the API's own
// queries (db/queries/account-admin.ts), re-exported here.
import { asc, eq, or } from "drizzle-orm";
import type { AccountCredentials } from "../cron/adapters/adapter";
import { encryptCredentials } from "../cron/credentials";
import { createDatabase, type Database } from "../db/client";
import { accountOfCabinet, insertAccount } from "../db/queries/account-admin";
import { type AccountEndpoints, marketplaceAccounts, organizations } from "../db/schema";
import type { Marketplace } from "../db/schema/enums";
import { credentialsFingerprint } from "../worker/accounts/credentials-fingerprint";
import { fillMissingFingerprints } from "../worker/accounts/fill-fingerprints";
import { ArgumentError, isUuid } from "./args";
import type { DatabaseTarget } from "./connection";

export {
  type AccountSettings,
  getAccountSettings,
  setAccountEnabled,
  setAccountSettings,
} from "../db/queries/account-admin";

export interface AccountRow {
  id: string;
  marketplace: Marketplace;
  name: string;
  enabled: boolean;
  baseUrl: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

export function openDatabase(target: DatabaseTarget): Database {
  return createDatabase({ url: target.url, httpEndpoint: target.httpEndpoint });
}

/** The organization by slug or id; without one, the only organization in the database. */
export async function resolveOrganization(db: Database, wanted: string | undefined) {
  const columns = { id: organizations.id, name: organizations.name, slug: organizations.slug };
  if (wanted) {
    const where = isUuid(wanted)
      ? or(eq(organizations.id, wanted), eq(organizations.slug, wanted))
      : eq(organizations.slug, wanted);
    const [found] = await db.select(columns).from(organizations).where(where);
    if (!found) throw new ArgumentError(`--org: no organization with slug or id "${wanted}"`);
    return found;
  }
  const all = await db.select(columns).from(organizations).orderBy(asc(organizations.slug)).limit(21);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0) throw new ArgumentError("--org: the database has no organization yet");
  throw new ArgumentError(`--org: required, the database has several: ${all.map((o) => o.slug).join(", ")}`);
}

export function listAccounts(db: Database, orgId: string): Promise<AccountRow[]> {
  return db
    .select({
      id: marketplaceAccounts.id,
      marketplace: marketplaceAccounts.marketplace,
      name: marketplaceAccounts.name,
      enabled: marketplaceAccounts.enabled,
      baseUrl: marketplaceAccounts.baseUrl,
      createdAt: marketplaceAccounts.createdAt,
      disabledAt: marketplaceAccounts.disabledAt,
    })
    .from(marketplaceAccounts)
    .where(eq(marketplaceAccounts.orgId, orgId))
    .orderBy(asc(marketplaceAccounts.marketplace), asc(marketplaceAccounts.name));
}

export interface NewAccount {
  orgId: string;
  marketplace: Marketplace;
  name: string;
  credentials: AccountCredentials;
  baseUrl: string | null;
  /** Checked by the caller against the adapter registries (cli/account-endpoints.ts). */
  endpoints: AccountEndpoints;
  /** Stock anomaly detection's jump factor (> 1, checked by the caller); null = the default. */
  stockJumpFactor: number | null;
}

/**
 * Inserts the account with its credentials sealed by CREDENTIALS_KEY; null when the name is taken, and the other
 * account's name when the organization already connected this seller cabinet (as the API refuses it).
 */
export async function addAccount(
  db: Database,
  input: NewAccount,
  credentialsKey: string,
): Promise<{ id: string } | { sameCabinetAs: string } | null> {
  const { credentials, ...account } = input;
  const fingerprint = await credentialsFingerprint(credentials, credentialsKey);
  const twin = async () => {
    if (fingerprint === null) return null;
    await fillMissingFingerprints(db, input.orgId, input.marketplace, credentialsKey);
    return accountOfCabinet(db, input.orgId, input.marketplace, fingerprint);
  };
  const before = await twin();
  if (before) return { sameCabinetAs: before.name };
  const added = await insertAccount(db, {
    ...account,
    credentialsEncrypted: await encryptCredentials(credentials, credentialsKey),
    credentialsFingerprint: fingerprint,
  });
  if (added) return added;
  const since = await twin();
  return since ? { sameCabinetAs: since.name } : null;
}

// Marketplace accounts straight in the database (the API has no route for them): list an organization's
// accounts, add one with AES-GCM-encrypted credentials (cron/credentials.ts), enable or disable one, change
// one's sync settings (adapters, stock jump factor).
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { AccountCredentials } from "../cron/adapters/adapter";
import { encryptCredentials } from "../cron/credentials";
import { createDatabase, type Database } from "../db/client";
import { type AccountEndpoints, marketplaceAccounts, organizations } from "../db/schema";
import type { Marketplace } from "../db/schema/enums";
import { ArgumentError, isUuid } from "./args";
import type { DatabaseTarget } from "./connection";

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

/** Inserts the account; answers null when the organization already has one with this marketplace and name. */
export async function addAccount(db: Database, input: NewAccount, credentialsKey: string) {
  const [row] = await db
    .insert(marketplaceAccounts)
    .values({
      orgId: input.orgId,
      marketplace: input.marketplace,
      name: input.name,
      baseUrl: input.baseUrl,
      endpoints: input.endpoints,
      stockJumpFactor: input.stockJumpFactor,
      credentialsEncrypted: await encryptCredentials(input.credentials, credentialsKey),
    })
    .onConflictDoNothing()
    .returning({ id: marketplaceAccounts.id });
  return row ?? null;
}

/** Enables or disables one account of the organization; answers the row, or null when there is none. */
export async function setAccountEnabled(db: Database, orgId: string, accountId: string, enabled: boolean) {
  const [row] = await db
    .update(marketplaceAccounts)
    .set({ enabled, disabledAt: enabled ? null : sql`coalesce(${marketplaceAccounts.disabledAt}, now())` })
    .where(and(eq(marketplaceAccounts.orgId, orgId), eq(marketplaceAccounts.id, accountId)))
    .returning({
      id: marketplaceAccounts.id,
      name: marketplaceAccounts.name,
      enabled: marketplaceAccounts.enabled,
    });
  return row ?? null;
}

/** One account's sync settings: its endpoint config and stock jump factor (null = the default). */
export interface AccountSettings {
  endpoints: AccountEndpoints;
  stockJumpFactor: number | null;
}

/** The sync settings of one account of the organization; null when there is none. */
export async function getAccountSettings(
  db: Database,
  orgId: string,
  accountId: string,
): Promise<AccountSettings | null> {
  const [row] = await db
    .select({
      endpoints: marketplaceAccounts.endpoints,
      stockJumpFactor: marketplaceAccounts.stockJumpFactor,
    })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.orgId, orgId), eq(marketplaceAccounts.id, accountId)));
  return row ?? null;
}

/**
 * Writes the given sync settings (checked by the caller) of one account of the organization, leaving the
 * others as they are; answers the row, or null when there is none.
 */
export async function setAccountSettings(
  db: Database,
  orgId: string,
  accountId: string,
  settings: Partial<AccountSettings>,
) {
  const [row] = await db
    .update(marketplaceAccounts)
    .set({
      ...(settings.endpoints !== undefined && { endpoints: settings.endpoints }),
      ...(settings.stockJumpFactor !== undefined && { stockJumpFactor: settings.stockJumpFactor }),
    })
    .where(and(eq(marketplaceAccounts.orgId, orgId), eq(marketplaceAccounts.id, accountId)))
    .returning({ id: marketplaceAccounts.id, name: marketplaceAccounts.name });
  return row ?? null;
}

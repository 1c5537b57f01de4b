// The admin's changes to marketplace accounts, shared by the API (worker/routes/account-admin.ts) and the CLI
// (cli/accounts-store.ts): add one (credentials already sealed by the caller), rename, enable or disable,
// change its adapters, delete it. Every function takes the organization id and never reaches outside it.

import { and, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { type AccountEndpoints, marketplaceAccounts } from "../schema";
import type { Marketplace } from "../schema/enums";
import { insertSalesDaily, refreshSalesDayTotalsOf, salesDailyLock } from "./sales-summaries";
import { refreshSalesWindowsOf } from "./sales-windows";
import { forgetUnlistedStock } from "./stock-summaries";
import { refreshUnlistedSupplyPlanLines } from "./supply-plan-lines";

export interface NewAccountRow {
  orgId: string;
  marketplace: Marketplace;
  name: string;
  /** "v1.<iv>.<ciphertext>" from cron/credentials.ts's encryptCredentials. */
  credentialsEncrypted: string;
  /** Which seller cabinet the credentials open (worker/accounts/credentials-fingerprint.ts). */
  credentialsFingerprint: string | null;
  baseUrl: string | null;
  /** Checked by the caller against the adapter registries (worker/api/schemas/accounts.ts). */
  endpoints: AccountEndpoints;
  /** Stock anomaly detection's jump factor (> 1, checked by the caller); null = the default. */
  stockJumpFactor: number | null;
}

/**
 * Inserts the account; answers null when the organization already has one of this name (in any letter case) or
 * of these credentials' cabinet on this marketplace (the caller tells which by looking the cabinet up).
 */
export async function insertAccount(db: Database, input: NewAccountRow) {
  const [row] = await db
    .insert(marketplaceAccounts)
    .values(input)
    .onConflictDoNothing()
    .returning({ id: marketplaceAccounts.id });
  return row ?? null;
}

/** Whether the organization has an account of this name in any letter case (other than `exceptId`). */
export async function accountNameTaken(
  db: Database,
  orgId: string,
  name: string,
  exceptId: string | null = null,
) {
  const [row] = await db
    .select({ id: marketplaceAccounts.id })
    .from(marketplaceAccounts)
    .where(
      and(
        eq(marketplaceAccounts.orgId, orgId),
        sql`lower(${marketplaceAccounts.name}) = lower(${name})`,
        exceptId === null ? undefined : ne(marketplaceAccounts.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const ofOrg = (orgId: string, accountId: string) =>
  and(eq(marketplaceAccounts.orgId, orgId), eq(marketplaceAccounts.id, accountId));

const ADMIN_COLUMNS = {
  id: marketplaceAccounts.id,
  marketplace: marketplaceAccounts.marketplace,
  name: marketplaceAccounts.name,
  enabled: marketplaceAccounts.enabled,
  endpoints: marketplaceAccounts.endpoints,
  baseUrl: marketplaceAccounts.baseUrl,
  credentialsEncrypted: marketplaceAccounts.credentialsEncrypted,
};

/** What an admin sees of one account: everything but the credentials themselves. */
export async function accountForAdmin(db: Database, orgId: string, accountId: string) {
  const [row] = await db.select(ADMIN_COLUMNS).from(marketplaceAccounts).where(ofOrg(orgId, accountId));
  return row ?? null;
}

/** What an admin sees of each of the organization's accounts (Settings lists them all at once). */
export function accountsForAdmin(db: Database, orgId: string) {
  return db.select(ADMIN_COLUMNS).from(marketplaceAccounts).where(eq(marketplaceAccounts.orgId, orgId));
}

export type AdminAccountRow = NonNullable<Awaited<ReturnType<typeof accountForAdmin>>>;

/** Enables or disables one account of the organization; answers the row, or null when there is none. */
export async function setAccountEnabled(db: Database, orgId: string, accountId: string, enabled: boolean) {
  const [row] = await db
    .update(marketplaceAccounts)
    .set({ enabled, disabledAt: enabled ? null : sql`coalesce(${marketplaceAccounts.disabledAt}, now())` })
    .where(ofOrg(orgId, accountId))
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
    .where(ofOrg(orgId, accountId));
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
    .where(ofOrg(orgId, accountId))
    .returning({ id: marketplaceAccounts.id, name: marketplaceAccounts.name });
  return row ?? null;
}

/** The organization's account of this marketplace whose credentials open the fingerprinted cabinet, other than `exceptId`. */
export async function accountOfCabinet(
  db: Database,
  orgId: string,
  marketplace: Marketplace,
  fingerprint: string,
  exceptId: string | null = null,
) {
  const [row] = await db
    .select({ id: marketplaceAccounts.id, name: marketplaceAccounts.name })
    .from(marketplaceAccounts)
    .where(
      and(
        eq(marketplaceAccounts.orgId, orgId),
        eq(marketplaceAccounts.marketplace, marketplace),
        eq(marketplaceAccounts.credentialsFingerprint, fingerprint),
        exceptId === null ? undefined : ne(marketplaceAccounts.id, exceptId),
      ),
    );
  return row ?? null;
}

/** The organization's accounts of this marketplace stored before credentials had fingerprints. */
export async function accountsWithoutFingerprint(db: Database, orgId: string, marketplace: Marketplace) {
  return db
    .select({ id: marketplaceAccounts.id, credentialsEncrypted: marketplaceAccounts.credentialsEncrypted })
    .from(marketplaceAccounts)
    .where(
      and(
        eq(marketplaceAccounts.orgId, orgId),
        eq(marketplaceAccounts.marketplace, marketplace),
        isNull(marketplaceAccounts.credentialsFingerprint),
      ),
    );
}

/**
 * Stores an old account's fingerprint unless it has one by now, or another account of the organization already
 * holds it: of two accounts connected to one cabinet before fingerprints existed, the first filled keeps it and
 * the other stays without (the unique index would refuse it); either way a new connection of it is refused.
 */
export async function fillFingerprint(db: Database, accountId: string, fingerprint: string) {
  await db.execute(sql`update marketplace_accounts self set credentials_fingerprint = ${fingerprint}
    where self.id = ${accountId} and self.credentials_fingerprint is null
      and not exists (select 1 from marketplace_accounts other where other.org_id = self.org_id
        and other.marketplace = self.marketplace and other.credentials_fingerprint = ${fingerprint})`);
}

export interface AccountChange {
  name?: string | undefined;
  enabled?: boolean | undefined;
  endpoints?: AccountEndpoints | undefined;
  credentialsEncrypted?: string | undefined;
  /** Set with credentialsEncrypted: the new credentials' cabinet, checked by the caller to be no other account's. */
  credentialsFingerprint?: string | null | undefined;
}

/**
 * Applies an admin's change to one account in one statement (all of it or nothing); "taken" when another
 * account of the organization has the new name (in any letter case), null when there is no such account.
 */
export async function changeAccount(db: Database, orgId: string, accountId: string, change: AccountChange) {
  if (change.name !== undefined) {
    const taken = await db.execute(sql`select 1 from marketplace_accounts other
      join marketplace_accounts self on self.org_id = other.org_id
      where self.id = ${accountId} and self.org_id = ${orgId} and other.id <> self.id
        and lower(other.name) = lower(${change.name})`);
    if (taken.rows.length > 0) return "taken" as const;
  }
  const enabled =
    change.enabled === undefined
      ? {}
      : {
          enabled: change.enabled,
          disabledAt: change.enabled ? null : sql`coalesce(${marketplaceAccounts.disabledAt}, now())`,
        };
  const [row] = await db
    .update(marketplaceAccounts)
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.endpoints !== undefined && { endpoints: change.endpoints }),
      ...(change.credentialsEncrypted !== undefined && { credentialsEncrypted: change.credentialsEncrypted }),
      ...(change.credentialsFingerprint !== undefined && {
        credentialsFingerprint: change.credentialsFingerprint,
      }),
      ...enabled,
    })
    .where(ofOrg(orgId, accountId))
    .returning({ id: marketplaceAccounts.id });
  return row ?? null;
}

export type DeleteOutcome = "deleted" | "not-found" | "running";

/**
 * Deletes one account and everything it brought: its listings with their stock and stock history, its sales
 * and its runs (the foreign keys cascade). Refused while a run of it is in progress (it would write into rows
 * that are going). In the same transaction the organization's daily sales facts are rebuilt without its sales,
 * product summaries of products left without any listing go, and the data version moves so no cached answer
 * still shows the account's numbers. Deleting an account that is gone answers "not-found" and changes nothing.
 */
export async function deleteAccount(db: Database, orgId: string, accountId: string): Promise<DeleteOutcome> {
  const [found] = await db
    .select({
      id: marketplaceAccounts.id,
      running: sql<boolean>`exists (select 1 from etl_runs r where r.account_id = ${marketplaceAccounts.id}
        and r.status = 'running')`,
    })
    .from(marketplaceAccounts)
    .where(ofOrg(orgId, accountId));
  if (!found) return "not-found";
  if (found.running) return "running";
  const idle = sql`not exists (select 1 from etl_runs r where r.account_id = ${accountId} and r.status = 'running')`;
  // Only the summary rows the account's own sales fed are rebuilt (from the sales of the organization's other
  // accounts on the same day × product × marketplace × region), so the work follows the account's size, not the
  // organization's: rebuilding every day of every account took 22 s on the demo (test/bench/account-delete.ts).
  const ownSales = sql`select day, product_id, marketplace, region from sales where account_id = ${accountId}`;
  const ownKeys = sql`(day, product_id, marketplace, coalesce(region, '')) in
    (select s.day, s.product_id, s.marketplace, coalesce(s.region, '') from (${ownSales}) s)`;
  const [windowsOfAccount, ...categoriesAgain] = refreshSalesWindowsOf(orgId, ownSales) as [SQL, ...SQL[]];
  const [, , , , , deleted] = await db.batch([
    db.execute(salesDailyLock(orgId)),
    db.execute(sql`delete from sales_daily where org_id = ${orgId} and ${idle}
      and (day, product_id, marketplace, region) in
        (select s.day, s.product_id, s.marketplace, coalesce(s.region, '') from (${ownSales}) s)`),
    db.execute(insertSalesDaily(orgId, sql`account_id <> ${accountId} and ${idle} and ${ownKeys}`)),
    // KPIs, trend and regions read the per-day totals: the days, marketplaces and regions just rebuilt.
    db.execute(refreshSalesDayTotalsOf(orgId, ownSales)),
    // Top products, categories, ABC and turnover read the per-product periods: the account's products.
    db.execute(windowsOfAccount),
    // Last: the account's sales (by cascade) are still there for the statements above to find its keys.
    db.execute(sql`delete from marketplace_accounts where id = ${accountId} and org_id = ${orgId} and ${idle}
      returning id`),
    db.execute(sql`delete from product_summary ps where ps.org_id = ${orgId}
      and not exists (select 1 from listings l where l.org_id = ${orgId} and l.product_id = ps.product_id)`),
    ...forgetUnlistedStock(orgId).map((statement) => db.execute(statement)),
    ...refreshUnlistedSupplyPlanLines(orgId).map((statement) => db.execute(statement)),
    // Categories (summed per category) and ABC (ranked) read the per-product periods: again from the rows just
    // refreshed.
    ...categoriesAgain.map((statement) => db.execute(statement)),
    db.execute(sql`update organizations set data_version = data_version + 1 where id = ${orgId}`),
  ]);
  // A run that started between the look and the batch keeps the account (the guarded statements did nothing).
  return deleted.rows.length > 0 ? "deleted" : "running";
}

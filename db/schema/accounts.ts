// Marketplace accounts: one seller cabinet on Ozon or Wildberries, with encrypted credentials and the
// endpoint adapters chosen for it. One SyncCoordinator Durable Object exists per account.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceEnum } from "./enums";
import { organizations } from "./organizations";

/** Which adapter (endpoint version) each data kind uses; validated by cron/ before use. */
export interface AccountEndpoints {
  /** Stock adapter ids in order of preference; later ones replace an earlier one that was switched off. */
  stock?: string[];
  sales?: string[];
  /** Vendor reports read after the sales feeds of a full run; absent = the marketplace's, [] = none. */
  reports?: string[];
  /** Divides the vendors' rate windows (the simulator's timeScale); 1 or absent in production. */
  rateScale?: number;
  /** Caps the rows asked per page of offset-paged endpoints (small pages in tests); absent = the vendor's max. */
  pageLimit?: number;
}

export const marketplaceAccounts = pgTable(
  "marketplace_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    marketplace: marketplaceEnum("marketplace").notNull(),
    name: text("name").notNull(),
    // AES-GCM with the CREDENTIALS_KEY secret: "v1.<iv b64>.<ciphertext b64>".
    credentialsEncrypted: text("credentials_encrypted").notNull(),
    // Which seller cabinet the credentials open (Ozon's Client-Id, WB's token), as a keyed HMAC
    // (worker/accounts/credentials-fingerprint.ts): equal for the same cabinet, unreadable without the key.
    // Null on rows stored before it existed, until the next connect or credential change of the organization's
    // accounts of that marketplace fills it (a migration cannot decrypt).
    credentialsFingerprint: text("credentials_fingerprint"),
    endpoints: jsonb("endpoints").$type<AccountEndpoints>().notNull().default(sql`'{}'::jsonb`),
    // Overrides the vendor host; used by local dev and tests to reach the simulator.
    baseUrl: text("base_url"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // When a run last wrote the day's stock snapshot of the account (inventory_daily): a later run of the same
    // day only needs to add the cells written since.
    snapshotAt: timestamp("snapshot_at", { withTimezone: true }),
    // Stock anomaly detection: a new available count above this factor × max(previous, 20) is flagged as a
    // STOCK_JUMP on the run. Null = the default (10, cron/load/stock-page-statements.ts).
    stockJumpFactor: real("stock_jump_factor"),
  },
  (t) => [
    check("marketplace_accounts_stock_jump_factor_check", sql`${t.stockJumpFactor} > 1`),
    // One name per organization whatever the marketplace or letter case: the dashboard and alerts name an
    // account by it alone.
    uniqueIndex("marketplace_accounts_org_lower_name_key").on(t.orgId, sql`lower(${t.name})`),
    // One account per seller cabinet and organization: a cabinet connected twice would list every product
    // twice and count its stock in transit twice. Rows without a fingerprint (not yet filled) do not collide.
    uniqueIndex("marketplace_accounts_org_credentials_key").on(
      t.orgId,
      t.marketplace,
      t.credentialsFingerprint,
    ),
    index("marketplace_accounts_enabled_idx").on(t.enabled),
  ],
);

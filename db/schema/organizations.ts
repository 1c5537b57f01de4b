// Tenants and the people and machines that act for them: organizations with their stock settings,
// users, dashboard sessions and API keys. Every other business table points at organizations.id.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { roleEnum, statusBasisEnum } from "./enums";

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    // Stock status rule (domain/stock-status.ts): by days of cover against the lead time (default), or by
    // the units thresholds below (inclusive upper bounds for critical and low).
    statusBasis: statusBasisEnum("status_basis").notNull().default("cover"),
    coverCeilingDays: integer("cover_ceiling_days").notNull().default(120),
    criticalMax: integer("critical_max").notNull().default(5),
    lowMax: integer("low_max").notNull().default(20),
    overstockMin: integer("overstock_min").notNull().default(100),
    // Replenishment inputs.
    leadTimeDays: integer("lead_time_days").notNull().default(14),
    safetyStockDays: integer("safety_stock_days").notNull().default(7),
    targetCoverDays: integer("target_cover_days").notNull().default(45),
    velocityWindowDays: integer("velocity_window_days").notNull().default(30),
    // Supply plan defaults (domain/supply-plan.ts); a product may set its own (db/schema/supply.ts).
    minOrderUnits: integer("min_order_units").notNull().default(1),
    packSize: integer("pack_size").notNull().default(1),
    timeZone: text("time_zone").notNull().default("Europe/Moscow"),
    // Empty means any address may use the API (after authentication).
    ipAllowlist: text("ip_allowlist").array().notNull().default(sql`'{}'::text[]`),
    // Bumped at the end of every run that changed data; part of every API cache key.
    dataVersion: integer("data_version").notNull().default(1),
    // Set when a warehouse's cluster, name or type changed or a warehouse went (a trigger, migration 0038): the
    // next finalize rebuilds every product's supply plan lines, not only its own (db/queries/supply-plan-lines.ts).
    supplyPlanStale: boolean("supply_plan_stale").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    check(
      "organizations_thresholds_ordered",
      sql`${t.criticalMax} >= 0 and ${t.criticalMax} < ${t.lowMax} and ${t.lowMax} < ${t.overstockMin}`,
    ),
    check(
      "organizations_days_positive",
      sql`${t.leadTimeDays} >= 0 and ${t.safetyStockDays} >= 0 and ${t.targetCoverDays} > 0 and ${t.velocityWindowDays} > 0`,
    ),
    check(
      "organizations_cover_ceiling_above_safety",
      sql`${t.coverCeilingDays} > ${t.leadTimeDays} + ${t.safetyStockDays}`,
    ),
    check("organizations_supply_units_positive", sql`${t.minOrderUnits} >= 1 and ${t.packSize} >= 1`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    // PBKDF2-SHA256 via WebCrypto with its parameters (worker/auth/password.ts):
    // "pbkdf2-chain$<iterations>$<salt b64>$<hash b64>", or the older one-call "pbkdf2$…", upgraded at login.
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull().default("viewer"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_org_idx").on(t.orgId)],
);

export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 of the cookie token; the token itself is never stored.
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // First characters of the key, shown in lists so a user can tell keys apart.
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    role: roleEnum("role").notNull().default("viewer"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_org_idx").on(t.orgId)],
);

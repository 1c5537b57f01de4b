// Stock facts: current stock per listing × warehouse, every change to it (audit), and one snapshot per
// day, since the marketplaces keep no stock history of their own.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { listings } from "./catalog";
import { marketplaceEnum, stockChangeTypeEnum } from "./enums";
import { users } from "./organizations";

// Foreign keys: only listing_id is one. The loader writes a row only for a listing and a warehouse it has just
// joined (listings by account key, warehouse_aliases → warehouses), so checking each row again costs the
// per-page upsert its largest share and protects nothing. Deletion still cascades: an organization, account or
// product takes its listings and so its stock (listing_id FK); a deleted warehouse takes its stock by a
// statement-level trigger (migration 0002). org_id and product_id are the listing's own, denormalised.
export const inventory = pgTable(
  "inventory",
  {
    orgId: uuid("org_id").notNull(),
    listingId: bigint("listing_id", { mode: "number" })
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id").notNull(),
    // Denormalised from listings so dashboard aggregates need no join (kept in step by link-products.ts).
    productId: bigint("product_id", { mode: "number" }).notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    available: integer("available").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
    inTransit: integer("in_transit").notNull().default(0),
    sourceEndpoint: text("source_endpoint").notNull(),
    qualityScore: real("quality_score").notNull().default(1),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }).notNull().defaultNow(),
    runId: uuid("run_id"),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.warehouseId] }),
    index("inventory_org_product_idx").on(t.orgId, t.productId),
    index("inventory_org_warehouse_idx").on(t.orgId, t.warehouseId),
  ],
);

// History outlives listings and warehouses on purpose (no FK to them); the organization's deletion removes it
// through a statement-level trigger (migration 0002) instead of a per-row FK check on every audited change.
export const inventoryAudit = pgTable(
  "inventory_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    listingId: bigint("listing_id", { mode: "number" }).notNull(),
    warehouseId: integer("warehouse_id").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    changeType: stockChangeTypeEnum("change_type").notNull(),
    oldAvailable: integer("old_available"),
    newAvailable: integer("new_available").notNull(),
    oldReserved: integer("old_reserved"),
    newReserved: integer("new_reserved").notNull(),
    oldInTransit: integer("old_in_transit"),
    newInTransit: integer("new_in_transit").notNull(),
    runId: uuid("run_id"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inventory_audit_product_idx").on(t.orgId, t.productId, t.changedAt),
    index("inventory_audit_run_idx").on(t.runId),
  ],
);

// Like the audit: no per-row org FK check on the ~1 row per stock cell a day; the organization trigger removes it.
export const inventoryDaily = pgTable(
  "inventory_daily",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day").notNull(),
    listingId: bigint("listing_id", { mode: "number" }).notNull(),
    warehouseId: integer("warehouse_id").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    available: integer("available").notNull(),
    reserved: integer("reserved").notNull(),
    inTransit: integer("in_transit").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.warehouseId, t.day] }),
    // A product's days, and (with migration 0031's INCLUDE (available)) its warehouses' sums of a day read from
    // the index alone: the per-warehouse forecast's check of a day of no stock (db/queries/warehouse-forecast.ts).
    index("inventory_daily_product_idx").on(t.orgId, t.productId, t.day, t.warehouseId),
    // The rows of no stock only: the per-warehouse forecast's candidate days out of stock, per series.
    index("inventory_daily_stock_out_idx")
      .on(t.orgId, t.productId, t.warehouseId, t.day)
      .where(sql`${t.available} <= 0`),
  ],
);

// Canonical warehouses per marketplace and the aliases that map each name an API wrote to one of them.
// Unknown names land on a provisional warehouse and wait for review.
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { aliasSourceEnum, marketplaceEnum, warehouseTypeEnum } from "./enums";
import { organizations, users } from "./organizations";

export const warehouses = pgTable(
  "warehouses",
  {
    id: serial("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    marketplace: marketplaceEnum("marketplace").notNull(),
    name: text("name").notNull(),
    cluster: text("cluster"),
    region: text("region"),
    type: warehouseTypeEnum("type").notNull().default("fbo"),
    // Created for a name no rule recognised; shown for review until an operator maps the alias.
    provisional: boolean("provisional").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("warehouses_org_name_key").on(t.orgId, t.marketplace, t.name)],
);

export const warehouseAliases = pgTable(
  "warehouse_aliases",
  {
    id: serial("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    marketplace: marketplaceEnum("marketplace").notNull(),
    // The name exactly as the API wrote it.
    alias: text("alias").notNull(),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "cascade" }),
    confidence: real("confidence").notNull(),
    source: aliasSourceEnum("source").notNull(),
    active: boolean("active").notNull().default(true),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("warehouse_aliases_org_alias_key").on(t.orgId, t.marketplace, t.alias),
    index("warehouse_aliases_warehouse_idx").on(t.warehouseId),
    index("warehouse_aliases_review_idx")
      .on(t.orgId)
      .where(sql`${t.source} <> 'manual' and ${t.confidence} < 0.9`),
  ],
);

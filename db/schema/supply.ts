// A product's own supply plan units (minimum order, pack size), where it differs from the organization's
// defaults; null keeps the default. One row per product that sets either.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { organizations, users } from "./organizations";

export const productSupplySettings = pgTable(
  "product_supply_settings",
  {
    productId: bigint("product_id", { mode: "number" })
      .primaryKey()
      .references(() => products.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    minOrderUnits: integer("min_order_units"),
    packSize: integer("pack_size"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("product_supply_settings_org_idx").on(t.orgId),
    check(
      "product_supply_settings_positive",
      sql`(${t.minOrderUnits} is null or ${t.minOrderUnits} >= 1) and (${t.packSize} is null or ${t.packSize} >= 1)`,
    ),
  ],
);

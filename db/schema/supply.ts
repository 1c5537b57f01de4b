// A product's own supply plan units (minimum order, pack size), where it differs from the organization's
// defaults; null keeps the default. One row per product that sets either.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { SUPPLY_COVER_BOUND, SUPPLY_PLAN_VELOCITY_ROUNDS_ABOVE_ZERO } from "../../domain/supply-plan-sql";
import { products } from "./catalog";
import { marketplaceEnum } from "./enums";
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

/**
 * The supply plan's inputs, one row per product × destination (a cluster of one marketplace, or a warehouse
 * outside any cluster), as of the product's last finalize (db/queries/supply-plan-lines.ts): stock summed over
 * the destination's warehouses and the destination's share of the product's recent demand. What depends on the
 * organization's settings or the product's own (minimum order, pack size, unit price, the forecast itself) is
 * joined when the plan is read, so a settings change never leaves these rows stale.
 */
export const supplyPlanLines = pgTable(
  "supply_plan_lines",
  {
    // No FKs, as the other read models (migration 0032): triggers remove a deleted organization's or product's rows.
    orgId: uuid("org_id").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    /** "c:" + the cluster, or "w:" + the warehouse's id outside any cluster: two may share a name. */
    destinationKey: text("destination_key").notNull(),
    /** The cluster's name, or the warehouse's outside any cluster. */
    destination: text("destination").notNull(),
    cluster: text("cluster"),
    /** The warehouse outside any cluster; null for a cluster. */
    warehouseId: integer("warehouse_id"),
    warehouseIds: integer("warehouse_ids").array().notNull(),
    warehouses: text("warehouses").array().notNull(),
    /** The product's article (its key in the organization, never changed): the plan's order without a join. */
    article: text("article").notNull(),
    available: integer("available").notNull(),
    inTransit: integer("in_transit").notNull(),
    /** The destination's share of the product's recent demand, 0–1. */
    demandShare: doublePrecision("demand_share").notNull(),
    /**
     * The destination's forecast: the product's (product_summary.velocity, which only finalize writes, before
     * these rows) × its share, units a day.
     */
    velocity: doublePrecision("velocity").notNull(),
    /**
     * What the line ships under the organization's supply settings and the product's own units
     * (db/queries/supply-plan-store.ts); null until computed: a written line's inputs, or the product's units,
     * changed since. The stored plan is used only while no line of the organization is null.
     */
    quantity: integer("quantity"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.productId, t.marketplace, t.destinationKey] }),
    // The lines that may be due at any lead and safety days, by a bound of their cover at the plan's velocity
    // (domain/supply-plan-sql.ts' supplyCandidateSql): the plan reads a range of it, not every line.
    index("supply_plan_lines_due_idx")
      .on(t.orgId, sql`${sql.raw(SUPPLY_COVER_BOUND)}`)
      .where(sql`${sql.raw(SUPPLY_PLAN_VELOCITY_ROUNDS_ABOVE_ZERO)}`),
    // The plan's order (marketplace, destination, article): a page or an export chunk is a range of it.
    index("supply_plan_lines_order_idx").on(
      t.orgId,
      t.marketplace,
      t.destination,
      t.article,
      t.destinationKey,
    ),
    // The lines that ship, in the plan's order: a page of the stored plan is a range of it.
    index("supply_plan_lines_ship_idx")
      .on(t.orgId, t.marketplace, t.destination, t.article, t.destinationKey)
      .where(sql`quantity > 0`),
    // The lines whose quantity is not computed yet: what the next store refresh computes.
    index("supply_plan_lines_uncomputed_idx").on(t.orgId).where(sql`quantity is null`),
  ],
);

/**
 * Per product × marketplace, its supply plan lines summed (db/queries/supply-plan-lines.ts, with them): what the
 * plan's reconciliation compares with, each product's order-now over its stock, without reading every line.
 */
export const supplyPlanProducts = pgTable(
  "supply_plan_products",
  {
    orgId: uuid("org_id").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    available: integer("available").notNull(),
    inTransit: integer("in_transit").notNull(),
    /** Σ the lines' velocity in the plan's order of destinations (the sum the route made, to the last bit). */
    velocity: doublePrecision("velocity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.productId, t.marketplace] })],
);

/**
 * The supply plan's totals and reconciliation for the whole plan and for each marketplace, stored whole
 * (db/queries/supply-plan-store.ts) with the count of its lines: computed by the statement a request runs when
 * the lines or the settings change, and tagged with the organization's data version and the supply settings it
 * was computed with; a request uses it only while both match and every line's quantity is computed.
 */
export const supplyPlanReadModels = pgTable(
  "supply_plan_read_models",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** 'all' (both marketplaces), 'ozon' or 'wb'. */
    scope: text("scope").notNull(),
    /** organizations.data_version when it was computed. */
    dataVersion: integer("data_version").notNull(),
    /** The supply settings it was computed with (supply-plan-store.ts' supplyPlanRules). */
    rules: jsonb("rules").notNull(),
    /** Every line of the scope (the list with `all=true`). */
    lines: integer("lines").notNull(),
    /** The lines that ship (the default list). */
    shipping: integer("shipping").notNull(),
    /** SupplyPlanTotals over the lines that ship. */
    totals: jsonb("totals").notNull(),
    /** The reconciliation with its five products that differ most. */
    reconciliation: jsonb("reconciliation").notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scope] })],
);

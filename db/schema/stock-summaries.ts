// Read models of stock in one marketplace or one warehouse, refreshed by the run's finalize in its transaction
// (db/queries/stock-summaries.ts): the dashboard, the inventory list and the per-warehouse recommendations read
// them instead of summing inventory rows and forecasting each warehouse's demand per request.

import { sql } from "drizzle-orm";
import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceEnum } from "./enums";

/**
 * Stock per product × marketplace, a row for each marketplace the product has inventory rows in: the
 * inventory rows summed, and how many warehouses of that marketplace hold a row of it (stocked or not).
 */
export const productMarketplaceStock = pgTable(
  "product_marketplace_stock",
  {
    // No FK (migration 0032): the organizations trigger removes a deleted organization's rows; checking the
    // organization locked its row once per row a first sync wrote here.
    orgId: uuid("org_id").notNull(),
    // No FK (as product_summary): the products trigger removes a deleted product's rows.
    productId: bigint("product_id", { mode: "number" }).notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    available: integer("available").notNull(),
    reserved: integer("reserved").notNull(),
    inTransit: integer("in_transit").notNull(),
    warehouseCount: integer("warehouse_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.marketplace, t.productId] })],
);

/**
 * Stock and demand forecast per product × warehouse × marketplace, a row for each such cell with inventory
 * rows: the inventory rows summed, and the forecast over that warehouse's orders and stock snapshots
 * (domain/forecast-sql.ts over db/queries/demand-days.ts' warehouseDemandDays), as of the last finalize.
 */
export const productWarehouseSummary = pgTable(
  "product_warehouse_summary",
  {
    // No FK (migration 0032): the organizations trigger removes a deleted organization's rows; checking the
    // organization locked its row once per row a first sync wrote here.
    orgId: uuid("org_id").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    // No FK either: the warehouses trigger removes a deleted warehouse's rows with its stock.
    warehouseId: integer("warehouse_id").notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    available: integer("available").notNull(),
    reserved: integer("reserved").notNull(),
    inTransit: integer("in_transit").notNull(),
    velocity: doublePrecision("velocity").notNull(),
    demandModel: text("demand_model").notNull(),
    observedDays: integer("observed_days").notNull(),
    censoredDays: integer("censored_days").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.productId, t.warehouseId, t.marketplace] }),
    // One warehouse's rows in product order, covering what the scoped dashboard, inventory list and
    // recommendations read (migration 0027 adds INCLUDE (marketplace, available, reserved, in_transit, velocity),
    // which drizzle cannot express): an index-only scan instead of a heap page per row.
    index("product_warehouse_summary_warehouse_idx").on(t.orgId, t.warehouseId, t.productId),
    // The lines that may be due for reorder at any lead and safety days, by a bound of their cover
    // (db/queries/recommendations.ts' REORDER_CANDIDATE): per-warehouse recommendations read a range of it
    // instead of every line (migration 0036 adds the same INCLUDE as above).
    index("product_warehouse_summary_reorder_idx")
      .on(t.orgId, sql`((available + in_transit - 2)::float8 / velocity)`)
      .where(sql`velocity > 0`),
  ],
);

// Read models the dashboard reads instead of raw facts, refreshed at the end of each run: stock and
// velocity per product, sales per product × day × region, and the organization's sales per day ×
// marketplace × region (what KPIs, the trend and regions sum).

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceEnum } from "./enums";
import { organizations } from "./organizations";

/** Stock and velocity per product over all warehouses, one row per product. */
export const productSummary = pgTable(
  "product_summary",
  {
    // No FK (migration 0032): the organizations trigger removes a deleted organization's rows; checking the
    // organization locked its row once per row a first sync wrote here.
    orgId: uuid("org_id").notNull(),
    // No FK: deleting products (link-products.ts drops thousands at once) checked every summary row per product;
    // a statement-level trigger on products removes their summaries instead (migration 0002).
    productId: bigint("product_id", { mode: "number" }).notNull(),
    available: integer("available").notNull(),
    reserved: integer("reserved").notNull(),
    inTransit: integer("in_transit").notNull(),
    ozonAvailable: integer("ozon_available").notNull(),
    wbAvailable: integer("wb_available").notNull(),
    warehouseCount: integer("warehouse_count").notNull(),
    // Units sold over the organization's velocity window, and the forecast units a day (velocity).
    unitsSold: integer("units_sold").notNull(),
    revenue: numeric("revenue", { precision: 16, scale: 2 }).notNull(),
    velocity: doublePrecision("velocity").notNull(),
    // The demand forecast behind velocity (domain/forecast.ts: 'ses', 'tsb' or 'none'); null on a row written
    // before forecasts, whose velocity is the plain average. Days in stock it read, and days out of stock left out.
    demandModel: text("demand_model"),
    observedDays: integer("observed_days").notNull().default(0),
    censoredDays: integer("censored_days").notNull().default(0),
    // Units lost to stock-outs over the Overview's 30 days and today (db/queries/lost-sales-refresh.ts), over all
    // warehouses and per marketplace, as of the last run's finalize: the Overview sums them instead of the days.
    lostUnits: doublePrecision("lost_units").notNull().default(0),
    ozonLostUnits: doublePrecision("ozon_lost_units").notNull().default(0),
    wbLostUnits: doublePrecision("wb_lost_units").notNull().default(0),
    // The one price of a unit of the product (domain/selling-price.ts: the listings' price, else the average
    // selling price of the last 90 days' orders, else 0) and where it came from ('listing', 'sales', 'none'), as
    // of the last run's finalize (db/queries/unit-price-refresh.ts): money, lost sales and the supply plan read it.
    unitPrice: doublePrecision("unit_price").notNull().default(0),
    priceSource: text("price_source").notNull().default("none"),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.productId] }),
    index("product_summary_org_available_idx").on(t.orgId, t.available),
    // Turnover walks the products by days of cover (available ÷ velocity, none without sales last) to its first
    // rows instead of sorting every product (db/queries/sales-analytics.ts, the same expression).
    index("product_summary_org_cover_idx").on(
      t.orgId,
      sql`(case when ${t.velocity} > 0 then ${t.available} / ${t.velocity} end) asc nulls last`,
    ),
  ],
);

/** Sales per product × marketplace × day × region: the fact table analytics reads. */
export const salesDaily = pgTable(
  "sales_daily",
  {
    // No FK (migration 0030): the organization's deletion removes its rows by a statement-level trigger, as for
    // inventory_daily, instead of a per-row check on every row finalize writes.
    orgId: uuid("org_id").notNull(),
    day: date("day").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    region: text("region").notNull().default(""),
    orders: integer("orders").notNull(),
    units: integer("units").notNull(),
    revenue: numeric("revenue", { precision: 16, scale: 2 }).notNull(),
    returns: integer("returns").notNull(),
    cancellations: integer("cancellations").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.day, t.productId, t.marketplace, t.region] }),
    index("sales_daily_org_product_idx").on(t.orgId, t.productId, t.day),
  ],
);

/**
 * Sales per organization × day × marketplace × region: sales_daily summed over products (db/queries/
 * sales-summaries.ts keeps it equal). KPIs, the trend and the regions read a few hundred rows of it for a
 * period instead of every product's day.
 */
export const salesDayTotals = pgTable(
  "sales_day_totals",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    region: text("region").notNull(),
    orders: integer("orders").notNull(),
    units: integer("units").notNull(),
    revenue: numeric("revenue", { precision: 18, scale: 2 }).notNull(),
    returns: integer("returns").notNull(),
    cancellations: integer("cancellations").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.marketplace, t.region] })],
);

/**
 * Which standard analytics periods product_sales_windows holds, per organization: the last `days` days up to
 * and including `endsOn` (the organization's today at the last finalize). A period the routes are asked for is
 * read from the windows only when it matches one of these rows exactly; any other period sums sales_daily.
 */
export const salesWindows = pgTable(
  "sales_windows",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    days: integer("days").notNull(),
    endsOn: date("ends_on").notNull(),
    /**
     * The organization's per-product rows changed since the ABC ranks were last computed from them (any of its
     * periods true: rank again; db/queries/abc-windows.ts). A new period starts true.
     */
    abcStale: boolean("abc_stale").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.days] })],
);

/**
 * Sales per product over each standard period of sales_windows, per marketplace (null: no sales_daily row of
 * that marketplace in the period): sales_daily summed over the period's days and regions (db/queries/
 * sales-windows.ts keeps it equal). Top products, categories, ABC and turnover read one row a product instead of
 * every product's day. One row for both marketplaces: a day's first run rewrites a third as many rows.
 */
export const productSalesWindows = pgTable(
  "product_sales_windows",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    days: integer("days").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    ozonOrders: integer("ozon_orders"),
    ozonUnits: integer("ozon_units"),
    ozonRevenue: numeric("ozon_revenue", { precision: 18, scale: 2 }),
    ozonReturns: integer("ozon_returns"),
    ozonCancellations: integer("ozon_cancellations"),
    wbOrders: integer("wb_orders"),
    wbUnits: integer("wb_units"),
    wbRevenue: numeric("wb_revenue", { precision: 18, scale: 2 }),
    wbReturns: integer("wb_returns"),
    wbCancellations: integer("wb_cancellations"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.days, t.productId] }),
    // Top products walk these to their Top-N by revenue (both marketplaces, or one) instead of sorting all.
    index("product_sales_windows_revenue_idx").on(
      t.orgId,
      t.days,
      sql`(coalesce(${t.ozonRevenue}, 0) + coalesce(${t.wbRevenue}, 0)) desc nulls last`,
    ),
    index("product_sales_windows_ozon_revenue_idx").on(t.orgId, t.days, t.ozonRevenue.desc().nullsLast()),
    index("product_sales_windows_wb_revenue_idx").on(t.orgId, t.days, t.wbRevenue.desc().nullsLast()),
  ],
);

/**
 * Sales per category over each standard period: product_sales_windows summed per product category and
 * marketplace, with how many products sold in each (db/queries/sales-windows.ts rewrites them after the
 * per-product rows). The categories route reads a row a category instead of every product's row.
 */
export const categorySalesWindows = pgTable(
  "category_sales_windows",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    days: integer("days").notNull(),
    category: text("category"),
    products: integer("products").notNull(),
    ozonProducts: integer("ozon_products").notNull(),
    wbProducts: integer("wb_products").notNull(),
    ozonOrders: bigint("ozon_orders", { mode: "number" }).notNull(),
    ozonUnits: bigint("ozon_units", { mode: "number" }).notNull(),
    ozonRevenue: numeric("ozon_revenue", { precision: 20, scale: 2 }).notNull(),
    ozonReturns: bigint("ozon_returns", { mode: "number" }).notNull(),
    ozonCancellations: bigint("ozon_cancellations", { mode: "number" }).notNull(),
    wbOrders: bigint("wb_orders", { mode: "number" }).notNull(),
    wbUnits: bigint("wb_units", { mode: "number" }).notNull(),
    wbRevenue: numeric("wb_revenue", { precision: 20, scale: 2 }).notNull(),
    wbReturns: bigint("wb_returns", { mode: "number" }).notNull(),
    wbCancellations: bigint("wb_cancellations", { mode: "number" }).notNull(),
  },
  (t) => [index("category_sales_windows_org_days_idx").on(t.orgId, t.days)],
);

/**
 * Stock per product × day, per marketplace: inventory_daily's cells of the day summed (available) and counted
 * (db/queries/stock-days.ts keeps it equal: finalize after today's snapshot, the relink when it moves a listing's
 * history). Turnover's average stock over a period reads a row a day of the products it lists, instead of every
 * stock cell of every day of the organization. A day without cells of a marketplace has 0 of them there.
 */
export const productStockDays = pgTable(
  "product_stock_days",
  {
    // No FK (migration 0032): the organizations trigger removes a deleted organization's rows; checking the
    // organization locked its row once per row a first sync wrote here.
    orgId: uuid("org_id").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    day: date("day").notNull(),
    ozonAvailable: bigint("ozon_available", { mode: "number" }).notNull().default(0),
    ozonCells: integer("ozon_cells").notNull().default(0),
    wbAvailable: bigint("wb_available", { mode: "number" }).notNull().default(0),
    wbCells: integer("wb_cells").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.productId, t.day] }),
    // The Overview's days with stock history: the organization's first day with cells in the period, by day.
    index("product_stock_days_org_day_idx").on(t.orgId, t.day),
  ],
);

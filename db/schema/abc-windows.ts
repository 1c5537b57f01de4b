// ABC classes of the standard analytics periods, ranked once at finalize (db/queries/abc-windows.ts) from the
// per-product periods (product_sales_windows): a request for one of those periods reads its page of ranks and the
// class totals by key instead of ranking every product. `scope` is 'all' (both marketplaces), 'ozon' or 'wb'.
// No FK to organizations (a first-of-day refresh inserts ~100,000 rows, each checking it): a statement trigger
// on organizations removes their rows instead (migration 0033).
import { bigint, doublePrecision, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * A product's rank in a period and scope (1 = most revenue, ties by product id), its revenue (float8, as ranked;
 * negative counted as 0 in `through`), the revenue of every product up to and including it, and its class.
 * Classes follow the rank (A, then B, then C), so one class is a range of positions.
 */
export const productAbcWindows = pgTable(
  "product_abc_windows",
  {
    orgId: uuid("org_id").notNull(),
    days: integer("days").notNull(),
    scope: text("scope").notNull(),
    position: integer("position").notNull(),
    productId: bigint("product_id", { mode: "number" }).notNull(),
    revenue: doublePrecision("revenue").notNull(),
    through: doublePrecision("through").notNull(),
    abcClass: text("abc_class").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.days, t.scope, t.position] })],
);

/** Each class's products and revenue (negative counted as 0) in a period and scope, and the revenue of all. */
export const abcClassWindows = pgTable(
  "abc_class_windows",
  {
    orgId: uuid("org_id").notNull(),
    days: integer("days").notNull(),
    scope: text("scope").notNull(),
    abcClass: text("abc_class").notNull(),
    products: integer("products").notNull(),
    revenue: doublePrecision("revenue").notNull(),
    total: doublePrecision("total").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.days, t.scope, t.abcClass] })],
);

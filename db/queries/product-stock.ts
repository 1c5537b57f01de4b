// Per-product stock in a scope (all warehouses, one marketplace, one warehouse) classified by the
// organization's status rule (domain/stock-status.ts). The dashboard and the inventory list both read from
// these shapes: unscoped the product_summary read model; scoped to a marketplace or a warehouse, the
// per-marketplace or per-warehouse read models finalize keeps (db/queries/stock-summaries.ts), classified in a
// narrow pass and joined to products only for the rows they show.
import { type SQL, sql } from "drizzle-orm";
import { daysOfCoverSql } from "../../domain/cover-sql";
import type { StatusRules, StockStatus } from "../../domain/stock-status";
import { type StockColumns, stockStatusSql } from "../../domain/stock-status-sql";
import type { Marketplace } from "../schema/enums";
import { productSearchSql } from "./inventory-search";

export interface StockScope {
  orgId: string;
  marketplace?: Marketplace | undefined;
  warehouseId?: number | undefined;
  category?: string | undefined;
  search?: string | undefined;
}

/** The organization's settings the stock status reads. */
export type StockThresholds = StatusRules;

/** product_summary ps's stock columns, as the status and cover fragments read them. */
export const SUMMARY_STOCK: StockColumns = {
  available: sql`ps.available`,
  inTransit: sql`ps.in_transit`,
  velocity: sql`ps.velocity`,
};

/** days_of_cover of product_summary ps. */
export const SUMMARY_COVER = daysOfCoverSql(SUMMARY_STOCK.available, SUMMARY_STOCK.velocity);

/**
 * Stock per product in scope: product_id, available, reserved, in_transit, warehouse_count. One marketplace reads
 * product_marketplace_stock, one warehouse product_warehouse_summary (db/queries/stock-summaries.ts keeps both
 * equal to the inventory rows): the same sums as over the inventory rows in scope, from a row per product.
 */
function scopedStockSql(scope: StockScope): SQL {
  if (scope.marketplace === undefined && scope.warehouseId === undefined) {
    return sql`select product_id, available, reserved, in_transit, warehouse_count, velocity
      from product_summary where org_id = ${scope.orgId}`;
  }
  if (scope.warehouseId === undefined) {
    return sql`select product_id, available, reserved, in_transit, warehouse_count
      from product_marketplace_stock where org_id = ${scope.orgId} and marketplace = ${scope.marketplace}`;
  }
  const conditions = [sql`org_id = ${scope.orgId}`, sql`warehouse_id = ${scope.warehouseId}`];
  if (scope.marketplace !== undefined) conditions.push(sql`marketplace = ${scope.marketplace}`);
  // One warehouse: each product in it is in one warehouse (a hash aggregate, where count(distinct) would sort).
  return sql`select product_id, sum(available)::int as available, sum(reserved)::int as reserved,
      sum(in_transit)::int as in_transit, 1 as warehouse_count
    from product_warehouse_summary where ${sql.join(conditions, sql` and `)} group by product_id`;
}

/**
 * The products in scope, narrow: product_id, article (the tie-break of every order), available, reserved,
 * in_transit, warehouse_count, velocity (the product's forecast from product_summary, 0 without one) and status,
 * from the read-model rows, product_summary and the product's article. Use as a (materialized) CTE body, and join
 * products for the name and category of the few rows a page or a Top-N shows (SCOPED_STOCK_LINE).
 */
export function scopedStockStatusSql(scope: StockScope, thresholds: StockThresholds): SQL {
  const filters = [sql`p.org_id = ${scope.orgId}`];
  if (scope.category !== undefined) filters.push(sql`p.category = ${scope.category}`);
  if (scope.search !== undefined) filters.push(productSearchSql(scope.search));
  // All warehouses (a category or a search): product_summary's row is the stock and the velocity at once.
  const everyWarehouse = scope.marketplace === undefined && scope.warehouseId === undefined;
  const stock: StockColumns = {
    available: sql`s.available`,
    inTransit: sql`s.in_transit`,
    velocity: everyWarehouse ? sql`coalesce(s.velocity, 0)::float8` : sql`coalesce(ps.velocity, 0)::float8`,
  };
  const velocitySource = everyWarehouse
    ? sql``
    : sql`left join product_summary ps on ps.org_id = ${scope.orgId} and ps.product_id = s.product_id`;
  return sql`select s.product_id, p.article, s.available, s.reserved, s.in_transit, s.warehouse_count,
      ${stock.velocity} as velocity, ${stockStatusSql(stock, thresholds)} as status
    from (${scopedStockSql(scope)}) s
    join products p on p.id = s.product_id
    ${velocitySource}
    where ${sql.join(filters, sql` and `)}`;
}

/** The columns of a ClassifiedStockRow from scopedStockStatusSql's rows `c` joined to products `p`. */
export const SCOPED_STOCK_LINE = sql`c.product_id, c.article, p.name, p.category, c.available, c.reserved,
  c.in_transit, c.warehouse_count, c.velocity, ${daysOfCoverSql(sql`c.available`, sql`c.velocity`)} as days_of_cover,
  c.status`;

export interface ClassifiedStockRow {
  product_id: number | string;
  article: string;
  name: string;
  category: string | null;
  available: number;
  reserved: number;
  in_transit: number;
  warehouse_count: number;
  velocity: number;
  days_of_cover: number | null;
  status: StockStatus;
}

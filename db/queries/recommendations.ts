// Inputs for replenishment recommendations, per product (all warehouses, from product_summary, whose velocity
// is the demand forecast) or per product × warehouse (from product_warehouse_summary: stock and the forecast over
// that warehouse's orders and stock snapshots, kept by finalize in db/queries/stock-summaries.ts, read narrow and
// joined to names only for the page).
// The reorder test is the domain's (domain/replenishment-sql.ts), in SQL only to filter and page;
// domain/replenishment.ts explains it. A search keeps the products it finds (db/queries/inventory-search.ts), as the
// inventory's does.
import { type SQL, sql } from "drizzle-orm";
import { reorderCandidateSql, reorderDueSql, type StockColumns } from "../../domain/replenishment-sql";
import { type UrgencyColumns, urgencyNumbersSql, urgencyOrderSql } from "../../domain/urgency-sql";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { searchedProductIdsSql } from "./inventory-search";

export interface RecommendationQuery {
  orgId: string;
  leadTimeDays: number;
  safetyStockDays: number;
  velocityWindowDays: number;
  marketplace?: Marketplace | undefined;
  warehouseId?: number | undefined;
  /** The search box's text (worker/api/common.ts searchText): only the products it finds. */
  search?: string | undefined;
  onlyReorder: boolean;
  offset: number;
  limit: number;
}

export interface RecommendationRow {
  product_id: number;
  article: string;
  name: string;
  warehouse_id: number | null;
  warehouse: string | null;
  marketplace: Marketplace | null;
  available: number;
  in_transit: number;
  velocity: number;
  /** The forecast's model ('ses', 'tsb', 'none'); null on a summary written before forecasts. */
  demand_model: string | null;
  observed_days: number;
  censored_days: number;
  total_count: number;
}

/** The stock columns of a recommendations line, as the reorder test reads them. */
export const LINE_STOCK: StockColumns = {
  available: sql`available`,
  inTransit: sql`in_transit`,
  velocity: sql`velocity`,
};

/** The products the query's search finds, as a condition on a line's `product_id`; none without a search. */
function searchedProducts(query: RecommendationQuery, productId: SQL): SQL[] {
  if (query.search === undefined) return [];
  return [sql`${productId} in (${searchedProductIdsSql(query.orgId, query.search)})`];
}

/** The per-product lines to keep: those to reorder (with onlyReorder) of the products searched for. */
function lineFilter(query: RecommendationQuery): SQL {
  const conditions = [
    ...(query.onlyReorder ? [reorderDueSql(LINE_STOCK, query)] : []),
    ...searchedProducts(query, sql`product_id`),
  ];
  return conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
}

/** The lines' columns as the urgency order reads them (domain/urgency-sql.ts: most urgent first). */
const LINE_COLUMNS: UrgencyColumns = {
  available: sql`available`,
  velocity: sql`velocity`,
  article: sql`article`,
  warehouseId: sql`warehouse_id`,
  marketplace: sql`marketplace`,
};

/**
 * The per-product lines (product_summary ps joined to products p): the stock of the marketplace in scope, the
 * forecast velocity, the summary's revenue and units sold, and the product's unit price. The Overview's "to order today" reads these same
 * lines with LINE_STOCK through reorderDueSql, so its count is the length of the "order now" list.
 */
export function productStockLinesSql(orgId: string, marketplace: Marketplace | undefined): SQL {
  return sql`select ps.product_id, p.article, p.name, null::int as warehouse_id, null::text as warehouse, null::text as marketplace,
        ${marketplace === "ozon" ? sql`ps.ozon_available` : marketplace === "wb" ? sql`ps.wb_available` : sql`ps.available`} as available,
        ps.in_transit, ps.velocity::float8 as velocity, ps.demand_model, ps.observed_days, ps.censored_days,
        ps.revenue, ps.units_sold, ps.unit_price
      from product_summary ps join products p on p.id = ps.product_id
      where ps.org_id = ${orgId}`;
}

export async function productRecommendationInputs(
  db: Database,
  query: RecommendationQuery,
): Promise<RecommendationRow[]> {
  const result = await db.execute(sql`with lines as (${productStockLinesSql(query.orgId, query.marketplace)})
    select *, count(*) over ()::int as total_count from lines ${lineFilter(query)} ${urgencyOrderSql(LINE_COLUMNS)}
    limit ${query.limit} offset ${query.offset}`);
  return result.rows as unknown as RecommendationRow[];
}

/** The stock columns of a product_warehouse_summary row `s`, as the reorder test reads them. */
const WAREHOUSE_LINE_STOCK: StockColumns = {
  available: sql`s.available`,
  inTransit: sql`s.in_transit`,
  velocity: sql`s.velocity`,
};

/** The narrow lines `c`'s columns as the urgency order reads them. */
const NARROW_LINE_COLUMNS: UrgencyColumns = {
  available: sql`c.available`,
  velocity: sql`c.velocity`,
  article: sql`c.article`,
  warehouseId: sql`c.warehouse_id`,
  marketplace: sql`c.marketplace::text`,
};

/**
 * The product × warehouse lines in the query's scope (of the products searched for, and to reorder), over
 * product_warehouse_summary `s`.
 */
function warehouseLineScope(query: RecommendationQuery): SQL {
  const scope = [sql`s.org_id = ${query.orgId}`];
  if (query.marketplace) scope.push(sql`s.marketplace = ${query.marketplace}`);
  if (query.warehouseId !== undefined) scope.push(sql`s.warehouse_id = ${query.warehouseId}`);
  scope.push(...searchedProducts(query, sql`s.product_id`));
  if (query.onlyReorder)
    scope.push(
      // The index's range first (product_warehouse_summary_reorder_idx), then the exact test on what it holds.
      reorderCandidateSql(WAREHOUSE_LINE_STOCK, query),
      reorderDueSql(WAREHOUSE_LINE_STOCK, query),
    );
  return sql.join(scope, sql` and `);
}

/**
 * How many lines the query has in all: what a page past the end, which answers no rows (and so no count),
 * reports as its total.
 */
export async function recommendationLineCount(
  db: Database,
  query: RecommendationQuery,
  per: "product" | "warehouse",
): Promise<number> {
  const result = await db.execute(
    per === "product"
      ? sql`with lines as (${productStockLinesSql(query.orgId, query.marketplace)})
          select count(*)::int as total from lines ${lineFilter(query)}`
      : sql`select count(*)::int as total from product_warehouse_summary s where ${warehouseLineScope(query)}`,
  );
  return Number((result.rows[0] as { total: number } | undefined)?.total ?? 0);
}

/**
 * Per product × warehouse: the lines in scope (and to reorder) read narrow from product_warehouse_summary (an index
 * covers them; every row has its product and warehouse, whose deletion removes it) twice, to count them and to cut
 * them to the page's end on their numbers (cover, velocity, with ties: the page lies within), before products is
 * joined for the article that orders the rest of the urgency order; then cut to the page, with warehouses joined
 * for the names, products for the product's, and the page's own rows for their forecast's model and days. One statement
 * (two index scans cost less than materializing the lines); a page past the end answers no rows, as before.
 */
export async function warehouseRecommendationInputs(
  db: Database,
  query: RecommendationQuery,
): Promise<RecommendationRow[]> {
  const lines = sql`select s.product_id, s.warehouse_id, s.marketplace, s.available, s.in_transit, s.velocity
    from product_warehouse_summary s where ${warehouseLineScope(query)}`;
  const result = await db.execute(sql`select counted.total_count, page.*
    from (select count(*)::int as total_count from (${lines}) l) counted
    left join lateral (
      select c.product_id, c.article, c.name, c.warehouse_id, w.name as warehouse, c.marketplace::text as marketplace,
        c.available, c.in_transit, c.velocity, d.demand_model, d.observed_days, d.censored_days
      from (select n.*, p.article, p.name
        from (${lines} order by ${urgencyNumbersSql(LINE_COLUMNS)} fetch first ${query.offset + query.limit} rows with ties) n
        join products p on p.id = n.product_id) c
      join warehouses w on w.id = c.warehouse_id
      join product_warehouse_summary d on d.org_id = ${query.orgId} and d.product_id = c.product_id
        and d.warehouse_id = c.warehouse_id and d.marketplace = c.marketplace
      ${urgencyOrderSql(NARROW_LINE_COLUMNS)} limit ${query.limit} offset ${query.offset}) page on true`);
  return (result.rows as unknown as RecommendationRow[]).filter((row) => row.product_id !== null);
}

// The inventory table: per-product stock in a scope, filtered by status, sorted and paged, with the
// total count in the same round trip. Also feeds the CSV export (no page, capped row count).
// Unscoped (all warehouses) it reads product_summary directly, the count and the page in one statement,
// so sorting by units walks product_summary(org_id, available) and stops after the page instead of
// classifying, window-counting and sorting every product first. Scoped to a marketplace or a warehouse, the
// products in scope are classified once in a narrow pass, counted, and the page cut before names are joined.
import { type SQL, sql } from "drizzle-orm";
import { daysOfCoverSql } from "../../domain/cover-sql";
import { INVENTORY_SORTS, type InventorySort } from "../../domain/inventory-sorts";
import { STOCK_STATUSES, type StockStatus } from "../../domain/stock-status";
import { stockStatusConditionSql, stockStatusRankSql, stockStatusSql } from "../../domain/stock-status-sql";
import type { Database } from "../client";
import { productSearchSql } from "./inventory-search";
import {
  type ClassifiedStockRow,
  SCOPED_STOCK_LINE,
  type StockScope,
  type StockThresholds,
  SUMMARY_COVER,
  SUMMARY_STOCK,
  scopedStockStatusSql,
} from "./product-stock";

export { INVENTORY_SORTS, type InventorySort };

export interface InventoryListQuery {
  status?: StockStatus | undefined;
  sort: InventorySort;
  order: "asc" | "desc";
  offset: number;
  limit: number;
}

export interface InventoryListResult {
  total: number;
  rows: ClassifiedStockRow[];
}

/** Sort expressions over product_summary ps ⋈ products p; only nullable ones need "nulls last". */
function summarySort(sort: InventorySort, order: "asc" | "desc", thresholds: StockThresholds): SQL {
  const direction = sql.raw(order);
  switch (sort) {
    case "article":
      return sql`p.article ${direction}`;
    case "name":
      return sql`p.name ${direction}`;
    case "category":
      return sql`p.category ${direction} nulls last`;
    case "available":
      return sql`ps.available ${direction}`;
    case "velocity":
      return sql`ps.velocity ${direction}`;
    case "daysOfCover":
      return sql`${SUMMARY_COVER} ${direction} nulls last`;
    case "status":
      return sql`${stockStatusRankSql(SUMMARY_STOCK, thresholds)} ${direction}`;
  }
}

async function summaryInventoryList(
  db: Database,
  scope: StockScope,
  thresholds: StockThresholds,
  query: InventoryListQuery,
): Promise<InventoryListResult> {
  const conditions = [sql`ps.org_id = ${scope.orgId}`, sql`p.org_id = ${scope.orgId}`];
  const summaryConditions = [sql`ps.org_id = ${scope.orgId}`];
  if (query.status) summaryConditions.push(stockStatusConditionSql(query.status, SUMMARY_STOCK, thresholds));
  if (scope.category !== undefined) conditions.push(sql`p.category = ${scope.category}`);
  if (scope.search !== undefined) conditions.push(productSearchSql(scope.search));
  if (query.status) conditions.push(stockStatusConditionSql(query.status, SUMMARY_STOCK, thresholds));
  const where = sql.join(conditions, sql` and `);
  // Without a filter on products' columns the count needs no join (an index-only scan of the summary).
  const countFrom =
    conditions.length === summaryConditions.length + 1
      ? sql`product_summary ps where ${sql.join(summaryConditions, sql` and `)}`
      : sql`product_summary ps join products p on p.id = ps.product_id where ${where}`;
  // One statement: the count joined to the page, so an empty page (past the end) still brings the total.
  const result = await db.execute(sql`select counted.total_count, page.*
    from (select count(*)::int as total_count from ${countFrom}) counted
    left join lateral (select p.id as product_id, p.article, p.name, p.category,
        ps.available, ps.reserved, ps.in_transit, ps.warehouse_count, ps.velocity::float8 as velocity,
        ${SUMMARY_COVER} as days_of_cover,
        ${stockStatusSql(SUMMARY_STOCK, thresholds)} as status
      from product_summary ps join products p on p.id = ps.product_id
      where ${where}
      order by ${summarySort(query.sort, query.order, thresholds)}, p.article asc
      limit ${query.limit} offset ${query.offset}) page on true`);
  const rows = result.rows as unknown as Array<ClassifiedStockRow & { total_count: number }>;
  return {
    total: Number(rows[0]?.total_count ?? 0),
    rows: rows.filter((row) => row.product_id !== null),
  };
}

export async function inventoryList(
  db: Database,
  scope: StockScope,
  thresholds: StockThresholds,
  query: InventoryListQuery,
): Promise<InventoryListResult> {
  if (scope.marketplace === undefined && scope.warehouseId === undefined) {
    return summaryInventoryList(db, scope, thresholds, query);
  }
  return scopedInventoryList(db, scope, thresholds, query);
}

/**
 * Sort expressions over scopedStockStatusSql's rows c (and products p, for the name and category), nulls last both
 * ways; `narrow` when the rows alone can order them, so the page is cut before products is joined.
 */
function scopedSort(sort: InventorySort, order: "asc" | "desc"): { key: SQL; narrow: boolean } {
  const direction = sql.raw(order === "desc" ? "desc nulls last" : "asc nulls last");
  switch (sort) {
    case "name":
    case "category":
      return { key: sql`${sql.raw(`p.${sort}`)} ${direction}`, narrow: false };
    case "article":
      return { key: sql`c.article ${direction}`, narrow: true };
    case "available":
      return { key: sql`c.available ${direction}`, narrow: true };
    case "velocity":
      return { key: sql`c.velocity ${direction}`, narrow: true };
    case "daysOfCover":
      return { key: sql`${daysOfCoverSql(sql`c.available`, sql`c.velocity`)} ${direction}`, narrow: true };
    case "status":
      return { key: sql`${statusRankOfText()} ${direction}`, narrow: true };
  }
}

/**
 * One marketplace or one warehouse: the products in scope classified once in a narrow pass (a materialized CTE),
 * counted, and the page sorted from it; a sort on the narrow columns (stock, status, article) cuts the page with a
 * bounded sort before products is joined for the names. One statement: the count joined to the page, so a page
 * past the end still brings the total.
 */
async function scopedInventoryList(
  db: Database,
  scope: StockScope,
  thresholds: StockThresholds,
  query: InventoryListQuery,
): Promise<InventoryListResult> {
  const inStatus = query.status ? sql`where c.status = ${query.status}::text` : sql``;
  const { key, narrow } = scopedSort(query.sort, query.order);
  const order = sql`order by ${key}, c.article asc`;
  const cut = sql`limit ${query.limit} offset ${query.offset}`;
  const page = narrow
    ? sql`select ${SCOPED_STOCK_LINE}
        from (select * from classified c ${inStatus} ${order} ${cut}) c join products p on p.id = c.product_id
        ${order}`
    : sql`select ${SCOPED_STOCK_LINE} from classified c join products p on p.id = c.product_id ${inStatus}
        ${order} ${cut}`;
  const result =
    await db.execute(sql`with classified as materialized (${scopedStockStatusSql(scope, thresholds)})
    select counted.total_count, page.*
    from (select count(*)::int as total_count from classified c ${inStatus}) counted
    left join lateral (${page}) page on true`);
  const found = result.rows as unknown as Array<ClassifiedStockRow & { total_count: number }>;
  return {
    total: Number(found[0]?.total_count ?? 0),
    rows: found.filter((row) => row.product_id !== null),
  };
}

/** The status column's sort rank, from the domain's order of statuses. */
function statusRankOfText(): SQL {
  const branches = STOCK_STATUSES.map((status, rank) => sql`when ${status}::text then ${rank}::int`);
  return sql`(case c.status ${sql.join(branches, sql` `)} end)`;
}

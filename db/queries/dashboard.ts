// The dashboard: how many products are critical, low, normal and overstocked in a scope, and the
// Top-N (or all) of each, most urgent first.
//
// All warehouses, every product, it reads the product_summary read model with five small queries in ONE
// statement, one round trip: a `count(*) filter (where …)` pass for the four
// counts, and one Top-N per status, each walking product_summary(org_id, available) in `available` order
// with the status condition (domain/stock-status-sql.ts) as a filter, stopping after N rows instead of
// ranking every product.
// (The same five as a `db.batch` transaction measured 57 ms p50 per miss through the Worker, against
// 29 ms as one statement: the transaction adds BEGIN/COMMIT and per-statement round trips inside.)
// Scoped to a marketplace or a warehouse (the stock read models), or to a category or a search, the products in
// scope are classified once in a narrow pass, then counted and cut to each Top-N by a bounded sort, in one statement
// too (a category's or a search's products are found once, where each of the five queries used to test the search
// on every product again).
// For all warehouses, one marketplace, each warehouse and each category, finalize and a settings change store
// these statements' answer (dashboard-store.ts, dashboard-breakdowns.ts), which a request reads while it is current.
import { type SQL, sql } from "drizzle-orm";
import { STOCK_STATUSES, type StockStatus } from "../../domain/stock-status";
import { stockStatusConditionSql } from "../../domain/stock-status-sql";
import type { Database } from "../client";
import {
  type ClassifiedStockRow,
  SCOPED_STOCK_LINE,
  type StockScope,
  type StockThresholds,
  SUMMARY_COVER,
  SUMMARY_STOCK,
  scopedStockStatusSql,
} from "./product-stock";

export interface DashboardData {
  counts: Record<StockStatus, number>;
  /** Per status, most urgent first: critical, low, normal fewest units first, overstock most units first. */
  rows: Record<StockStatus, ClassifiedStockRow[]>;
}

function emptyData(): DashboardData {
  return {
    counts: { critical: 0, low: 0, normal: 0, overstock: 0 },
    rows: { critical: [], low: [], normal: [], overstock: [] },
  };
}

/** `limit` null means every product of each status. */
export async function dashboardData(
  db: Database,
  scope: StockScope,
  thresholds: StockThresholds,
  limit: number | null,
): Promise<DashboardData> {
  const result = await db.execute(dashboardStockSql(scope, thresholds, limit));
  return dashboardFromJsonRow(result.rows[0]);
}

/** The one statement of dashboardData: one row, counts (a JSON object) and each status' rows (JSON arrays). */
export function dashboardStockSql(scope: StockScope, thresholds: StockThresholds, limit: number | null): SQL {
  const everyProduct =
    scope.marketplace === undefined &&
    scope.warehouseId === undefined &&
    scope.category === undefined &&
    scope.search === undefined;
  return everyProduct
    ? summaryDashboardSql(scope.orgId, thresholds, limit)
    : scopedDashboardSql(scope, thresholds, limit);
}

/** All warehouses, every product: four indexed Top-N statements and one counting pass over product_summary. */
function summaryDashboardSql(orgId: string, thresholds: StockThresholds, limit: number | null): SQL {
  const counts = sql`select
      ${sql.join(
        STOCK_STATUSES.map(
          (status) =>
            sql`count(*) filter (where ${stockStatusConditionSql(status, SUMMARY_STOCK, thresholds)})::int as ${sql.raw(status)}`,
        ),
        sql`, `,
      )}
    from product_summary ps where ps.org_id = ${orgId}`;
  const columns = sql`p.id as product_id, p.article, p.name, p.category,
      ps.available, ps.reserved, ps.in_transit, ps.warehouse_count, ps.velocity::float8 as velocity,
      ${SUMMARY_COVER} as days_of_cover`;
  const topN = (status: StockStatus) => {
    const direction = sql.raw(status === "overstock" ? "desc" : "asc");
    const order = sql`ps.available ${direction}, ps.velocity desc`;
    const where = sql`ps.org_id = ${orgId} and ${stockStatusConditionSql(status, SUMMARY_STOCK, thresholds)}`;
    if (limit !== null) {
      // Walk product_summary(org_id, available) alone and keep the first N plus their ties on
      // (available, velocity); only those few rows are joined to products for the article tie-break.
      return sql`select ${columns}, ${status}::text as status
        from (select * from product_summary ps where ${where}
              order by ${order} fetch first (${limit}) rows with ties) ps
        join products p on p.id = ps.product_id and p.org_id = ${orgId}
        order by ${order}, p.article limit ${limit}`;
    }
    return sql`select ${columns}, ${status}::text as status
      from product_summary ps join products p on p.id = ps.product_id
      where ${where} and p.org_id = ${orgId}
      order by ${order}, p.article`;
  };
  // One statement: the counts as one JSON object and each Top-N as a JSON array, ordered like the
  // Top-N itself (json_agg with its own ORDER BY, since a subquery's order is not a promise).
  const aggregate = (status: StockStatus) => {
    const direction = sql.raw(status === "overstock" ? "desc" : "asc");
    return sql`(select coalesce(json_agg(t order by t.available ${direction}, t.velocity desc, t.article), '[]'::json)
      from (${topN(status)}) t)`;
  };
  return sql`select (select row_to_json(c) from (${counts}) c) as counts,
      ${aggregate("critical")} as critical, ${aggregate("low")} as low,
      ${aggregate("normal")} as normal, ${aggregate("overstock")} as overstock`;
}

/**
 * One marketplace, one warehouse, a category or a search: the products in scope are classified once in a narrow
 * pass over the
 * read-model rows (a materialized CTE, product-stock.ts' scopedStockStatusSql), then one grouped pass counts
 * them, and each status' Top-N is a bounded sort of that status' rows (units, velocity, article), joined to
 * products for the names of those N only. One statement. (Ranking every product with row_number() over a sort by
 * status, units and article, names and all, cost most of the request.)
 */
function scopedDashboardSql(scope: StockScope, thresholds: StockThresholds, limit: number | null): SQL {
  // Critical, low and normal: fewest units first; overstock: most units first. Ties: fastest sellers, then article.
  const order = (status: StockStatus) =>
    sql.raw(`available ${status === "overstock" ? "desc" : "asc"}, velocity desc, article`);
  const cap = limit === null ? sql`` : sql`limit ${limit}`;
  const topN = (
    status: StockStatus,
  ) => sql`(select coalesce(json_agg(t order by ${order(status)}), '[]'::json)
      from (select ${SCOPED_STOCK_LINE}
        from (select * from classified where status = ${status}::text order by ${order(status)} ${cap}) c
        join products p on p.id = c.product_id) t)`;
  return sql`with classified as materialized (${scopedStockStatusSql(scope, thresholds)})
    select (select coalesce(json_object_agg(status, n), '{}'::json)
        from (select status, count(*)::int as n from classified group by status) c) as counts,
      ${sql.join(
        STOCK_STATUSES.map((status) => sql`${topN(status)} as ${sql.raw(status)}`),
        sql`, `,
      )}`;
}

type DashboardJsonRow = Record<StockStatus, ClassifiedStockRow[] | string> & {
  counts: Partial<Record<StockStatus, number>> | string;
};

/** The statement's one row (counts as a JSON object, each status' rows as a JSON array) as DashboardData. */
export function dashboardFromJsonRow(value: unknown): DashboardData {
  const row = value as DashboardJsonRow | undefined;
  const data = emptyData();
  if (!row) return data;
  const json = <T>(field: T | string): T => (typeof field === "string" ? (JSON.parse(field) as T) : field);
  const countRow = json(row.counts);
  for (const status of STOCK_STATUSES) {
    data.counts[status] = Number(countRow[status] ?? 0);
    data.rows[status] = json(row[status]);
  }
  return data;
}

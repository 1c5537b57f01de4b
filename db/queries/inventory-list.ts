// The inventory table: per-product stock in a scope, filtered by status, sorted and paged, with the
// total count in the same round trip. Also feeds the CSV export (no page, capped row count).
// Unscoped (all warehouses) it reads product_summary directly, the count and the page in one statement,
// so sorting by units walks product_summary(org_id, available) and stops after the page instead of
// classifying, window-counting and sorting every product first.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { StockStatus } from "../schema/enums";
import {
  type ClassifiedStockRow,
  classifiedStockSql,
  escapeLike,
  type StockScope,
  type StockThresholds,
  stockStatusSql,
} from "./product-stock";

export const INVENTORY_SORTS = [
  "article",
  "name",
  "category",
  "available",
  "velocity",
  "daysOfCover",
  "status",
] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];

const SORT_COLUMNS: Record<InventorySort, string> = {
  article: "article",
  name: "name",
  category: "category",
  available: "available",
  velocity: "velocity",
  daysOfCover: "days_of_cover",
  status: "status_rank",
};

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
      return sql`case when ps.velocity > 0 then round((ps.available / ps.velocity)::numeric, 1) end ${direction} nulls last`;
    case "status":
      return sql`case when ps.available <= ${thresholds.criticalMax} then 0
        when ps.available <= ${thresholds.lowMax} then 1
        when ps.available <= ${thresholds.overstockMin} then 2 else 3 end ${direction}`;
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
  if (query.status) summaryConditions.push(statusCondition(query.status, thresholds));
  if (scope.category !== undefined) conditions.push(sql`p.category = ${scope.category}`);
  if (scope.search !== undefined) {
    const pattern = `%${escapeLike(scope.search)}%`;
    conditions.push(sql`(p.article ilike ${pattern} or p.name ilike ${pattern})`);
  }
  if (query.status) conditions.push(statusCondition(query.status, thresholds));
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
        case when ps.velocity > 0 then round((ps.available / ps.velocity)::numeric, 1)::float8 end as days_of_cover,
        ${stockStatusSql(sql`ps.available`, thresholds)} as status
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

function statusCondition(status: StockStatus, t: StockThresholds): SQL {
  switch (status) {
    case "critical":
      return sql`ps.available <= ${t.criticalMax}`;
    case "low":
      return sql`ps.available > ${t.criticalMax} and ps.available <= ${t.lowMax}`;
    case "normal":
      return sql`ps.available > ${t.lowMax} and ps.available <= ${t.overstockMin}`;
    case "overstock":
      return sql`ps.available > ${t.overstockMin}`;
  }
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
  // Sort column names come from the fixed map above, never from the request text itself.
  const column = sql.raw(SORT_COLUMNS[query.sort]);
  const direction = sql.raw(query.order === "desc" ? "desc nulls last" : "asc nulls last");
  const result = await db.execute(sql`with classified as (${classifiedStockSql(scope, thresholds)})
    select *, count(*) over ()::int as total_count,
      case status when 'critical' then 0 when 'low' then 1 when 'normal' then 2 else 3 end as status_rank
    from classified
    ${query.status ? sql`where status = ${query.status}` : sql``}
    order by ${column} ${direction}, article asc
    limit ${query.limit} offset ${query.offset}`);
  const rows = result.rows as unknown as Array<ClassifiedStockRow & { total_count: number }>;
  let total = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    // Past the last page: the window count is not available, so ask for it directly.
    const counted = await db.execute(sql`with classified as (${classifiedStockSql(scope, thresholds)})
      select count(*)::int as n from classified ${query.status ? sql`where status = ${query.status}` : sql``}`);
    total = Number((counted.rows[0] as { n: number } | undefined)?.n ?? 0);
  }
  return { total, rows };
}

// The inventory table: per-product stock in a scope, filtered by status, sorted and paged, with the
// total count in the same round trip. Also feeds the CSV export (no page, capped row count).
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import type { StockStatus } from "../schema/enums";
import {
  type ClassifiedStockRow,
  classifiedStockSql,
  type StockScope,
  type StockThresholds,
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

export async function inventoryList(
  db: Database,
  scope: StockScope,
  thresholds: StockThresholds,
  query: InventoryListQuery,
): Promise<InventoryListResult> {
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

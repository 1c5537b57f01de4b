// The dashboard's one query: how many products are critical, low, normal and overstocked in a scope,
// and the Top-N (or all) of each, most urgent first. One round trip, ranked inside PostgreSQL.
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  type ClassifiedStockRow,
  classifiedStockSql,
  type StockScope,
  type StockThresholds,
} from "./product-stock";

export interface DashboardRow extends ClassifiedStockRow {
  status_count: number;
}

/** `limit` null means every product of each status. */
export async function dashboardRows(
  db: Database,
  scope: StockScope,
  thresholds: StockThresholds,
  limit: number | null,
): Promise<DashboardRow[]> {
  // Critical, low and normal: fewest units first; overstock: most units first. Ties: fastest sellers.
  const result = await db.execute(sql`with classified as (${classifiedStockSql(scope, thresholds)}),
    ranked as (
      select *, row_number() over (partition by status order by
          case when status = 'overstock' then -available else available end, velocity desc, article) as rank,
        count(*) over (partition by status)::int as status_count
      from classified)
    select * from ranked ${limit === null ? sql`` : sql`where rank <= ${limit}`} order by status, rank`);
  return result.rows as unknown as DashboardRow[];
}

// Inputs for replenishment recommendations, per product (all warehouses, from product_summary) or per
// product × warehouse (stock from inventory, velocity from that warehouse's orders in the window).
// The reorder test is the domain's (domain/replenishment-sql.ts), in SQL only to filter and page;
// domain/replenishment.ts explains it.
import { type SQL, sql } from "drizzle-orm";
import { velocitySql } from "../../domain/cover-sql";
import { reorderDueSql } from "../../domain/replenishment-sql";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";

export interface RecommendationQuery {
  orgId: string;
  leadTimeDays: number;
  safetyStockDays: number;
  velocityWindowDays: number;
  marketplace?: Marketplace | undefined;
  warehouseId?: number | undefined;
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
  total_count: number;
}

function reorderFilter(query: RecommendationQuery): SQL {
  if (!query.onlyReorder) return sql``;
  const stock = { available: sql`available`, inTransit: sql`in_transit`, velocity: sql`velocity` };
  return sql`where ${reorderDueSql(stock, query)}`;
}

// Most urgent first: fewest days of cover, then fastest sellers.
const URGENCY = sql`order by case when velocity > 0 then available / velocity end asc nulls last, velocity desc, article`;

export async function productRecommendationInputs(
  db: Database,
  query: RecommendationQuery,
): Promise<RecommendationRow[]> {
  const result = await db.execute(sql`with lines as (
      select ps.product_id, p.article, p.name, null::int as warehouse_id, null::text as warehouse, null::text as marketplace,
        ${query.marketplace === "ozon" ? sql`ps.ozon_available` : query.marketplace === "wb" ? sql`ps.wb_available` : sql`ps.available`} as available,
        ps.in_transit, ps.velocity::float8 as velocity
      from product_summary ps join products p on p.id = ps.product_id
      where ps.org_id = ${query.orgId})
    select *, count(*) over ()::int as total_count from lines ${reorderFilter(query)} ${URGENCY}
    limit ${query.limit} offset ${query.offset}`);
  return result.rows as unknown as RecommendationRow[];
}

export async function warehouseRecommendationInputs(
  db: Database,
  query: RecommendationQuery,
): Promise<RecommendationRow[]> {
  const scope = [sql`i.org_id = ${query.orgId}`];
  if (query.marketplace) scope.push(sql`i.marketplace = ${query.marketplace}`);
  if (query.warehouseId !== undefined) scope.push(sql`i.warehouse_id = ${query.warehouseId}`);
  const result = await db.execute(sql`with demand as (
      select product_id, warehouse_id, ${velocitySql(sql`sum(quantity)`, query.velocityWindowDays)} as velocity
      from sales
      where org_id = ${query.orgId} and kind = 'order' and warehouse_id is not null
        and day > current_date - ${query.velocityWindowDays}::int
        ${query.warehouseId !== undefined ? sql`and warehouse_id = ${query.warehouseId}` : sql``}
      group by product_id, warehouse_id),
    lines as (
      select i.product_id, p.article, p.name, i.warehouse_id, w.name as warehouse, i.marketplace::text as marketplace,
        sum(i.available)::int as available, sum(i.in_transit)::int as in_transit, coalesce(max(d.velocity), 0) as velocity
      from inventory i
      join products p on p.id = i.product_id
      join warehouses w on w.id = i.warehouse_id
      left join demand d on d.product_id = i.product_id and d.warehouse_id = i.warehouse_id
      where ${sql.join(scope, sql` and `)}
      group by i.product_id, p.article, p.name, i.warehouse_id, w.name, i.marketplace)
    select *, count(*) over ()::int as total_count from lines ${reorderFilter(query)} ${URGENCY}
    limit ${query.limit} offset ${query.offset}`);
  return result.rows as unknown as RecommendationRow[];
}

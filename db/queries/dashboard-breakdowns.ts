// The Overview's stored answer for each warehouse and each category (dashboard_read_models, scopes
// 'warehouse:<id>' and 'category:<name>'): every warehouse's or category's products classified in one pass, counted
// per status and cut to each status' first DASHBOARD_STORED_TOP by the order of a request (units, velocity, article),
// the same rows and columns as dashboard.ts' scoped statement gives for that one warehouse or category. Written with
// the whole-organization scopes (dashboard-store.ts), tagged the same way; the rows of warehouses and categories
// that have no products any more go. No money: a warehouse's or a category's dashboard has none.
import { type SQL, sql } from "drizzle-orm";
import { STOCK_STATUSES } from "../../domain/stock-status";
import { type StockColumns, stockStatusRankSql } from "../../domain/stock-status-sql";
import { SCOPED_STOCK_LINE, type StockThresholds } from "./product-stock";

/** The breakdowns stored, each a scope key prefix and the products of each of its parts. */
type Breakdown = "warehouse" | "category";

/** The key of a warehouse's or a category's stored answer. */
export function breakdownScope(breakdown: Breakdown, part: string | number): string {
  return `${breakdown}:${part}`;
}

/** Longest category stored (a longer one, if a marketplace ever sends it, is answered per request). */
const MAX_CATEGORY_LENGTH = 500;

/**
 * Each part's stock per product, as dashboard.ts' scoped statement reads it for one part: `part`, product_id,
 * article, available, reserved, in_transit, warehouse_count, velocity (the product's, from product_summary).
 */
function partStockSql(orgId: string, breakdown: Breakdown): SQL {
  if (breakdown === "warehouse") {
    // Warehouse by warehouse, each one's rows in product order from its index (summed per product as a stream),
    // where one hash of every product × warehouse spilled to disk.
    return sql`select w.id as part, s.product_id, p.article, s.available, s.reserved, s.in_transit,
        1 as warehouse_count, coalesce(ps.velocity, 0)::float8 as velocity
      from warehouses w
      cross join lateral (select product_id, sum(available)::int as available, sum(reserved)::int as reserved,
          sum(in_transit)::int as in_transit
        from product_warehouse_summary x where x.org_id = ${orgId} and x.warehouse_id = w.id group by product_id) s
      join products p on p.id = s.product_id
      left join product_summary ps on ps.org_id = ${orgId} and ps.product_id = s.product_id
      where w.org_id = ${orgId} and p.org_id = ${orgId}`;
  }
  return sql`select p.category as part, ps.product_id, p.article, ps.available, ps.reserved, ps.in_transit,
      ps.warehouse_count, coalesce(ps.velocity, 0)::float8 as velocity
    from product_summary ps join products p on p.id = ps.product_id
    where ps.org_id = ${orgId} and p.org_id = ${orgId} and p.category is not null
      and length(p.category) <= ${MAX_CATEGORY_LENGTH}::int`;
}

/**
 * One statement: every part's answer of `breakdown` as a row {scope, stock}, stock shaped like
 * dashboardStockSql's row ({counts, critical, low, normal, overstock}). Each part and status is cut on its numbers
 * first (units, velocity: its first `top` and their ties), and only those few are ordered by article too: a sort of
 * every product × warehouse on text cost most of the statement.
 */
function breakdownAnswersSql(
  orgId: string,
  breakdown: Breakdown,
  thresholds: StockThresholds,
  top: number,
): SQL {
  const stock: StockColumns = {
    available: sql`s.available`,
    inTransit: sql`s.in_transit`,
    velocity: sql`s.velocity`,
  };
  // Critical, low, normal: fewest units first; overstock (rank 3) most: units are integers, so -available orders it.
  const units = sql`case when c.status_rank = 3 then -c.available else c.available end`;
  const names = sql.raw(`array[${STOCK_STATUSES.map((status) => `'${status}'`).join(", ")}]`);
  return sql`with classified as materialized (
      select s.*, ${stockStatusRankSql(stock, thresholds)} as status_rank from (${partStockSql(orgId, breakdown)}) s
    ),
    near as (
      select c.*, rank() over (partition by c.part, c.status_rank order by ${units}, c.velocity desc) as near
      from classified c
    ),
    ranked as (
      select c.*, (${names})[c.status_rank + 1] as status,
        row_number() over (partition by c.part, c.status_rank order by ${units}, c.velocity desc, c.article) as place
      from near c where c.near <= ${top}::int
    ),
    counts as (
      select part, json_object_agg((${names})[status_rank + 1], n) as counts
      from (select part, status_rank, count(*)::int as n from classified group by part, status_rank) k group by part
    ),
    tops as (
      select c.part, c.status, json_agg(t order by c.place) as rows
      from ranked c join products p on p.id = c.product_id cross join lateral (select ${SCOPED_STOCK_LINE}) t
      where c.place <= ${top}::int group by c.part, c.status
    )
    select ${`${breakdown}:`}::text || k.part::text as scope, jsonb_build_object('counts', k.counts,
      ${sql.join(
        STOCK_STATUSES.map(
          (status) =>
            sql`${status}::text, coalesce((select rows from tops t where t.part = k.part and t.status = ${status}::text), '[]'::json)`,
        ),
        sql`, `,
      )}) as stock
    from counts k`;
}

/**
 * Statements that store every warehouse's and every category's answer, tagged with the organization's data version
 * as the transaction sees it and with `tag` (dashboard-store.ts' rules), then remove the organization's breakdown
 * rows this transaction did not write (a warehouse or a category without products keeps no answer). Upserts in
 * scope order, as two refreshes racing (a finalize, a settings change) then lock the rows in one order and the
 * later one overwrites the earlier, where inserting after a delete would have failed on the key.
 */
export function refreshDashboardBreakdowns(
  orgId: string,
  thresholds: StockThresholds,
  tag: string,
  top: number,
  breakdowns: readonly Breakdown[],
): SQL[] {
  const store = (breakdown: Breakdown) => sql`insert into dashboard_read_models as m
      (org_id, scope, data_version, rules, stock, money, refreshed_at)
    select o.id, b.scope, o.data_version, ${tag}::jsonb, b.stock, 'null'::jsonb, now()
    from organizations o, (${breakdownAnswersSql(orgId, breakdown, thresholds, top)}) b
    where o.id = ${orgId}
    order by b.scope
    on conflict (org_id, scope) do update set data_version = excluded.data_version, rules = excluded.rules,
      stock = excluded.stock, money = excluded.money, refreshed_at = excluded.refreshed_at`;
  return breakdowns.flatMap((breakdown) => [
    store(breakdown),
    // now() is the transaction's start: the same on every row it wrote, and on none another one did.
    sql`delete from dashboard_read_models where org_id = ${orgId}
      and scope like ${`${breakdown}:%`} and refreshed_at <> now()`,
  ]);
}

// Each warehouse's stock totals (units available, reserved, in transit, and how many products), as GET
// /api/warehouses lists them: summed over the organization's inventory rows, and stored beside the Overview
// (dashboard_read_models, scope 'warehouses') by the same statement whenever the Overview is stored, tagged with
// the data version. A request reads the stored totals when their version is the organization's own, and sums
// the inventory rows itself otherwise (a writer that moved the version without storing), in the same statement.
import { type SQL, sql } from "drizzle-orm";

/** The scope key of the stored totals in dashboard_read_models. */
export const WAREHOUSE_TOTALS_SCOPE = "warehouses";

/** Rows (warehouse_id, available, reserved, in_transit, products) summed over the organization's inventory. */
function summedTotalsSql(orgId: string): SQL {
  return sql`select warehouse_id, sum(available)::int as available, sum(reserved)::int as reserved,
      sum(in_transit)::int as in_transit, count(distinct product_id)::int as products
    from inventory where org_id = ${orgId} group by warehouse_id`;
}

/**
 * Stores the totals, tagged with the organization's data version as the transaction sees it: run it after the
 * statement that changes the version, in its transaction (with the Overview's, dashboard-store.ts). The settings
 * tag (`rules`) is kept for the table's sake; the totals do not depend on it.
 */
export function storeWarehouseTotalsSql(orgId: string, rulesTag: string): SQL {
  return sql`insert into dashboard_read_models as m (org_id, scope, data_version, rules, stock, money, refreshed_at)
    select o.id, ${WAREHOUSE_TOTALS_SCOPE}::text, o.data_version, ${rulesTag}::jsonb,
      coalesce((select jsonb_agg(to_jsonb(t)) from (${summedTotalsSql(orgId)}) t), '[]'::jsonb), '{}'::jsonb, now()
    from organizations o where o.id = ${orgId}
    on conflict (org_id, scope) do update set data_version = excluded.data_version, rules = excluded.rules,
      stock = excluded.stock, money = excluded.money, refreshed_at = excluded.refreshed_at`;
}

/**
 * The totals per warehouse at `dataVersion`: the stored rows when they carry that version, else summed now (a
 * one-time filter skips the branch not taken).
 */
export function warehouseTotalsSql(orgId: string, dataVersion: number): SQL {
  return sql`(with stored as (
      select stock from dashboard_read_models
      where org_id = ${orgId} and scope = ${WAREHOUSE_TOTALS_SCOPE} and data_version = ${dataVersion}::int)
    select t.warehouse_id, t.available, t.reserved, t.in_transit, t.products
    from stored, jsonb_to_recordset(stored.stock)
      as t(warehouse_id int, available int, reserved int, in_transit int, products int)
    union all
    select * from (${summedTotalsSql(orgId)}) summed where not exists (select 1 from stored))`;
}

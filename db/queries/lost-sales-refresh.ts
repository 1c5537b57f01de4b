// The units each product lost to stock-outs over the Overview's period (the last 30 days up to yesterday, and
// today), stored on product_summary by the run's finalize so the Overview sums one row per product. Ozon's way
// (domain/lost-sales-sql.ts) per product over all its warehouses, once over all marketplaces and once per
// marketplace: the days up to yesterday come from sales_daily and inventory_daily (demand-days.ts), so a product
// loses sales on the days it had no stock anywhere; today counts as a day out of stock when the product has none
// now (a day still selling is not averaged in, but one sold out already loses its sales). Stock snapshots exist
// only from a seller's first sync, so until then only today's stock-outs are seen. Runs after the summary's
// stock is refreshed (it reads today's stock from it).
import { type SQL, sql } from "drizzle-orm";
import { lostSalesSql } from "../../domain/lost-sales-sql";
import type { Marketplace } from "../schema/enums";
import { productDemandDays } from "./demand-days";

/** The Overview's lost-sales period: the last 30 days up to yesterday, and today. */
export const LOST_SALES_OVERVIEW_DAYS = 30;

/** Rows (product_id, lost_units) of the products of `products` that sold in the period, in one marketplace or all. */
function lostUnitsSql(orgId: string, products: SQL, marketplace: Marketplace | undefined): SQL {
  const days = productDemandDays({ orgId, products, marketplace, windowDays: LOST_SALES_OVERVIEW_DAYS });
  const available =
    marketplace === "ozon"
      ? sql`ps.ozon_available`
      : marketplace === "wb"
        ? sql`ps.wb_available`
        : sql`ps.available`;
  const soldToday = sql`select sd.product_id, sum(sd.units)::int as units from sales_daily sd
    where sd.org_id = ${orgId} and sd.day = current_date
      ${marketplace ? sql`and sd.marketplace = ${marketplace}` : sql``}
    group by sd.product_id`;
  return sql`with past as (${days}),
    -- Today, for a product that sold in the window and has no stock now (in scope): a day out of stock.
    today as (
      select ps.product_id, 0 as warehouse_id, current_date as day, coalesce(t.units, 0)::int as units,
        false as in_stock
      from product_summary ps left join (${soldToday}) t on t.product_id = ps.product_id
      where ps.org_id = ${orgId} and ${available} <= 0 and ps.product_id in (select product_id from past))
    select product_id, sum(lost_units)::float8 as lost_units
    from (${lostSalesSql(sql`select product_id, warehouse_id, day, units::int, in_stock from past
      union all select product_id, warehouse_id, day, units, in_stock from today`)}) l
    group by product_id`;
}

/**
 * Sets the lost units of the organization's products of `products` (a subquery of product ids): those that did
 * not sell in the period lost nothing. A row whose figures did not change is left untouched. `ctes`: common
 * table expressions `products` reads (finalize's changed products).
 */
export function refreshLostSales(orgId: string, products: SQL, ctes?: SQL): SQL {
  return sql`with ${ctes ? sql`${ctes},` : sql``} total as (${lostUnitsSql(orgId, products, undefined)}),
    ozon as (${lostUnitsSql(orgId, products, "ozon")}),
    wb as (${lostUnitsSql(orgId, products, "wb")}),
    lost as (
      select ps.product_id, coalesce(total.lost_units, 0) as lost_units,
        coalesce(ozon.lost_units, 0) as ozon_lost_units, coalesce(wb.lost_units, 0) as wb_lost_units
      from product_summary ps
      left join total on total.product_id = ps.product_id
      left join ozon on ozon.product_id = ps.product_id
      left join wb on wb.product_id = ps.product_id
      where ps.org_id = ${orgId} and ps.product_id in (${products}))
    update product_summary ps set lost_units = lost.lost_units, ozon_lost_units = lost.ozon_lost_units,
      wb_lost_units = lost.wb_lost_units
    from lost
    where ps.org_id = ${orgId} and ps.product_id = lost.product_id
      and (ps.lost_units, ps.ozon_lost_units, ps.wb_lost_units)
        is distinct from (lost.lost_units, lost.ozon_lost_units, lost.wb_lost_units)`;
}

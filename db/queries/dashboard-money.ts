// The Overview's money, in one statement over product_summary (one row per product, no days or stock rows):
// - to order today: the products the Recommendations page lists as "order now" (the same lines of
//   recommendations.ts, the same reorder test and suggested quantity of domain/replenishment-sql.ts), their
//   units, and those units at the product's unit price (domain/selling-price.ts: the listings' price, else the
//   average selling price of recent orders), the one finalize stored on product_summary (unit-price-refresh.ts);
// - lost to stock-outs over the last 30 days and today, Ozon's way: each product's lost units as the run's
//   finalize stored them on product_summary (lost-sales-refresh.ts), at the same price, and the days of the
//   period with stock history (from the earliest snapshot in it: history starts at the first sync), the first day
//   with cells of a summarized product in product_stock_days (db/queries/stock-days.ts), by its day index;
// - the stock on hand and the stock of overstocked products (domain/stock-status-sql.ts), at the same price.
import { type SQL, sql } from "drizzle-orm";
import { reorderDueSql, suggestedQuantitySql } from "../../domain/replenishment-sql";
import { roubles } from "../../domain/selling-price";
import type { StatusRules } from "../../domain/stock-status";
import { stockStatusConditionSql } from "../../domain/stock-status-sql";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { LOST_SALES_OVERVIEW_DAYS } from "./lost-sales-refresh";
import { LINE_STOCK, productStockLinesSql } from "./recommendations";

export interface MoneySettings extends StatusRules {
  targetCoverDays: number;
}

export interface DashboardMoney {
  orderToday: { products: number; units: number; rub: number };
  /** observedDays: days of the period with stock history (snapshots start at the first sync), today included. */
  lostSales: { periodDays: number; observedDays: number; units: number; rub: number };
  stockRub: number;
  overstockRub: number;
}

/** The sums of dashboardMoney as one row (order_*, stock_rub, overstock_rub, lost_*), without observed_days. */
export function dashboardMoneySumsSql(
  scope: { orgId: string; marketplace?: Marketplace | undefined },
  settings: MoneySettings,
): SQL {
  const price = sql`unit_price`;
  const lost =
    scope.marketplace === "ozon"
      ? sql`ps.ozon_lost_units`
      : scope.marketplace === "wb"
        ? sql`ps.wb_lost_units`
        : sql`ps.lost_units`;
  const lines = productStockLinesSql(scope.orgId, scope.marketplace);
  return sql`with lines as (${lines}),
    priced as (
      select available, ${price} as price,
        ${reorderDueSql(LINE_STOCK, settings)} as due, ${suggestedQuantitySql(LINE_STOCK, settings)} as to_order,
        ${stockStatusConditionSql("overstock", LINE_STOCK, settings)} as overstock
      from lines),
    lost as (
      select coalesce(sum(${lost}), 0)::float8 as lost_units, coalesce(sum(${lost} * ps.unit_price), 0)::float8 as lost_rub
      from product_summary ps where ps.org_id = ${scope.orgId}
    )
    -- One pass over the lines for every sum (priced is read once, so not materialized), one over the summaries.
    select
      (count(*) filter (where due))::int as order_products,
      coalesce(sum(to_order), 0)::int as order_units,
      coalesce(sum(to_order * price), 0)::float8 as order_rub,
      coalesce(sum(greatest(available, 0) * price), 0)::float8 as stock_rub,
      coalesce(sum(greatest(available, 0) * price) filter (where overstock), 0)::float8 as overstock_rub,
      (select lost_units from lost) as lost_units,
      (select lost_rub from lost) as lost_rub
    from priced`;
}

/**
 * The days of the lost-sales period with stock history (null without any): from the first day in it with cells of
 * a summarized product in product_stock_days, by its (org, day) index. Read per request: it moves with the date.
 */
export function observedDaysSql(orgId: string): SQL {
  return sql`(select case when min(f.day) is not null
          then least(${LOST_SALES_OVERVIEW_DAYS}::int, current_date - min(f.day) + 1) end
        from (select d.day from product_stock_days d
          where d.org_id = ${orgId} and d.day > current_date - ${LOST_SALES_OVERVIEW_DAYS}::int
            and d.ozon_cells + d.wb_cells > 0
            and exists (select 1 from product_summary ps where ps.org_id = ${orgId} and ps.product_id = d.product_id)
          order by d.day limit 1) f)::int`;
}

export async function dashboardMoney(
  db: Database,
  scope: { orgId: string; marketplace?: Marketplace | undefined },
  settings: MoneySettings,
): Promise<DashboardMoney> {
  const result = await db.execute(
    sql`select s.*, ${observedDaysSql(scope.orgId)} as observed_days from (${dashboardMoneySumsSql(scope, settings)}) s`,
  );
  return moneyFromRow(result.rows[0] as Record<string, number | string | null>);
}

/** dashboardMoney's answer from its row: the sums and observed_days. */
export function moneyFromRow(row: Record<string, number | string | null>): DashboardMoney {
  const number = (name: string) => Number(row[name] ?? 0);
  return {
    orderToday: {
      products: number("order_products"),
      units: number("order_units"),
      rub: roubles(number("order_rub")),
    },
    lostSales: {
      periodDays: LOST_SALES_OVERVIEW_DAYS,
      // Without a snapshot in the period, only today's stock (the summary's) is seen.
      observedDays: row.observed_days === null ? 1 : number("observed_days"),
      units: Math.round(number("lost_units") * 10) / 10,
      rub: roubles(number("lost_rub")),
    },
    stockRub: roubles(number("stock_rub")),
    overstockRub: roubles(number("overstock_rub")),
  };
}

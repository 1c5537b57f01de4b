// The Overview's money, in one statement over the read models (no raw sales or stock rows):
// - to order today: the products the Recommendations page lists as "order now" (the same lines of
//   recommendations.ts, the same reorder test and suggested quantity of domain/replenishment-sql.ts), their
//   units, and those units at the average selling price (domain/selling-price-sql.ts, product_summary's revenue
//   ÷ units sold over the velocity window);
// - lost to stock-outs over the last 30 days and today, Ozon's way (domain/lost-sales-sql.ts) per product over
//   all its warehouses: the days up to yesterday come from sales_daily and inventory_daily (demand-days.ts), so a
//   product loses sales on the days it had no stock anywhere; today counts as a day out of stock when the product
//   has none now (a day still selling is not averaged in, but one sold out already loses its sales). Stock
//   snapshots exist only from a seller's first sync, so until then only today's stock-outs are seen;
// - the stock on hand and the stock of overstocked products (domain/stock-status-sql.ts), at the same price.
import { sql } from "drizzle-orm";
import { lostSalesSql } from "../../domain/lost-sales-sql";
import { reorderDueSql, suggestedQuantitySql } from "../../domain/replenishment-sql";
import { roubles } from "../../domain/selling-price";
import { averageSellingPriceSql } from "../../domain/selling-price-sql";
import type { StatusRules } from "../../domain/stock-status";
import { stockStatusConditionSql } from "../../domain/stock-status-sql";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { productDemandDays } from "./demand-days";
import { LINE_STOCK, productStockLinesSql } from "./recommendations";

/** The Overview's lost-sales period: the last 30 days up to yesterday, and today. */
export const LOST_SALES_OVERVIEW_DAYS = 30;

export interface MoneySettings extends StatusRules {
  targetCoverDays: number;
}

export interface DashboardMoney {
  orderToday: { products: number; units: number; rub: number };
  lostSales: { periodDays: number; units: number; rub: number };
  stockRub: number;
  overstockRub: number;
}

export async function dashboardMoney(
  db: Database,
  scope: { orgId: string; marketplace?: Marketplace | undefined },
  settings: MoneySettings,
): Promise<DashboardMoney> {
  const price = averageSellingPriceSql(sql`revenue`, sql`units_sold`);
  const days = productDemandDays({
    orgId: scope.orgId,
    marketplace: scope.marketplace,
    windowDays: LOST_SALES_OVERVIEW_DAYS,
  });
  const lines = productStockLinesSql(scope.orgId, scope.marketplace);
  const result = await db.execute(sql`with lines as (${lines}),
    priced as (
      select available, ${price} as price,
        ${reorderDueSql(LINE_STOCK, settings)} as due, ${suggestedQuantitySql(LINE_STOCK, settings)} as to_order,
        ${stockStatusConditionSql("overstock", LINE_STOCK, settings)} as overstock
      from lines),
    past as (${days}),
    -- Today, for a product that sold in the window and has no stock now (in scope): a day out of stock.
    today as (
      select l.product_id, 0 as warehouse_id, current_date as day,
        coalesce((select sum(sd.units) from sales_daily sd where sd.org_id = ${scope.orgId}
          and sd.product_id = l.product_id and sd.day = current_date
          ${scope.marketplace ? sql`and sd.marketplace = ${scope.marketplace}` : sql``}), 0)::int as units,
        false as in_stock
      from lines l where l.available <= 0 and l.product_id in (select product_id from past)),
    lost as (${lostSalesSql(sql`select product_id, warehouse_id, day, units::int, in_stock from past
      union all select product_id, warehouse_id, day, units, in_stock from today`)})
    select
      (select count(*) from priced where due)::int as order_products,
      (select coalesce(sum(to_order), 0) from priced)::int as order_units,
      (select coalesce(sum(to_order * price), 0) from priced)::float8 as order_rub,
      (select coalesce(sum(greatest(available, 0) * price), 0) from priced)::float8 as stock_rub,
      (select coalesce(sum(greatest(available, 0) * price) filter (where overstock), 0) from priced)::float8 as overstock_rub,
      (select coalesce(sum(l.lost_units), 0) from lost l)::float8 as lost_units,
      (select coalesce(sum(l.lost_units * ${averageSellingPriceSql(sql`ps.revenue`, sql`ps.units_sold`)}), 0)
        from lost l join product_summary ps on ps.org_id = ${scope.orgId} and ps.product_id = l.product_id)::float8 as lost_rub`);
  const row = result.rows[0] as Record<string, number | string>;
  const number = (name: string) => Number(row[name] ?? 0);
  return {
    orderToday: {
      products: number("order_products"),
      units: number("order_units"),
      rub: roubles(number("order_rub")),
    },
    lostSales: {
      periodDays: LOST_SALES_OVERVIEW_DAYS,
      units: Math.round(number("lost_units") * 10) / 10,
      rub: roubles(number("lost_rub")),
    },
    stockRub: roubles(number("stock_rub")),
    overstockRub: roubles(number("overstock_rub")),
  };
}

// The Overview's money, in one statement over product_summary (one row per product, no days or stock rows):
// - to order today: the products the Recommendations page lists as "order now" (the same lines of
//   recommendations.ts, the same reorder test and suggested quantity of domain/replenishment-sql.ts), their
//   units, and those units at the average selling price (domain/selling-price-sql.ts, product_summary's revenue
//   ÷ units sold over the velocity window);
// - lost to stock-outs over the last 30 days and today, Ozon's way: each product's lost units as the run's
//   finalize stored them on product_summary (lost-sales-refresh.ts), at the same price;
// - the stock on hand and the stock of overstocked products (domain/stock-status-sql.ts), at the same price.
import { sql } from "drizzle-orm";
import { reorderDueSql, suggestedQuantitySql } from "../../domain/replenishment-sql";
import { roubles } from "../../domain/selling-price";
import { averageSellingPriceSql } from "../../domain/selling-price-sql";
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
  const lost =
    scope.marketplace === "ozon"
      ? sql`ps.ozon_lost_units`
      : scope.marketplace === "wb"
        ? sql`ps.wb_lost_units`
        : sql`ps.lost_units`;
  const lines = productStockLinesSql(scope.orgId, scope.marketplace);
  const result = await db.execute(sql`with lines as (${lines}),
    priced as (
      select available, ${price} as price,
        ${reorderDueSql(LINE_STOCK, settings)} as due, ${suggestedQuantitySql(LINE_STOCK, settings)} as to_order,
        ${stockStatusConditionSql("overstock", LINE_STOCK, settings)} as overstock
      from lines)
    select
      (select count(*) from priced where due)::int as order_products,
      (select coalesce(sum(to_order), 0) from priced)::int as order_units,
      (select coalesce(sum(to_order * price), 0) from priced)::float8 as order_rub,
      (select coalesce(sum(greatest(available, 0) * price), 0) from priced)::float8 as stock_rub,
      (select coalesce(sum(greatest(available, 0) * price) filter (where overstock), 0) from priced)::float8 as overstock_rub,
      (select coalesce(sum(${lost}), 0) from product_summary ps where ps.org_id = ${scope.orgId})::float8 as lost_units,
      (select coalesce(sum(${lost} * ${averageSellingPriceSql(sql`ps.revenue`, sql`ps.units_sold`)}), 0)
        from product_summary ps where ps.org_id = ${scope.orgId})::float8 as lost_rub`);
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

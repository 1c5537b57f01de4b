// Lost sales of lost-sales.ts for the database: per series (product × warehouse) of a days relation
// (product_id, warehouse_id, day, units, in_stock, as db/queries/demand-days.ts builds it), the average daily
// sales over the days in stock × the days out of stock, less what still sold on those days. Same float8
// arithmetic in the same order as lostSales(), so a sum in SQL is the sum of what the function gives.
import { type SQL, sql } from "drizzle-orm";

/** Rows: product_id, warehouse_id, average_daily_sales, days_out_of_stock, lost_units (float8, not rounded). */
export function lostSalesSql(days: SQL): SQL {
  const averageDailySales = sql`coalesce((sum(greatest(d.units, 0)) filter (where d.in_stock))::float8
      / nullif(count(*) filter (where d.in_stock), 0), 0)`;
  const daysOut = sql`(count(*) filter (where not d.in_stock))::int`;
  const soldWhileOut = sql`coalesce(sum(greatest(d.units, 0)) filter (where not d.in_stock), 0)::float8`;
  return sql`select d.product_id, d.warehouse_id, ${averageDailySales} as average_daily_sales,
      ${daysOut} as days_out_of_stock, greatest(0, ${averageDailySales} * ${daysOut} - ${soldWhileOut}) as lost_units
    from (${days}) d group by d.product_id, d.warehouse_id`;
}

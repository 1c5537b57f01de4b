// The average selling price of selling-price.ts for the database: revenue ÷ units as float8, 0 without a sale.
import { type SQL, sql } from "drizzle-orm";

export function averageSellingPriceSql(revenue: SQL, unitsSold: SQL): SQL {
  return sql`(case when ${unitsSold} > 0 then greatest(${revenue}, 0)::float8 / ${unitsSold} else 0 end)`;
}

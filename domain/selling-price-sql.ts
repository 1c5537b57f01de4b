// The unit price of selling-price.ts for the database: the same rule and order (listing price, else revenue ÷
// units, else 0), as float8, and its source.
import { type SQL, sql } from "drizzle-orm";

export function averageSellingPriceSql(revenue: SQL, unitsSold: SQL): SQL {
  return sql`(case when ${unitsSold} > 0 then greatest(${revenue}, 0)::float8 / ${unitsSold} else 0 end)`;
}

/** `listingPrice`: the average of the product's listing prices above 0, null without one. */
export function unitPriceSql(listingPrice: SQL, revenue: SQL, unitsSold: SQL): SQL {
  return sql`(case when ${listingPrice} > 0 then ${listingPrice}::float8
    else ${averageSellingPriceSql(revenue, unitsSold)} end)`;
}

export function unitPriceSourceSql(listingPrice: SQL, revenue: SQL, unitsSold: SQL): SQL {
  return sql`(case when ${listingPrice} > 0 then 'listing'
    when ${averageSellingPriceSql(revenue, unitsSold)} > 0 then 'sales' else 'none' end)`;
}

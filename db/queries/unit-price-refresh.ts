// The unit price of each product (domain/selling-price.ts: the listings' price, else the average selling price
// of the last 90 days' orders, else 0), stored with its source on product_summary by the run's finalize, in the
// same transaction as the summary's stock and velocity: the Overview's money, the product page's lost sales, the
// supply plan and the API all read this one stored price. The orders come from sales_daily (finalize rebuilds it
// earlier in the transaction).
import { type SQL, sql } from "drizzle-orm";
import { UNIT_PRICE_SALES_DAYS } from "../../domain/selling-price";
import { unitPriceSourceSql, unitPriceSql } from "../../domain/selling-price-sql";

/** Rows (product_id, unit_price, price_source) of the organization's products of `products`. */
export function unitPricesSql(orgId: string, products: SQL): SQL {
  const listing = sql`lp.price`;
  const revenue = sql`coalesce(sp.revenue, 0)`;
  const units = sql`coalesce(sp.units, 0)`;
  return sql`select p.id as product_id, ${unitPriceSql(listing, revenue, units)} as unit_price,
      ${unitPriceSourceSql(listing, revenue, units)} as price_source
    from products p
    left join (
      select l.product_id, avg(l.price)::float8 as price from listings l
      where l.org_id = ${orgId} and l.price > 0 and l.product_id in (${products})
      group by l.product_id) lp on lp.product_id = p.id
    left join (
      select sd.product_id, sum(sd.revenue) as revenue, sum(sd.units)::int as units from sales_daily sd
      where sd.org_id = ${orgId} and sd.day > current_date - ${UNIT_PRICE_SALES_DAYS}::int
        and sd.product_id in (${products})
      group by sd.product_id) sp on sp.product_id = p.id
    where p.org_id = ${orgId} and p.id in (${products})`;
}

/**
 * Sets the unit price of the organization's products of `products` (a subquery of product ids) on their summary
 * rows; a row whose price did not change is left untouched. `ctes`: common table expressions `products` reads
 * (finalize's changed products). Runs after the summary rows exist.
 */
export function refreshUnitPrice(orgId: string, products: SQL, ctes?: SQL): SQL {
  return sql`with ${ctes ? sql`${ctes},` : sql``} priced as (${unitPricesSql(orgId, products)})
    update product_summary ps set unit_price = priced.unit_price, price_source = priced.price_source
    from priced
    where ps.org_id = ${orgId} and ps.product_id = priced.product_id
      and (ps.unit_price, ps.price_source) is distinct from (priced.unit_price, priced.price_source)`;
}

// Keeps product_warehouse_summary and product_marketplace_stock (db/schema/stock-summaries.ts) equal to the
// inventory rows of a set of products, with each product × warehouse's demand forecast (warehouse-forecast.ts):
// finalize refreshes the products it changed (its `mine`) in its transaction, after product_summary; `rebuildStockSummaries` covers
// every product of an organization (seeded data, the migration's backfill). The per-warehouse figures first,
// then the per-marketplace ones summed from them. A row whose figures did not change is left untouched (a
// routine run writes little), and a product × warehouse (× marketplace) without inventory rows any more goes.
// Rows go in product order, like product_summary's, so two accounts' finalizes lock shared products in one order.
import { type SQL, sql } from "drizzle-orm";
import { warehouseForecastCtes } from "./warehouse-forecast";

/** `ctes`: common table expressions `products` reads (finalize's changed products), or none. */
export function withCtes(ctes: SQL | undefined): SQL {
  return ctes ? sql`${ctes},` : sql``;
}

function refreshWarehouseSummary(orgId: string, products: SQL, ctes: SQL | undefined): SQL {
  return sql`with ${withCtes(ctes)} ${warehouseForecastCtes(orgId, products)},
    fresh as (
      select i.product_id, i.warehouse_id, i.marketplace, sum(i.available)::int as available,
        sum(i.reserved)::int as reserved, sum(i.in_transit)::int as in_transit
      from inventory i where i.org_id = ${orgId} and i.product_id in (${products})
      group by i.product_id, i.warehouse_id, i.marketplace
    ),
    lines as (
      select f.product_id, f.warehouse_id, f.marketplace, f.available, f.reserved, f.in_transit,
        coalesce(d.per_day, 0)::float8 as velocity, coalesce(d.model, 'none') as demand_model,
        coalesce(d.observed_days, 0)::int as observed_days, coalesce(d.censored_days, 0)::int as censored_days
      from fresh f left join demand_forecast d on d.product_id = f.product_id and d.warehouse_id = f.warehouse_id
    ),
    -- The rows as they are, against the lines as they should be, in one join: what changed or is new is written,
    -- what has no line any more goes (an upsert of every line cost a conflict check per row).
    kept as (
      select t.product_id, t.warehouse_id, t.marketplace, t.available, t.reserved, t.in_transit, t.velocity,
        t.demand_model, t.observed_days, t.censored_days
      from product_warehouse_summary t where t.org_id = ${orgId} and t.product_id in (${products})
    ),
    diff as (
      select l.*, k.product_id as kept_product_id, k.warehouse_id as kept_warehouse_id, k.marketplace as kept_marketplace
      from lines l full join kept k
        on k.product_id = l.product_id and k.warehouse_id = l.warehouse_id and k.marketplace = l.marketplace
      where l.product_id is null or k.product_id is null
        or (k.available, k.reserved, k.in_transit, k.velocity, k.demand_model, k.observed_days, k.censored_days)
          is distinct from (l.available, l.reserved, l.in_transit, l.velocity, l.demand_model, l.observed_days,
            l.censored_days)
    ),
    upserted as (
      insert into product_warehouse_summary as t (org_id, product_id, warehouse_id, marketplace, available, reserved,
        in_transit, velocity, demand_model, observed_days, censored_days)
      select ${orgId}, product_id, warehouse_id, marketplace, available, reserved, in_transit, velocity, demand_model,
        observed_days, censored_days
      from diff where product_id is not null order by product_id, warehouse_id, marketplace
      on conflict (org_id, product_id, warehouse_id, marketplace) do update set available = excluded.available,
        reserved = excluded.reserved, in_transit = excluded.in_transit, velocity = excluded.velocity,
        demand_model = excluded.demand_model, observed_days = excluded.observed_days,
        censored_days = excluded.censored_days
      returning 1
    )
    delete from product_warehouse_summary t using diff d
    where d.product_id is null and t.org_id = ${orgId} and t.product_id = d.kept_product_id
      and t.warehouse_id = d.kept_warehouse_id and t.marketplace = d.kept_marketplace`;
}

/** After refreshWarehouseSummary in the same transaction: it reads the rows that statement wrote. */
function refreshMarketplaceStock(orgId: string, products: SQL, ctes: SQL | undefined): SQL {
  return sql`with ${withCtes(ctes)} fresh as (
      select product_id, marketplace, sum(available)::int as available, sum(reserved)::int as reserved,
        sum(in_transit)::int as in_transit, count(distinct warehouse_id)::int as warehouse_count
      from product_warehouse_summary where org_id = ${orgId} and product_id in (${products})
      group by product_id, marketplace
    ),
    upserted as (
      insert into product_marketplace_stock as t (org_id, product_id, marketplace, available, reserved, in_transit,
        warehouse_count)
      select ${orgId}, product_id, marketplace, available, reserved, in_transit, warehouse_count
      from fresh order by product_id, marketplace
      on conflict (org_id, marketplace, product_id) do update set available = excluded.available,
        reserved = excluded.reserved, in_transit = excluded.in_transit, warehouse_count = excluded.warehouse_count
      where (t.available, t.reserved, t.in_transit, t.warehouse_count)
        is distinct from (excluded.available, excluded.reserved, excluded.in_transit, excluded.warehouse_count)
      returning 1
    )
    delete from product_marketplace_stock t
    where t.org_id = ${orgId} and t.product_id in (${products})
      and not exists (select 1 from fresh f where f.product_id = t.product_id and f.marketplace = t.marketplace)`;
}

/**
 * The statements that refresh both read models for the organization's products of `products` (a subquery of
 * product ids), in this order, in one transaction.
 */
export function refreshStockSummaries(orgId: string, products: SQL, ctes?: SQL): SQL[] {
  return [refreshWarehouseSummary(orgId, products, ctes), refreshMarketplaceStock(orgId, products, ctes)];
}

/** Every product of the organization (seeded or backfilled data). */
export function rebuildStockSummaries(orgId: string): SQL[] {
  return refreshStockSummaries(orgId, sql`select p.id from products p where p.org_id = ${orgId}`);
}

/**
 * After an account's listings went (with their stock): the rows of products × marketplaces no listing of the
 * organization sells any more, as product_summary loses the products left without any listing.
 */
export function forgetUnlistedStock(orgId: string): SQL[] {
  const unlisted = (table: string) => sql`delete from ${sql.raw(table)} t where t.org_id = ${orgId}
    and not exists (select 1 from listings l where l.org_id = ${orgId} and l.product_id = t.product_id
      and l.marketplace = t.marketplace)`;
  return [unlisted("product_warehouse_summary"), unlisted("product_marketplace_stock")];
}

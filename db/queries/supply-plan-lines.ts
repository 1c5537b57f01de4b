// Keeps supply_plan_lines (db/schema/supply.ts) equal to the supply plan's inputs of a set of products, one row per
// product × destination: a cluster (its warehouses of one marketplace summed) or a warehouse outside any cluster.
// Finalize refreshes the products it changed (its `mine`), or every product after a warehouse's cluster, name or
// type changed (organizations.supply_plan_stale, set by a trigger), in its transaction after the stock summaries;
// `rebuildSupplyPlanLines` covers every product (seeded data, the migration's backfill). The plan itself
// (db/queries/supply-plan.ts) reads these rows with the settings of the moment; a written row's quantity is null
// until supply-plan-store.ts computes it (under the lock every writer of these rows holds).
//
// Stock (available, in transit) and each stocked warehouse's demand forecast come from product_warehouse_summary;
// a warehouse with orders but no stock row is forecast here, the same way. A destination's share is its
// warehouses' demand forecasts over the sum of all the product's destinations' (every marketplace's), so a
// product's destinations together forecast exactly what the product does. Orders WB books on a marketplace-wide
// total ("Склад WB РФ", type unknown: since 2026-08-15 WB names no shipping warehouse) cannot be placed: that
// demand meets the stock of the product's warehouses of the marketplace that have no demand of their own, as one
// destination, so the plan does not ship to the total what Koledino already holds. A row whose figures did not
// change is left untouched; a product × destination without stock or demand any more goes.
import { type SQL, sql } from "drizzle-orm";
import { FORECAST_WINDOW_DAYS } from "../../domain/forecast";
import { demandForecastCtes } from "../../domain/forecast-sql";
import { warehouseDemandDays } from "./demand-days";
import { withCtes } from "./stock-summaries";
import { supplyPlanLock } from "./supply-plan-store";

/**
 * The products with demand at a warehouse where they have no stock row (orders booked on WB's marketplace-wide
 * total, or on a warehouse the stock feed no longer lists): their warehouses' forecasts are computed here; every
 * stocked cell's is the one finalize stored on product_warehouse_summary (the same forecast over the same days).
 */
function unstockedDemandProducts(orgId: string, products: SQL): SQL {
  return sql`select distinct s.product_id from sales s
    where s.org_id = ${orgId} and s.kind = 'order' and s.warehouse_id is not null and s.product_id in (${products})
      and s.day >= current_date - ${FORECAST_WINDOW_DAYS}::int and s.day < current_date
      and not exists (select 1 from product_warehouse_summary t where t.org_id = ${orgId}
        and t.product_id = s.product_id and t.warehouse_id = s.warehouse_id)`;
}

/** Common table expressions ending in `planned`: the lines of `products` as they should be. */
function plannedLinesCtes(orgId: string, products: SQL): SQL {
  const days = warehouseDemandDays({ orgId, products: sql`select product_id from unstocked` });
  return sql`unstocked as (${unstockedDemandProducts(orgId, products)}),
    ${demandForecastCtes(days)},
    stock as (
      select t.product_id, t.warehouse_id, sum(t.available)::int as available, sum(t.in_transit)::int as in_transit,
        max(t.velocity) as velocity
      from product_warehouse_summary t where t.org_id = ${orgId} and t.product_id in (${products})
      group by t.product_id, t.warehouse_id),
    per_warehouse as (
      select product_id, warehouse_id, available, in_transit, velocity from stock
      union all
      select d.product_id, d.warehouse_id, 0, 0, coalesce(d.per_day, 0) from demand_forecast d
      where not exists (select 1 from stock s where s.product_id = d.product_id and s.warehouse_id = d.warehouse_id)),
    located as (
      select pw.*, w.marketplace, w.type, w.cluster, coalesce(w.cluster, w.name) as destination,
        w.name as warehouse_name, case when w.cluster is null then w.id end as own_warehouse_id
      from per_warehouse pw join warehouses w on w.id = pw.warehouse_id and w.org_id = ${orgId}),
    marketplace_totals as (
      select distinct on (product_id, marketplace) product_id, marketplace, cluster, destination, own_warehouse_id
      from located where type = 'unknown' and velocity > 0
      order by product_id, marketplace, velocity desc),
    placed as (
      select l.product_id, l.warehouse_id, l.warehouse_name, l.available, l.in_transit, l.velocity, l.marketplace,
        case when t.product_id is null or l.velocity > 0 then l.cluster else t.cluster end as cluster,
        case when t.product_id is null or l.velocity > 0 then l.destination else t.destination end as destination,
        case when t.product_id is null or l.velocity > 0 then l.own_warehouse_id else t.own_warehouse_id end
          as own_warehouse_id
      from located l left join marketplace_totals t on t.product_id = l.product_id and t.marketplace = l.marketplace),
    grouped as (
      select product_id, marketplace, destination, cluster, own_warehouse_id as warehouse_id,
        array_agg(warehouse_id order by warehouse_name) as warehouse_ids,
        array_agg(warehouse_name order by warehouse_name) as warehouses,
        sum(available)::int as available, sum(in_transit)::int as in_transit, sum(velocity)::float8 as velocity
      from placed group by product_id, marketplace, destination, cluster, own_warehouse_id),
    shared as (
      select g.product_id, g.marketplace,
        case when g.cluster is null then 'w:' || g.warehouse_id else 'c:' || g.cluster end as destination_key,
        g.destination, g.cluster, g.warehouse_id, g.warehouse_ids, g.warehouses, p.article, g.available,
        g.in_transit,
        coalesce(g.velocity / nullif(sum(g.velocity) over (partition by g.product_id), 0), 0)::float8 as demand_share
      from grouped g join products p on p.id = g.product_id),
    planned as (
      select s.*, (coalesce(ps.velocity, 0) * s.demand_share)::float8 as velocity
      from shared s left join product_summary ps on ps.org_id = ${orgId} and ps.product_id = s.product_id)`;
}

/**
 * Makes the supply plan lines of `products` (a query of product ids; `ctes` are common table expressions it
 * reads) what their stock and demand say, and their per-marketplace sums, in one statement: the changed and new
 * rows written in key order, the rows without a line any more deleted.
 */
export function refreshSupplyPlanLines(orgId: string, products: SQL, ctes?: SQL): SQL {
  return sql`with ${withCtes(ctes)} ${plannedLinesCtes(orgId, products)},
    kept as (
      select t.product_id, t.marketplace, t.destination_key, t.destination, t.cluster, t.warehouse_id,
        t.warehouse_ids, t.warehouses, t.article, t.available, t.in_transit, t.demand_share, t.velocity
      from supply_plan_lines t where t.org_id = ${orgId} and t.product_id in (${products})),
    diff as (
      select l.*, k.product_id as kept_product_id, k.marketplace as kept_marketplace,
        k.destination_key as kept_destination_key
      from planned l full join kept k on k.product_id = l.product_id and k.marketplace = l.marketplace
        and k.destination_key = l.destination_key
      where l.product_id is null or k.product_id is null
        or (k.destination, k.cluster, k.warehouse_id, k.warehouse_ids, k.warehouses, k.article, k.available,
          k.in_transit, k.demand_share, k.velocity)
          is distinct from (l.destination, l.cluster, l.warehouse_id, l.warehouse_ids, l.warehouses, l.article,
            l.available, l.in_transit, l.demand_share, l.velocity)),
    upserted as (
      insert into supply_plan_lines as t (org_id, product_id, marketplace, destination_key, destination, cluster,
        warehouse_id, warehouse_ids, warehouses, article, available, in_transit, demand_share, velocity)
      select ${orgId}, product_id, marketplace, destination_key, destination, cluster, warehouse_id, warehouse_ids,
        warehouses, article, available, in_transit, demand_share, velocity
      from diff where product_id is not null order by product_id, marketplace, destination_key
      on conflict (org_id, product_id, marketplace, destination_key) do update set
        destination = excluded.destination, cluster = excluded.cluster, warehouse_id = excluded.warehouse_id,
        warehouse_ids = excluded.warehouse_ids, warehouses = excluded.warehouses, article = excluded.article,
        available = excluded.available, in_transit = excluded.in_transit, demand_share = excluded.demand_share,
        velocity = excluded.velocity, quantity = null
      returning 1),
    -- Per product × marketplace, the lines summed, the velocities in the plan's order of destinations.
    sums as (
      select product_id, marketplace, sum(available)::int as available, sum(in_transit)::int as in_transit,
        sum(velocity order by destination, destination_key)::float8 as velocity
      from planned group by product_id, marketplace),
    sums_upserted as (
      insert into supply_plan_products as t (org_id, product_id, marketplace, available, in_transit, velocity)
      select ${orgId}, product_id, marketplace, available, in_transit, velocity from sums
      order by product_id, marketplace
      on conflict (org_id, product_id, marketplace) do update set available = excluded.available,
        in_transit = excluded.in_transit, velocity = excluded.velocity
      where (t.available, t.in_transit, t.velocity) is distinct from
        (excluded.available, excluded.in_transit, excluded.velocity)
      returning 1),
    sums_deleted as (
      delete from supply_plan_products t where t.org_id = ${orgId} and t.product_id in (${products})
        and not exists (select 1 from sums s where s.product_id = t.product_id and s.marketplace = t.marketplace)
      returning 1)
    delete from supply_plan_lines t using diff d
    where d.product_id is null and t.org_id = ${orgId} and t.product_id = d.kept_product_id
      and t.marketplace = d.kept_marketplace and t.destination_key = d.kept_destination_key`;
}

/**
 * Finalize's refresh: the products it changed, or every product of the organization when a warehouse changed
 * since the last one (the flag is cleared in the same transaction).
 */
export function refreshSupplyPlanLinesOfRun(orgId: string, mine: SQL, ctes: SQL): SQL[] {
  const stale = sql`(select supply_plan_stale from organizations where id = ${orgId})`;
  return [
    supplyPlanLock(orgId),
    refreshSupplyPlanLines(
      orgId,
      sql`${mine} union select p.id from products p where p.org_id = ${orgId} and ${stale}`,
      ctes,
    ),
    staleCleared(orgId),
  ];
}

/** Every product of the organization's lines (seeded data, a rebuild after the organization's warehouses moved). */
export function rebuildSupplyPlanLines(orgId: string): SQL[] {
  return [
    supplyPlanLock(orgId),
    refreshSupplyPlanLines(orgId, sql`select p.id from products p where p.org_id = ${orgId}`),
    staleCleared(orgId),
  ];
}

/** Every product's lines were just written: the organization's warehouses are no longer ahead of them. */
function staleCleared(orgId: string): SQL {
  return sql`update organizations set supply_plan_stale = false where id = ${orgId} and supply_plan_stale`;
}

/**
 * After an account's listings went (with their stock summaries): the lines of the products that lost a
 * marketplace, computed again from what is left.
 */
export function refreshUnlistedSupplyPlanLines(orgId: string): SQL[] {
  return [
    supplyPlanLock(orgId),
    refreshSupplyPlanLines(
      orgId,
      sql`select distinct t.product_id from supply_plan_products t where t.org_id = ${orgId}
        and not exists (select 1 from listings l where l.org_id = ${orgId} and l.product_id = t.product_id
          and l.marketplace = t.marketplace)`,
    ),
  ];
}

// Inputs of the supply plan, one row per product × destination: a cluster (its warehouses of one marketplace
// summed) or a warehouse outside any cluster. Stock (available, in transit) and each stocked warehouse's demand
// forecast from product_warehouse_summary, which finalize keeps equal to the inventory rows and to
// domain/forecast-sql.ts over the orders and stock snapshots (db/queries/stock-summaries.ts); a warehouse with
// orders but no stock row is forecast here, the same way. Velocity: the
// product's own forecast (product_summary.velocity, the one Recommendations and the Overview use) spread over its
// destinations by their share of its recent demand, the share being each destination's warehouses' demand
// forecasts over the sum of all its destinations'
// (every marketplace's, whatever the scope): so a product's destinations together forecast exactly what the
// product does (summed per warehouse they forecast more: each warehouse's series leaves out its own days out of
// stock). Orders WB books on a marketplace-wide total ("Склад WB РФ", type unknown: since 2026-08-15 WB names no
// shipping warehouse) cannot be placed: that demand meets the stock of the product's warehouses of the
// marketplace that have no demand of their own, as one destination, so the plan does not ship to the total what
// Koledino already holds; the product's own minimum order and pack size where it set them; and its unit price,
// the one finalize stored on product_summary (domain/selling-price.ts). domain/supply-plan.ts does the arithmetic.
import { type SQL, sql } from "drizzle-orm";
import { FORECAST_WINDOW_DAYS } from "../../domain/forecast";
import { demandForecastCtes } from "../../domain/forecast-sql";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { warehouseDemandDays } from "./demand-days";
import { productSearchSql } from "./inventory-search";

export interface SupplyPlanScope {
  orgId: string;
  marketplace?: Marketplace | undefined;
  /** The destination holding this warehouse (its whole cluster when it has one). */
  warehouseId?: number | undefined;
  cluster?: string | undefined;
  search?: string | undefined;
}

export interface SupplyPlanRow {
  product_id: number;
  article: string;
  name: string;
  marketplace: Marketplace;
  /** A cluster's name, or the warehouse's name outside any cluster. */
  destination: string;
  cluster: string | null;
  /** The warehouse outside any cluster; null for a cluster. */
  warehouse_id: number | null;
  warehouses: string[];
  available: number;
  in_transit: number;
  /** The destination's share of the product's forecast, units a day. */
  velocity: number;
  /** The destination's share of the product's recent demand, 0–1. */
  demand_share: number;
  /** The product's forecast over all destinations (product_summary.velocity), units a day. */
  product_velocity: number;
  min_order_units: number | null;
  pack_size: number | null;
  unit_price: number;
}

/**
 * The products with demand at a warehouse where they have no stock row (orders booked on WB's marketplace-wide
 * total, or on a warehouse the stock feed no longer lists): their warehouses' forecasts are computed here; every
 * stocked cell's is the one finalize stored on product_warehouse_summary (the same forecast over the same days).
 */
function unstockedDemandProducts(orgId: string, products: SQL): SQL {
  return sql`select distinct s.product_id from sales s
    where s.org_id = ${orgId} and s.kind = 'order' and s.warehouse_id is not null and ${products}
      and s.day >= current_date - ${FORECAST_WINDOW_DAYS}::int and s.day < current_date
      and not exists (select 1 from product_warehouse_summary t where t.org_id = ${orgId}
        and t.product_id = s.product_id and t.warehouse_id = s.warehouse_id)`;
}

export async function supplyPlanInputs(db: Database, scope: SupplyPlanScope): Promise<SupplyPlanRow[]> {
  // Every marketplace's demand and stock: a destination's share is of the product's whole demand.
  const days = warehouseDemandDays({ orgId: scope.orgId, products: sql`select product_id from unstocked` });
  const lineFilters: SQL[] = [sql`p.org_id = ${scope.orgId}`];
  if (scope.marketplace) lineFilters.push(sql`l.marketplace = ${scope.marketplace}`);
  if (scope.warehouseId !== undefined)
    lineFilters.push(sql`${scope.warehouseId}::int = any(l.warehouse_ids)`);
  if (scope.cluster !== undefined) lineFilters.push(sql`l.cluster = ${scope.cluster}`);
  if (scope.search !== undefined) lineFilters.push(productSearchSql(scope.search));
  // A product's lines depend on its own rows only (its share is over its own destinations): a search reads the
  // rows of the products it finds, where the other filters keep every product's and cut the lines at the end.
  const inScope = (alias: string) =>
    scope.search === undefined
      ? sql`true`
      : sql`${sql.raw(alias)}.product_id = any(array(select p.id from products p
          where p.org_id = ${scope.orgId} and ${productSearchSql(scope.search)}))`;
  const result =
    await db.execute(sql`with unstocked as (${unstockedDemandProducts(scope.orgId, inScope("s"))}),
    ${demandForecastCtes(days)},
    stock as (
      select t.product_id, t.warehouse_id, sum(t.available)::int as available, sum(t.in_transit)::int as in_transit,
        max(t.velocity) as velocity
      from product_warehouse_summary t where t.org_id = ${scope.orgId} and ${inScope("t")}
      group by t.product_id, t.warehouse_id),
    per_warehouse as (
      select product_id, warehouse_id, available, in_transit, velocity from stock
      union all
      select d.product_id, d.warehouse_id, 0, 0, coalesce(d.per_day, 0) from demand_forecast d
      where not exists (select 1 from stock s where s.product_id = d.product_id and s.warehouse_id = d.warehouse_id)),
    located as (
      select pw.*, w.marketplace, w.type, w.cluster, coalesce(w.cluster, w.name) as destination,
        w.name as warehouse_name, case when w.cluster is null then w.id end as own_warehouse_id
      from per_warehouse pw join warehouses w on w.id = pw.warehouse_id and w.org_id = ${scope.orgId}),
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
    lines as (
      select product_id, marketplace, destination, cluster, own_warehouse_id as warehouse_id,
        array_agg(warehouse_id order by warehouse_name) as warehouse_ids,
        array_agg(warehouse_name order by warehouse_name) as warehouses,
        sum(available)::int as available, sum(in_transit)::int as in_transit, sum(velocity)::float8 as velocity
      from placed group by product_id, marketplace, destination, cluster, own_warehouse_id),
    shared as (
      select lines.*, coalesce(velocity / nullif(sum(velocity) over (partition by product_id), 0), 0)::float8 as share
      from lines)
    select l.product_id, p.article, p.name, l.marketplace::text as marketplace, l.destination, l.cluster,
      l.warehouse_id, l.warehouses, l.available, l.in_transit, l.share as demand_share,
      (coalesce(ps.velocity, 0) * l.share)::float8 as velocity, coalesce(ps.velocity, 0)::float8 as product_velocity,
      pss.min_order_units, pss.pack_size, coalesce(ps.unit_price, 0)::float8 as unit_price
    from shared l
    join products p on p.id = l.product_id
    left join product_summary ps on ps.org_id = ${scope.orgId} and ps.product_id = l.product_id
    left join product_supply_settings pss on pss.product_id = l.product_id
    where ${sql.join(lineFilters, sql` and `)}
    order by l.marketplace, l.destination, p.article`);
  return (result.rows as unknown as SupplyPlanRow[]).map((row) => ({
    ...row,
    product_id: Number(row.product_id),
    warehouse_id: row.warehouse_id === null ? null : Number(row.warehouse_id),
    available: Number(row.available),
    in_transit: Number(row.in_transit),
    velocity: Number(row.velocity),
    demand_share: Number(row.demand_share),
    product_velocity: Number(row.product_velocity),
    min_order_units: row.min_order_units === null ? null : Number(row.min_order_units),
    pack_size: row.pack_size === null ? null : Number(row.pack_size),
    unit_price: Number(row.unit_price),
  }));
}

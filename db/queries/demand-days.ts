// The days a demand forecast reads (domain/forecast-sql.ts' `days` relation): per product (all warehouses,
// from sales_daily) or per product × warehouse (from the orders), over the forecast window up to yesterday
// (today is still selling). A day counts as out of stock — censored — when the stock snapshot of that day or of
// the day before shows none (it ran dry, or restocked only during the day); a day without a snapshot counts as
// in stock. A series with snapshots starts at its first sale or snapshot in the window (a product listed last
// week is not diluted by months it did not exist); one without any spans the window, in stock throughout. Only
// products that sold in the window have a series (the others' forecast is 0 whatever their stock).
import { type SQL, sql } from "drizzle-orm";
import { FORECAST_WINDOW_DAYS } from "../../domain/forecast";

export interface DemandScope {
  orgId: string;
  /** Limits the products (a subquery returning product_id); all of the organization's otherwise. */
  products?: SQL;
  marketplace?: "ozon" | "wb" | undefined;
  warehouseId?: number | undefined;
  windowDays?: number;
  /** The day the window ends before (ISO date; the database's current_date otherwise). */
  today?: string;
}

function todayOf(scope: DemandScope): SQL {
  return scope.today === undefined ? sql`current_date` : sql`${scope.today}::date`;
}

function filters(scope: DemandScope, alias: string): SQL {
  const parts = [sql`${sql.raw(alias)}.org_id = ${scope.orgId}`];
  if (scope.products) parts.push(sql`${sql.raw(alias)}.product_id in (${scope.products})`);
  if (scope.marketplace) parts.push(sql`${sql.raw(alias)}.marketplace = ${scope.marketplace}`);
  return sql.join(parts, sql` and `);
}

/** Per product × day over all warehouses (warehouse_id 0). */
export function productDemandDays(scope: DemandScope): SQL {
  const window = scope.windowDays ?? FORECAST_WINDOW_DAYS;
  return demandSeries(
    sql`select product_id, 0 as warehouse_id, day, sum(units)::int as units from sales_daily sd
      where ${filters(scope, "sd")} and day >= current_date - ${window}::int and day < current_date
      group by product_id, day`,
    sql`select product_id, 0 as warehouse_id, day, sum(available)::int as available from inventory_daily idy
      where ${filters(scope, "idy")} and day >= current_date - ${window + 1}::int and day < current_date
      group by product_id, day`,
    window,
  );
}

/** Per product × warehouse × day, from the orders that name their warehouse. */
export function warehouseDemandDays(scope: DemandScope): SQL {
  const window = scope.windowDays ?? FORECAST_WINDOW_DAYS;
  const today = todayOf(scope);
  const warehouse = (alias: string) =>
    scope.warehouseId === undefined ? sql`` : sql`and ${sql.raw(alias)}.warehouse_id = ${scope.warehouseId}`;
  return demandSeries(
    sql`select product_id, warehouse_id, day, sum(quantity)::int as units from sales s
      where ${filters(scope, "s")} and s.kind = 'order' and s.warehouse_id is not null ${warehouse("s")}
        and day >= ${today} - ${window}::int and day < ${today}
      group by product_id, warehouse_id, day`,
    sql`select product_id, warehouse_id, day, sum(available)::int as available from inventory_daily idy
      where ${filters(scope, "idy")} ${warehouse("idy")}
        and day >= ${today} - ${window + 1}::int and day < ${today}
      group by product_id, warehouse_id, day`,
    window,
    today,
  );
}

/**
 * The days of each series that sold (`sold`: product_id, warehouse_id, day, units) given its snapshots (`stock`:
 * product_id, warehouse_id, day, available), from its start to the day before `today`. Each series' first
 * snapshot comes from one grouped pass over the snapshots, joined by hash (a lookup per sold day was quadratic).
 */
export function demandSeries(sold: SQL, stock: SQL, window: number, today: SQL = sql`current_date`): SQL {
  return sql`with sold as (${sold}), stock as (${stock}),
      first_snapshots as (
        select product_id, warehouse_id, min(day) as first_snapshot from stock group by product_id, warehouse_id),
      starts as (
        select s.product_id, s.warehouse_id, case when min(fs.first_snapshot) is null then ${today} - ${window}::int
            else least(min(s.day), min(fs.first_snapshot)) end as first_day
        from sold s
        left join first_snapshots fs on fs.product_id = s.product_id and fs.warehouse_id = s.warehouse_id
        group by s.product_id, s.warehouse_id)
    select f.product_id, f.warehouse_id, d.day::date as day, coalesce(s.units, 0) as units,
      coalesce(st.available, 1) > 0 and coalesce(prev.available, 1) > 0 as in_stock
    from starts f
    cross join generate_series(${today} - ${window}::int, ${today} - 1, interval '1 day') as d(day)
    left join sold s on s.product_id = f.product_id and s.warehouse_id = f.warehouse_id and s.day = d.day::date
    left join stock st on st.product_id = f.product_id and st.warehouse_id = f.warehouse_id and st.day = d.day::date
    left join stock prev on prev.product_id = f.product_id and prev.warehouse_id = f.warehouse_id
      and prev.day = d.day::date - 1
    where d.day::date >= f.first_day`;
}

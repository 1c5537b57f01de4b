// Each product × warehouse's demand forecast for finalize's per-warehouse read model: the same figures as
// domain/forecast-sql.ts over warehouseDemandDays (demand-days.ts), computed from the days that sold and the days
// out of stock only, never from one row per day of the window. A series with a sale spans its start to
// yesterday (start and stock-outs as demand-days.ts defines them); its in-stock days are those days less the
// censored ones (a snapshot of no stock that day or the day before), so for a day that sold in stock
//   r = days after it up to yesterday − censored days after it,   q = in-stock days that sold after it,
// n = days of the series − censored days, and the days without sales add nothing to SES, TSB's p or z besides
// the counts. Materialising every day of every product × warehouse (112 per series) cost finalize three times
// its sales_daily rebuild at the benchmark's size, and grouping every snapshot of the window per product ×
// warehouse × day (36,000,000 rows at 90 days of the benchmark's stock) 60 % of a day's first finalize: the
// snapshots are read by index (migration 0031) for the series that sold only, their first day and their rows of no
// stock, each such day checked against the sum of the product's rows at that warehouse.
import { type SQL, sql } from "drizzle-orm";
import { FORECAST_SMOOTHING, FORECAST_WINDOW_DAYS, INTERMITTENT_ADI } from "../../domain/forecast";

/**
 * CTEs (to follow a `with`, after the caller's own) ending in `demand_forecast (product_id, warehouse_id, model,
 * per_day, observed_days, censored_days)` for the organization's products of `products` (a subquery of ids).
 */
export function warehouseForecastCtes(orgId: string, products: SQL): SQL {
  const window = FORECAST_WINDOW_DAYS;
  const a = sql`${FORECAST_SMOOTHING.alpha}::float8`;
  const b = sql`${FORECAST_SMOOTHING.beta}::float8`;
  return sql`wf_sold as (
      select product_id, warehouse_id, day, sum(quantity)::int as units from sales s
      where s.org_id = ${orgId} and s.product_id in (${products}) and s.kind = 'order' and s.warehouse_id is not null
        and day >= current_date - ${window}::int and day < current_date
      group by product_id, warehouse_id, day),
    -- Each series' first snapshot in the window: the product's first snapshot day (one probe of
    -- inventory_daily_product_idx) holds most of its warehouses; a warehouse missing there is probed by itself.
    wf_series_keys as (select distinct product_id, warehouse_id from wf_sold),
    wf_product_starts as (
      select p.product_id, (select min(i.day) from inventory_daily i where i.org_id = ${orgId}
          and i.product_id = p.product_id and i.day >= current_date - ${window + 1}::int and i.day < current_date) as day
      from (select distinct product_id from wf_sold) p),
    wf_start_cells as (
      select distinct i.product_id, i.warehouse_id, i.day from wf_product_starts ps
      join inventory_daily i on i.org_id = ${orgId} and i.product_id = ps.product_id and i.day = ps.day),
    wf_first_snapshots as (
      select k.product_id, k.warehouse_id, coalesce(sc.day, (select min(i.day) from inventory_daily i
          where i.org_id = ${orgId} and i.product_id = k.product_id and i.warehouse_id = k.warehouse_id
            and i.day >= current_date - ${window + 1}::int and i.day < current_date)) as first_snapshot
      from wf_series_keys k
      left join wf_start_cells sc on sc.product_id = k.product_id and sc.warehouse_id = k.warehouse_id),
    wf_series as (
      select s.product_id, s.warehouse_id,
        greatest(case when min(fs.first_snapshot) is null then current_date - ${window}::int
          else least(min(s.day), min(fs.first_snapshot)) end, current_date - ${window}::int) as first_day
      from wf_sold s
      left join wf_first_snapshots fs on fs.product_id = s.product_id and fs.warehouse_id = s.warehouse_id
      group by s.product_id, s.warehouse_id),
    -- The series' days out of stock: a row of no stock (inventory_daily_stock_out_idx) names a candidate day, which
    -- is out of stock when all the product's rows at that warehouse that day sum to none (another listing there may
    -- hold stock).
    wf_stock_outs as (
      select z.product_id, z.warehouse_id, z.day
      from (select distinct z.product_id, z.warehouse_id, z.day from wf_series_keys k
        join inventory_daily z on z.org_id = ${orgId} and z.product_id = k.product_id
          and z.warehouse_id = k.warehouse_id and z.available <= 0
          and z.day >= current_date - ${window + 1}::int and z.day < current_date) z
      where (select sum(i.available) from inventory_daily i where i.org_id = ${orgId} and i.product_id = z.product_id
        and i.day = z.day and i.warehouse_id = z.warehouse_id) <= 0),
    -- A snapshot of no stock censors its day and the next, within the series.
    wf_censored as (
      select distinct f.product_id, f.warehouse_id, c.day
      from wf_stock_outs z
      join wf_series f on f.product_id = z.product_id and f.warehouse_id = z.warehouse_id
      cross join lateral (values (z.day), (z.day + 1)) as c(day)
      where c.day >= f.first_day and c.day < current_date),
    wf_counts as (
      select f.product_id, f.warehouse_id, (current_date - f.first_day)::int as days,
        coalesce(c.censored, 0)::int as censored
      from wf_series f
      left join (select product_id, warehouse_id, count(*) as censored from wf_censored group by product_id, warehouse_id) c
        on c.product_id = f.product_id and c.warehouse_id = f.warehouse_id),
    -- The days that sold in stock and the censored days, latest first: for a day that sold, the censored days and
    -- the days that sold after it.
    wf_marked as (
      select product_id, warehouse_id, day, y, censored,
        (count(*) filter (where censored) over later)::int as censored_after,
        (count(*) filter (where not censored) over later - 1)::int as q
      from (
        select s.product_id, s.warehouse_id, s.day, s.units::float8 as y, false as censored from wf_sold s
        where s.units > 0 and not exists (select 1 from wf_censored c where c.product_id = s.product_id
          and c.warehouse_id = s.warehouse_id and c.day = s.day)
        union all
        select product_id, warehouse_id, day, 0::float8, true from wf_censored) m
      window later as (partition by product_id, warehouse_id order by day desc
        rows between unbounded preceding and current row)),
    wf_sales as (
      select product_id, warehouse_id, y, q, ((current_date - 1 - day) - censored_after)::int as r
      from wf_marked where not censored),
    wf_sums as (
      select c.product_id, c.warehouse_id, c.days - c.censored as n, c.censored,
        count(s.y)::int as k, avg(s.y) as z0,
        coalesce(sum(s.y * case when s.r = c.days - c.censored - 1 then power(1 - ${a}, s.r)
          else ${a} * power(1 - ${a}, s.r) end), 0) as ses,
        coalesce(sum(${b} * power(1 - ${b}, s.r)), 0) as p_sum,
        coalesce(sum(${a} * power(1 - ${a}, s.q) * s.y), 0) as z_sum
      from wf_counts c
      left join wf_sales s on s.product_id = c.product_id and s.warehouse_id = c.warehouse_id
      group by c.product_id, c.warehouse_id, c.days, c.censored),
    demand_forecast as (
      select product_id, warehouse_id,
        case when n = 0 then 'none' when k = 0 or n::float8 / k > ${INTERMITTENT_ADI}::float8 then 'tsb'
          else 'ses' end as model,
        case when n = 0 or k = 0 then 0::float8
          when n::float8 / k > ${INTERMITTENT_ADI}::float8
            then (power(1 - ${b}, n) * k::float8 / n + p_sum) * (power(1 - ${a}, k) * coalesce(z0, 0) + z_sum)
          else ses end as per_day,
        n::int as observed_days, censored::int as censored_days
      from wf_sums)`;
}

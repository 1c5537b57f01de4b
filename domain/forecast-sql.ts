// The database's demand forecast, the same arithmetic as forecast.ts in closed form, so that a query can
// filter and page by it. Over a series' days in stock y₁…yₙ (n of them, k with demand), r = n − i days from
// the latest and q the same count over the days with demand only:
//   SES  level = (1 − α)ⁿ⁻¹·y₁ + Σᵢ₌₂…ₙ α(1 − α)ʳ·yᵢ
//   TSB  p = (1 − β)ⁿ·k/n + Σ β(1 − β)ʳ·1{yᵢ > 0},  z = (1 − α)ᵏ·z₀ + Σ_{yᵢ>0} α(1 − α)^q·yᵢ  (z₀ = mean yᵢ > 0), p·z
// The model is TSB when n ÷ k exceeds INTERMITTENT_ADI (or k = 0), SES otherwise, "none" without a day in stock.
import { type SQL, sql } from "drizzle-orm";
import { FORECAST_SMOOTHING, INTERMITTENT_ADI } from "./forecast";

/**
 * CTEs (to follow a `with`, after the caller's own) that turn `days`, a relation of
 * (product_id, warehouse_id, day, units, in_stock) — one row per series day, warehouse_id 0 for all warehouses —
 * into `demand_forecast (product_id, warehouse_id, model, per_day, observed_days, censored_days)`.
 */
export function demandForecastCtes(
  days: SQL,
  smoothing: { alpha: number; beta: number } = FORECAST_SMOOTHING,
): SQL {
  const a = sql`${smoothing.alpha}::float8`;
  const b = sql`${smoothing.beta}::float8`;
  return sql`forecast_days as (${days}),
    forecast_ranked as (
      select product_id, warehouse_id, greatest(units, 0)::float8 as y,
        (row_number() over (partition by product_id, warehouse_id order by day desc) - 1)::int as r,
        (row_number() over (partition by product_id, warehouse_id, units > 0 order by day desc) - 1)::int as q,
        count(*) over (partition by product_id, warehouse_id)::int as n,
        (count(*) filter (where units > 0) over (partition by product_id, warehouse_id))::int as k,
        avg(greatest(units, 0)::float8) filter (where units > 0) over (partition by product_id, warehouse_id) as z0
      from forecast_days where in_stock),
    forecast_sums as (
      select product_id, warehouse_id, max(n) as n, max(k) as k,
        sum(y * case when r = n - 1 then power(1 - ${a}, r) else ${a} * power(1 - ${a}, r) end) as ses,
        power(1 - ${b}, max(n)) * max(k)::float8 / max(n)
          + coalesce(sum(${b} * power(1 - ${b}, r)) filter (where y > 0), 0) as p,
        power(1 - ${a}, max(k)) * coalesce(max(z0), 0)
          + coalesce(sum(${a} * power(1 - ${a}, q) * y) filter (where y > 0), 0) as z
      from forecast_ranked group by product_id, warehouse_id),
    demand_forecast as (
      select d.product_id, d.warehouse_id,
        case when s.n is null then 'none' when s.k = 0 or s.n::float8 / s.k > ${INTERMITTENT_ADI}::float8 then 'tsb' else 'ses' end as model,
        case when s.n is null or s.k = 0 then 0::float8
          when s.n::float8 / s.k > ${INTERMITTENT_ADI}::float8 then s.p * s.z else s.ses end as per_day,
        coalesce(s.n, 0)::int as observed_days, (count(*) filter (where not d.in_stock))::int as censored_days
      from forecast_days d left join forecast_sums s using (product_id, warehouse_id)
      group by d.product_id, d.warehouse_id, s.n, s.k, s.p, s.z, s.ses)`;
}

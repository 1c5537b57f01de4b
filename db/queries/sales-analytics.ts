// Sales analytics: KPIs for a period, the trend by day / week / month, and revenue grouped by product,
// category or region. Every query is bounded by org and day range. What needs no product reads
// sales_day_totals (a few hundred rows a period: day × marketplace × region); per product, sales_daily.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";

export interface SalesPeriod {
  orgId: string;
  /** Inclusive calendar days, YYYY-MM-DD. */
  from: string;
  to: string;
  marketplace?: Marketplace | undefined;
}

export interface SalesTotals {
  revenue: number;
  orders: number;
  units: number;
  returns: number;
  cancellations: number;
}

function periodFilter(period: SalesPeriod, alias = "sd"): SQL {
  const table = sql.raw(alias);
  const conditions = [
    sql`${table}.org_id = ${period.orgId}`,
    sql`${table}.day between ${period.from}::date and ${period.to}::date`,
  ];
  if (period.marketplace) conditions.push(sql`${table}.marketplace = ${period.marketplace}`);
  return sql.join(conditions, sql` and `);
}

const TOTALS = sql`coalesce(sum(sd.revenue), 0)::float8 as revenue, coalesce(sum(sd.orders), 0)::int as orders,
  coalesce(sum(sd.units), 0)::int as units, coalesce(sum(sd.returns), 0)::int as returns,
  coalesce(sum(sd.cancellations), 0)::int as cancellations`;

export async function salesTotals(db: Database, period: SalesPeriod): Promise<SalesTotals> {
  const result = await db.execute(
    sql`select ${TOTALS} from sales_day_totals sd where ${periodFilter(period)}`,
  );
  return result.rows[0] as unknown as SalesTotals;
}

/** Totals of several periods in one statement (KPIs: the period and the one before), in the order given. */
export async function salesTotalsOf(db: Database, periods: SalesPeriod[]): Promise<SalesTotals[]> {
  const each = periods.map(
    (period, index) =>
      sql`select ${index}::int as which, ${TOTALS} from sales_day_totals sd where ${periodFilter(period)}`,
  );
  const result = await db.execute(sql`${sql.join(each, sql` union all `)} order by which`);
  return (result.rows as unknown as Array<SalesTotals & { which: number }>).map(
    ({ which: _, ...totals }) => totals,
  );
}

export type TrendGrain = "day" | "week" | "month";

export async function salesTrend(
  db: Database,
  period: SalesPeriod,
  grain: TrendGrain,
): Promise<Array<SalesTotals & { period: string }>> {
  const bucket = sql.raw(`'${grain}'`);
  const result =
    await db.execute(sql`select to_char(date_trunc(${bucket}, sd.day), 'YYYY-MM-DD') as period, ${TOTALS}
    from sales_day_totals sd where ${periodFilter(period)} group by 1 order by 1`);
  return result.rows as unknown as Array<SalesTotals & { period: string }>;
}

/** The organization's standard period the period is (a row when it is one, up to the day they end on), as CTE `covered`. */
export function coveredPeriod(period: SalesPeriod): SQL {
  const days = sql`(${period.to}::date - ${period.from}::date + 1)`;
  return sql`covered as (
      select 1 from sales_windows where org_id = ${period.orgId} and days = ${days} and ends_on = ${period.to}::date
    )`;
}

/**
 * The standard period's rows of product_sales_windows, a row a product (of the marketplace), when `covered` has
 * one. Revenue is the expression product_sales_windows' revenue indexes hold, so a Top-N walks an index.
 */
export function windowTotals(period: SalesPeriod, products?: SQL): SQL {
  const days = sql`(${period.to}::date - ${period.from}::date + 1)`;
  const measure = (name: string) =>
    sql.raw(
      period.marketplace
        ? `${period.marketplace}_${name}`
        : `coalesce(ozon_${name}, 0) + coalesce(wb_${name}, 0)`,
    );
  const scope = period.marketplace ? sql.raw(` and ${period.marketplace}_orders is not null`) : sql``;
  const only = products ? sql` and product_id in (${products})` : sql``;
  return sql`select product_id, (${measure("orders")})::bigint as orders, (${measure("units")})::bigint as units,
        (${measure("revenue")}) as revenue, (${measure("returns")})::bigint as returns,
        (${measure("cancellations")})::bigint as cancellations
      from product_sales_windows
      where org_id = ${period.orgId} and days = ${days}${scope}${only} and exists (select 1 from covered)`;
}

/** Any other period: sales_daily summed per product (of `products`, or all), when `covered` has no row. */
function summedTotals(period: SalesPeriod, products?: SQL): SQL {
  const only = products ? sql` and sd.product_id in (${products})` : sql``;
  // offset 0 keeps the one-time filter above the sum, so that a parallel plan's workers never start for it.
  return sql`select * from (
        select sd.product_id, sum(sd.orders) as orders, sum(sd.units) as units, sum(sd.revenue) as revenue,
          sum(sd.returns) as returns, sum(sd.cancellations) as cancellations
        from sales_daily sd where ${periodFilter(period)}${only} group by sd.product_id offset 0
      ) summed where not exists (select 1 from covered)`;
}

/**
 * Sales per product in the period (products with a sales_daily row in it), as CTE `totals`: from
 * product_sales_windows when the period is one of the organization's standard periods up to the day they end
 * on, else summed from sales_daily. One statement either way: the branch not taken is skipped by its one-time
 * filter.
 */
export function productTotals(period: SalesPeriod): SQL {
  return sql`${coveredPeriod(period)},
    totals as (${windowTotals(period)} union all ${summedTotals(period)})`;
}

const PRODUCT_TOTALS = sql`t.revenue::float8 as revenue, t.orders::int as orders, t.units::int as units,
  t.returns::int as returns, t.cancellations::int as cancellations`;

/**
 * Products by revenue in the period (then units, then article), the first `limit` or all. Each branch sorts and
 * limits on its own, so the standard periods' branch walks the revenue index of product_sales_windows to its
 * Top-N (then orders the ties) instead of sorting every product.
 */
export async function revenueByProduct(
  db: Database,
  period: SalesPeriod,
  limit: number | null,
): Promise<
  Array<SalesTotals & { product_id: number; article: string; name: string; category: string | null }>
> {
  const top = (totals: SQL) => sql`(select t.product_id, p.article, p.name, p.category, ${PRODUCT_TOTALS}
      from (${totals}) t join products p on p.id = t.product_id and p.org_id = ${period.orgId}
      order by t.revenue desc nulls last, t.units desc, p.article
      ${limit === null ? sql`` : sql`limit ${limit}`})`;
  const result = await db.execute(sql`with ${coveredPeriod(period)}
    select * from (${top(windowTotals(period))} union all ${top(summedTotals(period))}) listed
    order by revenue desc, units desc, article`);
  return result.rows as never;
}

/**
 * Revenue per category: a standard period reads category_sales_windows (a row a category), any other sums its
 * products' sales_daily rows. Same answer either way (test/unit/cron/sales-windows.test.ts).
 */
export async function revenueByCategory(
  db: Database,
  period: SalesPeriod,
): Promise<Array<SalesTotals & { category: string | null; products: number }>> {
  const days = sql`(${period.to}::date - ${period.from}::date + 1)`;
  const measure = (name: string) =>
    sql.raw(period.marketplace ? `${period.marketplace}_${name}` : `ozon_${name} + wb_${name}`);
  const products = sql.raw(period.marketplace ? `${period.marketplace}_products` : "products");
  const result = await db.execute(sql`with ${coveredPeriod(period)}
    select c.category, c.${products} as products, (${measure("revenue")})::float8 as revenue,
      (${measure("orders")})::int as orders, (${measure("units")})::int as units,
      (${measure("returns")})::int as returns, (${measure("cancellations")})::int as cancellations
    from category_sales_windows c
    where c.org_id = ${period.orgId} and c.days = ${days} and c.${products} > 0 and exists (select 1 from covered)
    union all
    select p.category, count(*)::int as products, ${TOTALS}
    from (${summedTotals(period)}) sd join products p on p.id = sd.product_id and p.org_id = ${period.orgId}
    group by p.category
    order by revenue desc`);
  return result.rows as never;
}

export async function revenueByRegion(
  db: Database,
  period: SalesPeriod,
): Promise<Array<SalesTotals & { region: string }>> {
  const result = await db.execute(sql`select sd.region, ${TOTALS}
    from sales_day_totals sd where ${periodFilter(period)} group by sd.region order by revenue desc, sd.region`);
  return result.rows as never;
}

/**
 * The `limit` products soonest out of stock (product_summary: cover = available ÷ velocity, walked by its index),
 * with their units sold in the period and their average daily stock over the days the period has snapshots of
 * (sum ÷ days, per marketplace when one is asked), from product_stock_days: a row a day of the listed products.
 */
export async function turnoverRows(
  db: Database,
  period: SalesPeriod,
  limit: number,
): Promise<
  Array<{
    product_id: number;
    article: string;
    name: string;
    units: number;
    average_stock: number | null;
    available: number;
    in_transit: number;
    velocity: number;
  }>
> {
  const [stock, stocked] = period.marketplace
    ? [sql.raw(`${period.marketplace}_available`), sql.raw(`${period.marketplace}_cells > 0`)]
    : [sql.raw("ozon_available + wb_available"), sql.raw("ozon_cells + wb_cells > 0")];
  // The cover expression is product_summary_org_cover_idx's: the first rows walk it, then order their ties.
  const cover = sql`case when ps.velocity > 0 then ps.available / ps.velocity end`;
  const result = await db.execute(sql`with listed as (
      select first.*, row_number() over (order by first.cover asc nulls last, first.article) as position
      from (
        select ps.product_id, p.article, p.name, ps.available, ps.in_transit, ps.velocity, ${cover} as cover
        from product_summary ps join products p on p.id = ps.product_id
        where ps.org_id = ${period.orgId}
        order by ${cover} asc nulls last, p.article
        limit ${limit}
      ) first
    ),
    ${coveredPeriod(period)},
    -- Units of the listed products only (the product filter inside each branch: a row or a sum per product).
    sold as (
      select product_id, units::int as units from (
        ${windowTotals(period, sql`select product_id from listed`)}
        union all ${summedTotals(period, sql`select product_id from listed`)}
      ) t
    ),
    daily as (
      select product_id, (sum(${stock}) filter (where ${stocked}))::float8
          / nullif(count(*) filter (where ${stocked}), 0) as average_stock
      from product_stock_days
      where org_id = ${period.orgId} and product_id in (select product_id from listed)
        and day between ${period.from}::date and ${period.to}::date
      group by product_id
    )
    select l.product_id, l.article, l.name, coalesce(sold.units, 0) as units, daily.average_stock,
      l.available, l.in_transit, l.velocity
    from listed l
    left join sold on sold.product_id = l.product_id
    left join daily on daily.product_id = l.product_id
    order by l.position`);
  return result.rows as never;
}

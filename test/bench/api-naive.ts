// The benchmark's baseline: the same answers computed naively from raw rows on every request (inventory,
// sales and stock snapshots, no read models), as the replaced system did, with the same filters as the route.
export interface NaiveContext {
  orgId: string;
  warehouseId: number;
  productId: number;
  /** YYYY-MM-DD: the last day of every period. */
  today: string;
}

interface StockFilter {
  marketplace?: "ozon" | "wb";
  warehouseId?: number;
  category?: string;
  search?: string;
}

interface PeriodFilter {
  from?: string;
  marketplace?: "ozon" | "wb";
  grain?: "day" | "week" | "month";
}

interface SupplyFilter {
  marketplace?: "ozon" | "wb";
  warehouseId?: number;
  cluster?: string;
  search?: string;
  /** Every line, not only those to ship. */
  all?: boolean;
  /** The export: every line, no page. */
  csv?: boolean;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function period(c: NaiveContext, p: PeriodFilter): string {
  const from = p.from ? `${quote(p.from)}::date` : `${quote(c.today)}::date - 29`;
  const marketplace = p.marketplace ? ` and marketplace = ${quote(p.marketplace)}` : "";
  return `org_id = ${quote(c.orgId)} and day between ${from} and ${quote(c.today)}::date${marketplace}`;
}

/** Stock per product in scope, velocity from the last 30 days of orders, the status by units. */
function stock(c: NaiveContext, f: StockFilter): string {
  const scope = [`org_id = ${quote(c.orgId)}`];
  if (f.marketplace) scope.push(`marketplace = ${quote(f.marketplace)}`);
  if (f.warehouseId !== undefined) scope.push(`warehouse_id = ${f.warehouseId}`);
  const products = [`p.org_id = ${quote(c.orgId)}`];
  if (f.category) products.push(`p.category = ${quote(f.category)}`);
  if (f.search)
    products.push(`(p.article ilike ${quote(`%${f.search}%`)} or p.name ilike ${quote(`%${f.search}%`)})`);
  return `with stock as (select product_id, sum(available) as available, sum(reserved) as reserved,
        sum(in_transit) as in_transit, count(distinct warehouse_id) as warehouses
      from inventory where ${scope.join(" and ")} group by product_id),
    sold as (select product_id, sum(quantity) / 30.0 as velocity from sales
      where org_id = ${quote(c.orgId)} and kind = 'order' and day > current_date - 30 group by product_id),
    classified as (select p.id, p.article, p.name, p.category, s.available, s.reserved, s.in_transit, s.warehouses,
        coalesce(v.velocity, 0) as velocity,
        case when s.available <= 5 then 'critical' when s.available <= 20 then 'low'
          when s.available > 100 then 'overstock' else 'normal' end as status
      from stock s join products p on p.id = s.product_id left join sold v on v.product_id = s.product_id
      where ${products.join(" and ")})`;
}

export const naive = {
  stock,
  dashboard: (c: NaiveContext, f: StockFilter) => `${stock(c, f)},
    ranked as (select *, row_number() over (partition by status order by available) as rank,
      count(*) over (partition by status) as n from classified)
    select * from ranked where rank <= 10`,
  /** `limit` null: every row (the CSV export). */
  inventory: (c: NaiveContext, f: StockFilter, status?: string, limit: number | null = 50) => `${stock(c, f)}
    select *, count(*) over () as total from classified ${status ? `where status = ${quote(status)}` : ""}
    order by available, article ${limit === null ? "" : `limit ${limit}`}`,
  /** Per product × destination (a cluster, or a warehouse outside any): the stock and the last 30 days' orders of
   * its warehouses, the lines at or below the reorder point (unless `all`), by marketplace, destination, article. */
  supplyPlan: (c: NaiveContext, f: SupplyFilter) => {
    const lines = [`p.org_id = ${quote(c.orgId)}`];
    if (f.marketplace) lines.push(`w.marketplace = ${quote(f.marketplace)}`);
    if (f.cluster) lines.push(`w.cluster = ${quote(f.cluster)}`);
    if (f.warehouseId !== undefined)
      lines.push(`coalesce(w.cluster, w.name) = (select coalesce(cluster, name) from warehouses
        where id = ${f.warehouseId})`);
    if (f.search)
      lines.push(`(p.article ilike ${quote(`%${f.search}%`)} or p.name ilike ${quote(`%${f.search}%`)})`);
    return `with stock as (select product_id, warehouse_id, sum(available) as available, sum(in_transit) as in_transit
        from inventory where org_id = ${quote(c.orgId)} group by product_id, warehouse_id),
      sold as (select product_id, warehouse_id, sum(quantity) / 30.0 as velocity from sales
        where org_id = ${quote(c.orgId)} and kind = 'order' and day > current_date - 30 group by product_id, warehouse_id),
      cells as (select coalesce(s.product_id, v.product_id) as product_id, coalesce(s.warehouse_id, v.warehouse_id)
          as warehouse_id, coalesce(s.available, 0) as available, coalesce(s.in_transit, 0) as in_transit,
          coalesce(v.velocity, 0) as velocity
        from stock s full join sold v on v.product_id = s.product_id and v.warehouse_id = s.warehouse_id),
      lines as (select p.id, p.article, p.name, w.marketplace, coalesce(w.cluster, w.name) as destination,
          array_agg(w.name order by w.name) as warehouses, sum(x.available) as available,
          sum(x.in_transit) as in_transit, sum(x.velocity) as velocity
        from cells x join warehouses w on w.id = x.warehouse_id join products p on p.id = x.product_id
        where ${lines.join(" and ")}
        group by p.id, p.article, p.name, w.marketplace, coalesce(w.cluster, w.name))
      select *, count(*) over () as total from lines
      ${f.all ? "" : "where available + in_transit <= ceil(velocity * 14) + ceil(velocity * 7)"}
      order by marketplace, destination, article ${f.csv ? "" : "limit 50"}`;
  },
  recommendations: (c: NaiveContext, f: StockFilter) => `${stock(c, f)}
    select * from classified where available + in_transit <= ceil(velocity * 14) + ceil(velocity * 7)
    order by case when velocity > 0 then available / velocity end nulls last limit 50`,
  warehouseRecommendations: (c: NaiveContext, f: StockFilter) => {
    const warehouse = f.warehouseId === undefined ? "" : ` and warehouse_id = ${f.warehouseId}`;
    const search = f.search
      ? ` and (p.article ilike ${quote(`%${f.search}%`)} or p.name ilike ${quote(`%${f.search}%`)})`
      : "";
    return `with stock as (select product_id, warehouse_id, sum(available) as available, sum(in_transit) as in_transit
        from inventory where org_id = ${quote(c.orgId)}${warehouse} group by product_id, warehouse_id),
      sold as (select product_id, warehouse_id, sum(quantity) / 30.0 as velocity from sales
        where org_id = ${quote(c.orgId)} and kind = 'order' and day > current_date - 30${warehouse}
        group by product_id, warehouse_id)
      select s.*, p.article, coalesce(v.velocity, 0) as velocity, count(*) over () as total
      from stock s join products p on p.id = s.product_id
      left join sold v on v.product_id = s.product_id and v.warehouse_id = s.warehouse_id
      where s.available + s.in_transit <= ceil(coalesce(v.velocity, 0) * 21)${search}
      order by case when v.velocity > 0 then s.available / v.velocity end nulls last limit 50`;
  },
  kpis: (c: NaiveContext, p: PeriodFilter) => {
    const days = p.from ? 90 : 30;
    const previous = `org_id = ${quote(c.orgId)} and day between ${quote(c.today)}::date - ${2 * days - 1}
      and ${quote(c.today)}::date - ${days}${p.marketplace ? ` and marketplace = ${quote(p.marketplace)}` : ""}`;
    return `select sum(revenue), count(*), sum(quantity) from sales where ${period(c, p)} and kind = 'order'
      union all select sum(revenue), count(*), sum(quantity) from sales where ${previous} and kind = 'order'`;
  },
  trend: (c: NaiveContext, p: PeriodFilter) => `select date_trunc('${p.grain ?? "day"}', day) as period,
      sum(revenue), count(*), sum(quantity) from sales where ${period(c, p)} group by 1 order by 1`,
  topProducts: (
    c: NaiveContext,
    p: PeriodFilter,
  ) => `select s.product_id, p.article, sum(s.revenue) as revenue,
      sum(s.quantity) as units from sales s join products p on p.id = s.product_id
      where ${period(c, p).replace(/\b(org_id|day|marketplace)\b/g, "s.$1")}
      group by s.product_id, p.article order by revenue desc limit 10`,
  categories: (c: NaiveContext, p: PeriodFilter) => `select p.category, count(distinct s.product_id),
      sum(s.revenue) as revenue from sales s join products p on p.id = s.product_id
      where ${period(c, p).replace(/\b(org_id|day|marketplace)\b/g, "s.$1")}
      group by p.category order by revenue desc`,
  regions: (c: NaiveContext, p: PeriodFilter) => `select region, sum(revenue) as revenue, count(*) from sales
      where ${period(c, p)} group by region order by revenue desc`,
  abc: (c: NaiveContext, p: PeriodFilter) => `select s.product_id, p.article, sum(s.revenue) as revenue
      from sales s join products p on p.id = s.product_id
      where ${period(c, p).replace(/\b(org_id|day|marketplace)\b/g, "s.$1")}
      group by s.product_id, p.article order by revenue desc`,
  turnover: (c: NaiveContext, p: PeriodFilter) => `with sold as (select product_id, sum(quantity) as units
        from sales where ${period(c, p)} group by product_id),
      stocked as (select product_id, avg(available) as average_stock from inventory_daily
        where ${period(c, { ...p, marketplace: undefined })} group by product_id),
      current as (select product_id, sum(available) as available from inventory
        where org_id = ${quote(c.orgId)} group by product_id),
      recent as (select product_id, sum(quantity) / 30.0 as velocity from sales
        where org_id = ${quote(c.orgId)} and kind = 'order' and day > current_date - 30 group by product_id)
      select p.id, p.article, sold.units, stocked.average_stock, current.available, recent.velocity
      from products p join current on current.product_id = p.id
      left join sold on sold.product_id = p.id left join stocked on stocked.product_id = p.id
      left join recent on recent.product_id = p.id
      where p.org_id = ${quote(c.orgId)}
      order by case when recent.velocity > 0 then current.available / recent.velocity end nulls last limit 50`,
  // What the product page shows, from raw rows: the product, its stock lines and listings, 90 days of stock
  // (summed per day) and of sales, the last 100 stock changes, the 28 days of orders and stock per warehouse that
  // lost sales read, and its velocity from the last 30 days of orders.
  product: (c: NaiveContext) => {
    const of = (alias = "") => `${alias}org_id = ${quote(c.orgId)} and ${alias}product_id = ${c.productId}`;
    return `select (select row_to_json(p) from products p where p.id = ${c.productId}) as product,
      (select json_agg(i) from (select i.*, w.name from inventory i join warehouses w on w.id = i.warehouse_id
        where ${of("i.")} order by i.available desc) i) as stock,
      (select json_agg(l) from listings l where ${of("l.")}) as listings,
      (select json_agg(d) from (select day, sum(available), sum(reserved), sum(in_transit) from inventory_daily
        where ${of()} and day >= current_date - 90 group by day order by day) d) as stock_history,
      (select json_agg(a) from (select * from inventory_audit where ${of()} order by changed_at desc limit 100) a)
        as audit,
      (select json_agg(d) from (select day, count(*) filter (where kind = 'order') as orders,
          sum(quantity) filter (where kind = 'order') as units, sum(revenue) filter (where kind = 'order') as revenue,
          sum(quantity) filter (where kind = 'return') as returns
        from sales where ${of()} and day >= current_date - 90 group by day order by day) d) as sales_history,
      (select json_agg(d) from (select warehouse_id, day, sum(quantity) from sales
        where ${of()} and kind = 'order' and day >= current_date - 28 group by 1, 2) d) as lost_orders,
      (select json_agg(d) from (select warehouse_id, day, sum(available) from inventory_daily
        where ${of()} and day >= current_date - 29 group by 1, 2) d) as lost_stock,
      (select sum(quantity) / 30.0 from sales where ${of()} and kind = 'order' and day > current_date - 30)
        as velocity`;
  },
  warehouses: (c: NaiveContext) => `select w.*, (select count(*) from inventory i where i.warehouse_id = w.id)
      from warehouses w where w.org_id = ${quote(c.orgId)} order by w.name`,
};

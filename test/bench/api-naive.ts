// The benchmark's baseline: the same answers computed naively from raw rows on every request
// (inventory and sales, no read models), as the replaced system did.
export function naiveQueries(orgId: string): Record<string, string> {
  return {
    dashboard: `with stock as (select product_id, sum(available) as available from inventory where org_id = '${orgId}' group by product_id),
      sold as (select product_id, sum(quantity) / 30.0 as velocity from sales where org_id = '${orgId}' and day > current_date - 30 group by product_id),
      classified as (select p.id, p.article, s.available, coalesce(v.velocity, 0) as velocity,
          case when s.available <= 5 then 'critical' when s.available <= 20 then 'low' when s.available > 100 then 'overstock' else 'normal' end as status
        from stock s join products p on p.id = s.product_id left join sold v on v.product_id = s.product_id),
      ranked as (select *, row_number() over (partition by status order by available) as rank, count(*) over (partition by status) as n from classified)
      select * from ranked where rank <= 10`,
    inventory: `with stock as (select product_id, sum(available) as available, sum(reserved) as reserved from inventory where org_id = '${orgId}' group by product_id),
      sold as (select product_id, sum(quantity) / 30.0 as velocity from sales where org_id = '${orgId}' and day > current_date - 30 group by product_id)
      select p.id, p.article, s.available, coalesce(v.velocity, 0) as velocity, count(*) over () as total
      from stock s join products p on p.id = s.product_id left join sold v on v.product_id = s.product_id
      order by s.available asc, p.article limit 50`,
    analytics: `select sum(revenue), count(*), sum(quantity) from sales where org_id = '${orgId}' and day > current_date - 30
      union all select sum(revenue), count(*), sum(quantity) from sales where org_id = '${orgId}' and day between current_date - 60 and current_date - 30`,
    recommendations: `with stock as (select product_id, sum(available) as available, sum(in_transit) as in_transit from inventory where org_id = '${orgId}' group by product_id),
      sold as (select product_id, sum(quantity) / 30.0 as velocity from sales where org_id = '${orgId}' and day > current_date - 30 group by product_id)
      select s.product_id, s.available, v.velocity from stock s join sold v on v.product_id = s.product_id
      where s.available + s.in_transit <= ceil(v.velocity * 14) + ceil(v.velocity * 7)
      order by s.available / v.velocity limit 50`,
  };
}

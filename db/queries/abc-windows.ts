// Keeps product_abc_windows and abc_class_windows equal to the ABC classes (domain/abc-sql.ts) of every standard
// period's per-product rows (product_sales_windows), for both marketplaces and each one: written again after those
// rows in the same transaction (finalize, an account's deletion, a rebuild), so the ABC route reads a page of
// ranks by key for a standard period. Rows whose figures did not change are left untouched; finalize ranks only
// when the per-product rows changed (sales_windows.abc_stale).
import { type SQL, sql } from "drizzle-orm";
import { ABC_BOUNDS } from "../../domain/abc";
import { abcClassesSql } from "../../domain/abc-sql";

/** 'all' ranks both marketplaces' revenue together; a marketplace ranks the products it sold, by its revenue. */
export const ABC_SCOPES = ["all", "ozon", "wb"] as const;
export type AbcScope = (typeof ABC_SCOPES)[number];

/**
 * Each period's and scope's products ranked and classed: the same revenue (numeric summed, then float8) and the
 * same products (those the organization still has) as abc-analysis.ts ranks for one period per request.
 */
function ranked(orgId: string): SQL {
  return abcClassesSql(
    sql`select w.days, x.scope, w.product_id, x.revenue::float8 as revenue
      from product_sales_windows w join products p on p.id = w.product_id and p.org_id = ${orgId}
      cross join lateral (values ('all', coalesce(w.ozon_revenue, 0) + coalesce(w.wb_revenue, 0), true),
          ('ozon', w.ozon_revenue, w.ozon_orders is not null), ('wb', w.wb_revenue, w.wb_orders is not null))
        as x(scope, revenue, included)
      where w.org_id = ${orgId} and x.included`,
    ABC_BOUNDS,
    sql`s.days, s.scope`,
  );
}

/**
 * One statement: the ranks upserted where they changed and the positions no longer ranked deleted; the class
 * totals (products, revenue summed in rank order as the per-request query does, the total) the same way. With
 * `onlyIfStale`, nothing is ranked (nor deleted) unless a period of the organization is marked abc_stale: its
 * per-product rows changed since the last ranking (sales-windows.ts marks them).
 */
function syncAbcRows(orgId: string, onlyIfStale: boolean): SQL {
  const go = onlyIfStale
    ? sql`(select exists (select 1 from sales_windows where org_id = ${orgId} and abc_stale))`
    : sql`true`;
  return sql`with ranked as materialized (select * from (${ranked(orgId)}) r where ${go}),
    ranks as (
      insert into product_abc_windows as t (org_id, days, scope, position, product_id, revenue, through, abc_class)
      select ${orgId}, days, scope, position::int, product_id, revenue, through, abc_class from ranked
      on conflict (org_id, days, scope, position) do update set product_id = excluded.product_id,
        revenue = excluded.revenue, through = excluded.through, abc_class = excluded.abc_class
      where (t.product_id, t.revenue, t.through, t.abc_class)
        is distinct from (excluded.product_id, excluded.revenue, excluded.through, excluded.abc_class)
      returning 1
    ),
    unranked as (
      delete from product_abc_windows t where t.org_id = ${orgId} and ${go}
        and not exists (select 1 from ranked r where r.days = t.days and r.scope = t.scope and r.position = t.position)
      returning 1
    ),
    classes as (
      select days, scope, abc_class, count(*)::int as products, sum(counted order by position) as revenue, max(total) as total
      from ranked group by days, scope, abc_class
    ),
    kept as (
      insert into abc_class_windows as t (org_id, days, scope, abc_class, products, revenue, total)
      select ${orgId}, days, scope, abc_class, products, revenue, total from classes
      on conflict (org_id, days, scope, abc_class) do update set products = excluded.products,
        revenue = excluded.revenue, total = excluded.total
      where (t.products, t.revenue, t.total) is distinct from (excluded.products, excluded.revenue, excluded.total)
      returning 1
    )
    delete from abc_class_windows t where t.org_id = ${orgId} and ${go}
      and not exists (select 1 from classes c where c.days = t.days and c.scope = t.scope
        and c.abc_class = t.abc_class)`;
}

/**
 * After the per-product periods are written (db/queries/sales-windows.ts): every period and scope again, or with
 * `onlyIfStale` (finalize) only when those rows changed since the last ranking (~1.3 s at 10,000 products saved
 * on a run that changed no sales); then the periods are marked ranked.
 */
export function refreshAbcWindows(orgId: string, options: { onlyIfStale?: boolean } = {}): SQL[] {
  return [
    syncAbcRows(orgId, options.onlyIfStale === true),
    sql`update sales_windows set abc_stale = false where org_id = ${orgId} and abc_stale`,
  ];
}

// ABC classes by revenue in the database (domain/abc-sql.ts over the period's sales per product): the totals of
// each class over every product, and one page of the ranked products, optionally of one class. One statement, so
// the Worker receives a page, not every product the period sold. A standard period (sales_windows) whose ranks
// finalize stored (abc-windows.ts: class totals found) reads them: one page of positions by key, a class being a
// range of them; any other period (or one not ranked yet, e.g. before the first finalize after migration 0033)
// ranks its products per request. The branch not taken is skipped by its one-time filter.
import { type SQL, sql } from "drizzle-orm";
import type { AbcClass } from "../../domain/abc";
import { abcClassesSql } from "../../domain/abc-sql";
import type { Database } from "../client";
import { productTotals, type SalesPeriod, windowTotals } from "./sales-analytics";

export interface AbcPageInput {
  abcClass?: AbcClass | undefined;
  page: number;
  pageSize: number;
}

export interface AbcClassTotal {
  abc_class: AbcClass;
  products: number;
  /** Revenue of the class's products (negative counted as 0), float8. */
  revenue: number;
}

export interface AbcPageRow {
  product_id: number;
  article: string;
  name: string;
  category: string | null;
  position: number;
  revenue: number;
  orders: number;
  units: number;
  returns: number;
  cancellations: number;
  counted: number;
  through: number;
  total: number;
  abc_class: AbcClass;
}

export interface AbcPage {
  classes: AbcClassTotal[];
  /** Revenue of every product (negative counted as 0). */
  revenue: number;
  /** Products of the asked class (or all). */
  matching: number;
  items: AbcPageRow[];
}

/** The answer's four columns from the stored ranks (CTEs `kept_classes`, `kept_range`, `kept_items`). */
function storedAnswer(period: SalesPeriod, input: AbcPageInput): SQL {
  const days = sql`(${period.to}::date - ${period.from}::date + 1)`;
  const key = (alias: string) => {
    const table = sql.raw(alias);
    return sql`${table}.org_id = ${period.orgId} and ${table}.days = ${days}
      and ${table}.scope = ${period.marketplace ?? "all"}`;
  };
  const [earlier, within] =
    input.abcClass === undefined
      ? [sql`false`, sql`true`]
      : [sql`abc_class < ${input.abcClass}`, sql`abc_class = ${input.abcClass}`];
  const offset = (input.page - 1) * input.pageSize;
  return sql`kept_classes as (
      select abc_class, products, revenue, total from abc_class_windows k
      where ${key("k")} and exists (select 1 from covered)
    ),
    -- Classes follow the rank: the asked class is the positions after the earlier classes' products.
    kept_range as (
      select coalesce(sum(products) filter (where ${earlier}), 0)::int as skipped,
        coalesce(sum(products) filter (where ${within}), 0)::int as matching
      from kept_classes
    ),
    kept_page as (
      select a.position, a.product_id, a.revenue, a.through, a.abc_class
      from kept_range r join product_abc_windows a on ${key("a")}
        and a.position > r.skipped + ${offset}::bigint
        and a.position <= r.skipped + least(${offset + input.pageSize}::bigint, r.matching)
    ),
    kept_items as (
      select g.*, t.orders, t.units, t.returns, t.cancellations, p.article, p.name, p.category
      from kept_page g
      join (${windowTotals(period, sql`select product_id from kept_page`)}) t on t.product_id = g.product_id
      join products p on p.id = g.product_id and p.org_id = ${period.orgId}
    )`;
}

export async function abcPage(db: Database, period: SalesPeriod, input: AbcPageInput): Promise<AbcPage> {
  const only = input.abcClass === undefined ? sql`true` : sql`c.abc_class = ${input.abcClass}`;
  const item = (total: SQL) => sql`json_build_object('product_id', g.product_id, 'article', g.article,
    'name', g.name, 'category', g.category, 'position', g.position, 'revenue', g.revenue, 'orders', g.orders::int,
    'units', g.units::int, 'returns', g.returns::int, 'cancellations', g.cancellations::int,
    'counted', greatest(g.revenue, 0::float8), 'through', g.through, 'total', ${total}, 'abc_class', g.abc_class)`;
  const classTotals = (source: SQL) => sql`(select coalesce(json_agg(json_build_object('abc_class', abc_class,
    'products', products, 'revenue', revenue) order by abc_class), '[]'::json) from ${source} k)`;
  const result = await db.execute(sql`with ${productTotals(period)},
    ${storedAnswer(period, input)},
    -- Products the organization still has, as the list always joined them before classifying.
    classed as materialized (${abcClassesSql(sql`select t.product_id, t.revenue::float8 as revenue, t.orders,
      t.units, t.returns, t.cancellations, p.article, p.name, p.category
      from totals t join products p on p.id = t.product_id and p.org_id = ${period.orgId}
      where not exists (select 1 from kept_classes)`)}),
    page as (
      select c.* from classed c where ${only} order by c.position
      offset ${(input.page - 1) * input.pageSize} limit ${input.pageSize}
    )
    select
      ${classTotals(sql`(select abc_class, count(*)::int as products, sum(counted order by position) as revenue
        from classed group by abc_class)`)} as classes,
      (select coalesce(max(total), 0) from classed) as revenue,
      (select count(*)::int from classed c where ${only}) as matching,
      (select coalesce(json_agg(${item(sql`g.total`)} order by g.position), '[]'::json) from page g) as items
    where not exists (select 1 from kept_classes)
    union all
    select ${classTotals(sql`kept_classes`)} as classes,
      (select coalesce(max(total), 0) from kept_classes) as revenue,
      (select matching from kept_range) as matching,
      (select coalesce(json_agg(${item(sql`(select max(total) from kept_classes)`)} order by g.position), '[]'::json)
        from kept_items g) as items
    where exists (select 1 from kept_classes)`);
  const row = result.rows[0] as unknown as AbcPage;
  return { ...row, revenue: Number(row.revenue) };
}

// ABC classes by revenue in the database (domain/abc-sql.ts over the period's sales per product): the totals of
// each class over every product, and one page of the ranked products, optionally of one class. One statement, so
// the Worker receives a page, not every product the period sold.
import { sql } from "drizzle-orm";
import type { AbcClass } from "../../domain/abc";
import { abcClassesSql } from "../../domain/abc-sql";
import type { Database } from "../client";
import { productTotals, type SalesPeriod } from "./sales-analytics";

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

export async function abcPage(db: Database, period: SalesPeriod, input: AbcPageInput): Promise<AbcPage> {
  const only = input.abcClass === undefined ? sql`true` : sql`c.abc_class = ${input.abcClass}`;
  const result = await db.execute(sql`with ${productTotals(period)},
    -- Products the organization still has, as the list always joined them before classifying.
    classed as materialized (${abcClassesSql(sql`select t.product_id, t.revenue::float8 as revenue, t.orders,
      t.units, t.returns, t.cancellations, p.article, p.name, p.category
      from totals t join products p on p.id = t.product_id and p.org_id = ${period.orgId}`)}),
    page as (
      select c.* from classed c where ${only} order by c.position
      offset ${(input.page - 1) * input.pageSize} limit ${input.pageSize}
    )
    select
      (select coalesce(json_agg(json_build_object('abc_class', abc_class, 'products', products, 'revenue', revenue)
        order by abc_class), '[]'::json)
        from (select abc_class, count(*)::int as products, sum(counted) as revenue from classed group by abc_class) k
      ) as classes,
      (select coalesce(max(total), 0) from classed) as revenue,
      (select count(*)::int from classed c where ${only}) as matching,
      (select coalesce(json_agg(json_build_object('product_id', g.product_id, 'article', g.article, 'name', g.name,
          'category', g.category, 'position', g.position, 'revenue', g.revenue, 'orders', g.orders::int,
          'units', g.units::int, 'returns', g.returns::int, 'cancellations', g.cancellations::int,
          'counted', g.counted, 'through', g.through, 'total', g.total, 'abc_class', g.abc_class)
        order by g.position), '[]'::json)
        from page g) as items`);
  const row = result.rows[0] as unknown as AbcPage;
  return { ...row, revenue: Number(row.revenue) };
}

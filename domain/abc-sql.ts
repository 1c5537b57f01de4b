// The ABC rule of abc.ts for the database: the products ranked by revenue (highest first, ties by product id),
// the revenue before each, through it and in all, summed in float8 in that order (PostgreSQL's running window
// sum adds row after row, as JavaScript's loop does), and the class from the same comparisons with the same
// bounds. So a class filtered or counted in SQL is the class classifyAbc gives for the same figures.
import { type SQL, sql } from "drizzle-orm";
import { ABC_BOUNDS, type AbcBounds } from "./abc";

/**
 * `source`: a query of rows with `product_id` and `revenue` (float8). Answers them with `position` (1 = most
 * revenue), `counted` (revenue, negative as 0), `before`, `through` and `total` (float8), and `abc_class`.
 * `partition` (columns of `source` as `s.…`): rank each group of rows on its own (e.g. per period and scope).
 */
export function abcClassesSql(source: SQL, bounds: AbcBounds = ABC_BOUNDS, partition?: SQL): SQL {
  const counted = sql`greatest(s.revenue, 0::float8)`;
  return sql`select r.*,
      case when r.total > 0 and r.before / r.total < ${bounds.a}::float8 then 'A'
        when r.total > 0 and r.before / r.total < ${bounds.b}::float8 then 'B' else 'C' end as abc_class
    from (
      select s.*, ${counted} as counted, row_number() over w as position,
        coalesce(sum(${counted}) over (w rows between unbounded preceding and 1 preceding), 0::float8) as before,
        sum(${counted}) over (w rows between unbounded preceding and current row) as through,
        sum(${counted}) over (w rows between unbounded preceding and unbounded following) as total
      from (${source}) s
      window w as (${partition ? sql`partition by ${partition} ` : sql``}order by s.revenue desc, s.product_id)
    ) r`;
}

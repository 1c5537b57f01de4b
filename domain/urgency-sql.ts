// The recommendations' "most urgent first", the one definition every list of reorder lines is ordered by (per product,
// per product × warehouse, the digest's "to order today"): fewest days of cover first (available ÷ velocity; a line
// that sells nothing has none and comes last), then the fastest sellers; then the line's article, warehouse and
// marketplace, so that a product's lines in several warehouses keep one order and pages never share or skip a line.
import { type SQL, sql } from "drizzle-orm";

/** A reorder line's columns as the order reads them. */
export interface UrgencyColumns {
  available: SQL;
  velocity: SQL;
  article: SQL;
  /** null on a per-product line. */
  warehouseId: SQL;
  /** Text (an enum is compared as its text); null on a per-product line. */
  marketplace: SQL;
}

/** The order's numbers only (cover, velocity): lines cut on them with their ties hold every line of a page. */
export function urgencyNumbersSql({
  available,
  velocity,
}: Pick<UrgencyColumns, "available" | "velocity">): SQL {
  return sql`case when ${velocity} > 0 then ${available} / ${velocity} end asc nulls last, ${velocity} desc`;
}

/** `order by`, most urgent first: the numbers, then article, warehouse and marketplace (a total order). */
export function urgencyOrderSql(columns: UrgencyColumns): SQL {
  return sql`order by ${urgencyNumbersSql(columns)}, ${columns.article}, ${columns.warehouseId}, ${columns.marketplace}`;
}

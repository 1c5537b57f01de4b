// The database's "order now" test, the same arithmetic as replenishment.ts' reorderDue, so that a status
// computed in SQL can refuse "overstock" to a product the recommendations tell to reorder.
import { type SQL, sql } from "drizzle-orm";

export interface StockColumns {
  available: SQL;
  inTransit: SQL;
  velocity: SQL;
}

/** velocity > 0 and available + in transit ≤ ⌈velocity × lead time⌉ + ⌈velocity × safety days⌉ (never null). */
export function reorderDueSql(
  stock: StockColumns,
  settings: { leadTimeDays: number; safetyStockDays: number },
): SQL {
  return sql`(coalesce(${stock.velocity}, 0) > 0 and ${stock.available} + ${stock.inTransit} <=
    ceil(${stock.velocity} * ${settings.leadTimeDays}::float8) + ceil(${stock.velocity} * ${settings.safetyStockDays}::float8))`;
}

/**
 * A bound every line due for reorder meets, for an index to range over: ⌈x⌉ < x + 1, so the test implies
 * (available + in transit − 2) ÷ velocity < lead + safety days; one day more absorbs floating point. Lines it
 * lets through still need reorderDueSql. Written as product_warehouse_summary_reorder_idx's key (migration 0036).
 */
export function reorderCandidateSql(
  stock: StockColumns,
  settings: { leadTimeDays: number; safetyStockDays: number },
): SQL {
  return sql`(${stock.velocity} > 0 and ((${stock.available} + ${stock.inTransit} - 2)::float8 / ${stock.velocity})
    < ${settings.leadTimeDays + settings.safetyStockDays + 1}::float8)`;
}

/**
 * reorderNumbers' suggested quantity: when the reorder is due, ⌈velocity × target days⌉ + ⌈velocity × safety
 * days⌉ − (available + in transit), at least 0; otherwise 0 (an int, never null).
 */
export function suggestedQuantitySql(
  stock: StockColumns,
  settings: { leadTimeDays: number; safetyStockDays: number; targetCoverDays: number },
): SQL {
  const v = sql`greatest(coalesce(${stock.velocity}, 0), 0)::float8`;
  return sql`(case when ${reorderDueSql(stock, settings)} then greatest(0,
      ceil(${v} * ${settings.targetCoverDays}::float8) + ceil(${v} * ${settings.safetyStockDays}::float8)
      - (${stock.available} + ${stock.inTransit}))::int else 0 end)`;
}

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

// The stock status rule of stock-status.ts for the database: one condition per status (they exclude each
// other, so a filter, a count and a CASE agree) and the CASE built from them. Same thresholds, same
// comparisons in float8 as in JavaScript, so a status filtered in SQL is the status the API prints.
import { type SQL, sql } from "drizzle-orm";
import { reorderDueSql, type StockColumns } from "./replenishment-sql";
import { STOCK_STATUSES, type StatusRules, type StockStatus } from "./stock-status";

export type { StockColumns } from "./replenishment-sql";

interface BandPredicates {
  critical: SQL;
  low: SQL;
  overstock: SQL;
}

/** The tests of stockBand, each meant to be read after the ones before it failed. */
function bandPredicates(stock: StockColumns, rules: StatusRules): BandPredicates {
  const { available } = stock;
  if (rules.statusBasis === "units") {
    return {
      critical: sql`${available} <= ${rules.criticalMax}::int`,
      low: sql`${available} <= ${rules.lowMax}::int`,
      overstock: sql`${available} > ${rules.overstockMin}::int`,
    };
  }
  const v = sql`coalesce(${stock.velocity}, 0)`;
  const days = (n: number) => sql`${n}::float8`;
  return {
    critical: sql`(${available} <= 0 or (${v} > 0 and ${available} < ${v} * ${days(rules.leadTimeDays)}))`,
    low: sql`(${v} > 0 and ${available} < ${v} * ${days(rules.leadTimeDays + rules.safetyStockDays)})`,
    overstock: sql`(${v} = 0 or ${available} > ${v} * ${days(rules.coverCeilingDays)})`,
  };
}

/** True exactly for the products of `status` (stockStatus in SQL, as a WHERE or FILTER condition). */
export function stockStatusConditionSql(status: StockStatus, stock: StockColumns, rules: StatusRules): SQL {
  const p = bandPredicates(stock, rules);
  const due = reorderDueSql(stock, rules);
  switch (status) {
    case "critical":
      return sql`(${p.critical})`;
    case "low":
      return sql`(not ${p.critical} and ${p.low})`;
    case "overstock":
      return sql`(not ${p.critical} and not ${p.low} and ${p.overstock} and not ${due})`;
    case "normal":
      return sql`(not ${p.critical} and not ${p.low} and (not ${p.overstock} or ${due}))`;
  }
}

/** The status as text ('critical' | 'low' | 'normal' | 'overstock'). */
export function stockStatusSql(stock: StockColumns, rules: StatusRules): SQL {
  const branches = STOCK_STATUSES.map(
    (status) => sql`when ${stockStatusConditionSql(status, stock, rules)} then ${status}::text`,
  );
  return sql`(case ${sql.join(branches, sql` `)} end)`;
}

/** 0 critical, 1 low, 2 normal, 3 overstock: the inventory list's status sort. */
export function stockStatusRankSql(stock: StockColumns, rules: StatusRules): SQL {
  const branches = STOCK_STATUSES.map(
    (status, rank) => sql`when ${stockStatusConditionSql(status, stock, rules)} then ${rank}::int`,
  );
  return sql`(case ${sql.join(branches, sql` `)} end)`;
}

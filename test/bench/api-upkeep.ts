// What keeping sales_day_totals and product_sales_windows costs finalize, at the benchmark's size: inside one
// transaction that is rolled back, the time of finalize's sales_daily rebuild (the 120 days it redoes on every
// run) and then of the day totals' and the per-product periods' refreshes after it, as finalize runs them. The
// periods are moved to yesterday first, so their refresh rewrites every row as a day's first run does. The
// ratios bound the share each adds to finalize (which does more than the rebuild).
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { refreshSalesDaily } from "../../cron/load/finalize-run";
import { refreshSalesDayTotals } from "../../db/queries/sales-summaries";
import { rebuildSalesWindows, refreshSalesWindows } from "../../db/queries/sales-windows";

export interface UpkeepFigures {
  sales_daily_rebuild_ms: number;
  day_totals_refresh_ms: number;
  /** day totals / sales_daily rebuild. */
  ratio: number;
  sales_windows_refresh_ms: number;
  /** per-product periods / sales_daily rebuild. */
  windows_ratio: number;
}

export async function measureUpkeep(client: pg.Client, orgId: string): Promise<UpkeepFigures> {
  const dialect = new PgDialect();
  const run = async (statements: ReturnType<typeof refreshSalesDaily>) => {
    const started = performance.now();
    for (const statement of statements) {
      const query = dialect.sqlToQuery(statement);
      await client.query(query.sql, query.params as unknown[]);
    }
    return performance.now() - started;
  };
  await client.query("begin");
  try {
    const rebuild = await run(refreshSalesDaily({ orgId }));
    const totals = await run(refreshSalesDayTotals({ orgId }));
    // The worst case: the periods' rows are yesterday's (the day moved since the last finalize), so finalize
    // rewrites every row.
    await client.query("update sales_windows set ends_on = ends_on - 1 where org_id = $1", [orgId]);
    await run([rebuildSalesWindows(orgId)]);
    const windows = await run(refreshSalesWindows({ orgId }));
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      sales_daily_rebuild_ms: round(rebuild),
      day_totals_refresh_ms: round(totals),
      ratio: Math.round((totals / rebuild) * 1000) / 1000,
      sales_windows_refresh_ms: round(windows),
      windows_ratio: Math.round((windows / rebuild) * 1000) / 1000,
    };
  } finally {
    await client.query("rollback");
  }
}

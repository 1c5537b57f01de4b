// What keeping sales_day_totals costs finalize, at the benchmark's size: inside one transaction that is rolled
// back, the time of finalize's sales_daily rebuild (the 120 days it redoes on every run) and then of the day
// totals' refresh after it, as finalize runs them. The ratio bounds the share the totals add to finalize
// (which does more than the rebuild).
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { refreshSalesDaily } from "../../cron/load/finalize-run";
import { refreshSalesDayTotals } from "../../db/queries/sales-summaries";

export interface UpkeepFigures {
  sales_daily_rebuild_ms: number;
  day_totals_refresh_ms: number;
  /** day totals / sales_daily rebuild. */
  ratio: number;
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
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      sales_daily_rebuild_ms: round(rebuild),
      day_totals_refresh_ms: round(totals),
      ratio: Math.round((totals / rebuild) * 1000) / 1000,
    };
  } finally {
    await client.query("rollback");
  }
}

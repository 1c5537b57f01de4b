// What keeping the read models costs finalize, at the benchmark's size: inside one transaction that is rolled
// back, the time of finalize's sales_daily rebuild (the 120 days it redoes on every run), then of the day
// totals' refresh after it, then of the per-warehouse and per-marketplace stock refresh of every product (a
// day's first run refreshes them all; db/queries/stock-summaries.ts), as finalize runs them. Each ratio to the
// rebuild bounds the share that read model adds to finalize (which does more than the rebuild).
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { refreshSalesDaily } from "../../cron/load/finalize-run";
import { refreshSalesDayTotals } from "../../db/queries/sales-summaries";
import { rebuildStockSummaries } from "../../db/queries/stock-summaries";

export interface UpkeepFigures {
  sales_daily_rebuild_ms: number;
  day_totals_refresh_ms: number;
  /** day totals / sales_daily rebuild. */
  ratio: number;
  /** product_warehouse_summary (with each warehouse's forecast) and product_marketplace_stock, every product. */
  stock_summaries_refresh_ms: number;
  /** stock summaries / sales_daily rebuild. */
  stock_ratio: number;
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
    // The seed wrote these tables already: empty them first, so the refresh writes every row as a first run does.
    await client.query("delete from product_warehouse_summary; delete from product_marketplace_stock");
    const stock = await run(rebuildStockSummaries(orgId));
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      sales_daily_rebuild_ms: round(rebuild),
      day_totals_refresh_ms: round(totals),
      ratio: Math.round((totals / rebuild) * 1000) / 1000,
      stock_summaries_refresh_ms: round(stock),
      stock_ratio: Math.round((stock / rebuild) * 1000) / 1000,
    };
  } finally {
    await client.query("rollback");
  }
}

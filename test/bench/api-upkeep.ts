// What keeping the read models costs finalize, at the benchmark's size, inside transactions that are rolled back:
// - the sales_daily rebuild (the 120 days finalize redoes on every run), then the day totals' and the per-product
//   periods' refreshes after it (the periods moved to yesterday first, so every row is rewritten, as on a day's
//   first run), the ABC ranks of every period among them;
// - a whole finalize of the WB account's run as a day's first run (every product the account lists is
//   refreshed), statement by statement: the share of the per-warehouse and per-marketplace stock refresh
//   (db/queries/stock-summaries.ts), of the per-product periods (db/queries/sales-windows.ts) and of the products'
//   stock per day (db/queries/stock-days.ts) and of the Overview's stored answers (db/queries/dashboard-store.ts) is
//   the finalize time they add (`stock_growth`, `read_models_growth`: their time ÷ the rest's).
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { finalizeStatements, refreshSalesDaily, salesSummaryTransaction } from "../../cron/load/finalize-run";
import {
  dashboardRulesFromRow,
  dashboardRulesSql,
  refreshDashboardReadModels,
} from "../../db/queries/dashboard-store";
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
  /** Of those periods' refresh, the ABC ranks and class totals of every period and scope (abc-windows.ts). */
  abc_refresh_ms: number;
  /** ABC ranks / sales_daily rebuild. */
  abc_ratio: number;
  /** The whole finalize transaction of a day's first run, every read model included. */
  finalize_ms: number;
  /** product_warehouse_summary (with each warehouse's forecast) and product_marketplace_stock, in that finalize. */
  stock_summaries_ms: number;
  /** stock summaries / the rest of finalize: how much longer finalize takes for them. */
  stock_growth: number;
  /** The products' stock of the day (product_stock_days) after the snapshot, in that finalize. */
  stock_days_ms: number;
  /** The Overview's stored answers (dashboard-store.ts), after the run's close (its own transaction in finalize). */
  dashboard_refresh_ms: number;
  /** stock summaries, per-product periods, stock days and the Overview's stored answers / the rest of finalize. */
  read_models_growth: number;
}

const dialect = new PgDialect();
const round = (ms: number) => Math.round(ms * 10) / 10;
const share = (part: number, whole: number) => Math.round((part / (whole - part)) * 1000) / 1000;

async function timedStatements(client: pg.Client, statements: ReturnType<typeof refreshSalesDaily>) {
  const times: Array<{ ms: number; text: string }> = [];
  for (const statement of statements) {
    const query = dialect.sqlToQuery(statement);
    const started = performance.now();
    await client.query(query.sql, query.params as unknown[]);
    times.push({ ms: performance.now() - started, text: query.sql });
  }
  return times;
}

async function rolledBack<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("begin");
  try {
    return await work();
  } finally {
    await client.query("rollback");
  }
}

const sum = (times: Array<{ ms: number }>) => times.reduce((total, t) => total + t.ms, 0);
const yesterdaysWindows = (client: pg.Client, orgId: string) =>
  client.query("update sales_windows set ends_on = ends_on - 1 where org_id = $1", [orgId]);

export async function measureUpkeep(client: pg.Client, orgId: string): Promise<UpkeepFigures> {
  const [rebuild, totals, windows] = await rolledBack(client, async () => {
    const rebuilt = sum(await timedStatements(client, refreshSalesDaily({ orgId })));
    const dayTotals = sum(await timedStatements(client, refreshSalesDayTotals({ orgId })));
    await yesterdaysWindows(client, orgId);
    await timedStatements(client, rebuildSalesWindows(orgId));
    return [rebuilt, dayTotals, await timedStatements(client, refreshSalesWindows({ orgId }))] as const;
  });
  const abc = sum(windows.filter((t) => t.text.includes("insert into product_abc_windows")));
  const finalize = await rolledBack(client, async () => {
    await yesterdaysWindows(client, orgId);
    const account = await client.query(
      "update marketplace_accounts set snapshot_at = null where org_id = $1 and marketplace = 'wb' returning id",
      [orgId],
    );
    const accountId = String(account.rows[0]?.id);
    const runId = crypto.randomUUID();
    const rulesQuery = dialect.sqlToQuery(dashboardRulesSql(orgId));
    await client.query(
      "insert into etl_runs (id, org_id, account_id, kind, trigger) values ($1, $2, $3, 'full', 'cli')",
      [runId, orgId, accountId],
    );
    const rules = dashboardRulesFromRow((await client.query(rulesQuery.sql, rulesQuery.params)).rows[0]);
    // Finalize's sales transaction, its own end and the Overview's stored answer (one transaction each in
    // production; rolled back together here).
    return timedStatements(client, [
      ...salesSummaryTransaction({ orgId }),
      ...finalizeStatements({ orgId, accountId, runId, zeroUnseen: false, status: "succeeded", error: null }),
      ...refreshDashboardReadModels(orgId, rules),
    ]);
  });
  const stock = sum(
    finalize.filter(
      (t) =>
        t.text.includes("insert into product_warehouse_summary") ||
        t.text.includes("insert into product_marketplace_stock"),
    ),
  );
  const periods = sum(finalize.filter((t) => t.text.includes("sales_windows")));
  const stockDays = sum(finalize.filter((t) => t.text.includes("insert into product_stock_days")));
  const dashboard = sum(finalize.filter((t) => t.text.includes("insert into dashboard_read_models")));
  const whole = sum(finalize);
  return {
    sales_daily_rebuild_ms: round(rebuild),
    day_totals_refresh_ms: round(totals),
    ratio: Math.round((totals / rebuild) * 1000) / 1000,
    sales_windows_refresh_ms: round(sum(windows)),
    windows_ratio: Math.round((sum(windows) / rebuild) * 1000) / 1000,
    abc_refresh_ms: round(abc),
    abc_ratio: Math.round((abc / rebuild) * 1000) / 1000,
    finalize_ms: round(whole),
    stock_summaries_ms: round(stock),
    stock_growth: share(stock, whole),
    stock_days_ms: round(stockDays),
    dashboard_refresh_ms: round(dashboard),
    read_models_growth: share(stock + periods + stockDays + dashboard, whole),
  };
}

// `bench:ingest -- --profile`: where the database time goes. PostgreSQL runs with pg_stat_statements; after a
// pipeline pass the statements are listed by total execution time, so the server's share of a page load can
// be told apart from the HTTP endpoint, the driver and the Node side. Planning time is listed beside execution:
// over HTTP every statement is planned anew.
import { withDirectClient } from "./ingest-baselines";
import type { IngestWorld } from "./ingest-setup";

export const PROFILE_PG_OPTIONS =
  "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on -c track_io_timing=on";

interface StatementStat {
  calls: string;
  total_ms: number;
  plan_ms: number;
  mean_ms: number;
  rows: string;
  query: string;
}

export async function resetStatementStats(world: IngestWorld): Promise<void> {
  await withDirectClient(world, async (client) => {
    await client.query("create extension if not exists pg_stat_statements");
    await client.query("select pg_stat_statements_reset()");
  });
}

/** The tables a statement writes ("→ sales_daily, …: "), to tell apart statements that begin alike. */
function writes(query: string): string {
  const tables = [...query.matchAll(/\b(?:insert into|update|delete from)\s+(\w+)/gi)]
    .map((m) => m[1])
    .filter((t) => t !== "set");
  return tables.length ? `→ ${[...new Set(tables)].join(", ")}: ` : "";
}

/**
 * The tables finalize keeps for the API's reads alone (per-day totals, per-product periods and ranks, stock per
 * marketplace and per warehouse, stock per day, the stored Overview, the supply plan's lines and their sums per
 * product): their upkeep is what the read routes cost a sync.
 */
const READ_MODELS = [
  "sales_day_totals",
  "product_sales_windows",
  "category_sales_windows",
  "sales_windows",
  "product_abc_windows",
  "abc_class_windows",
  "product_marketplace_stock",
  "product_warehouse_summary",
  "product_stock_days",
  "dashboard_read_models",
  "supply_plan_lines",
  "supply_plan_products",
];

/** The statements by total execution time, with the sum over all of them; `database` names another than the
 * in-process one (the queue path's "queue"). */
export async function statementReport(world: IngestWorld, top = 10, database?: string): Promise<string> {
  return withDirectClient(world, async (client) => {
    const { rows } = await client.query<StatementStat>(
      `select calls::text, total_exec_time as total_ms, total_plan_time as plan_ms, mean_exec_time as mean_ms, rows::text,
         regexp_replace(query, '\\s+', ' ', 'g') as query
       from pg_stat_statements where dbid = (select oid from pg_database where datname = coalesce($1, current_database()))
       order by total_exec_time desc`,
      [database ?? null],
    );
    const sum = rows.reduce((total, row) => total + row.total_ms, 0);
    const planned = rows.reduce((total, row) => total + row.plan_ms, 0);
    const byModel = new Map<string, number>();
    for (const row of rows) {
      const model = READ_MODELS.find((table) =>
        new RegExp(`\\b(?:insert into|update|delete from)\\s+${table}\\b`, "i").test(row.query),
      );
      if (model) byModel.set(model, (byModel.get(model) ?? 0) + row.total_ms + row.plan_ms);
    }
    const upkeep = [...byModel.values()].reduce((total, ms) => total + ms, 0);
    const lines = [
      `PostgreSQL execution time over all statements: ${(sum / 1000).toFixed(2)} s, planning ${(planned / 1000).toFixed(2)} s`,
      `  the API's read models (finalize's upkeep for the read routes, planning included): ${(upkeep / 1000).toFixed(2)} s (${((100 * upkeep) / (sum + planned || 1)).toFixed(1)}%): ${[
        ...byModel,
      ]
        .sort(([, a], [, b]) => b - a)
        .map(([table, ms]) => `${table} ${(ms / 1000).toFixed(2)}`)
        .join(", ")}`,
      `the top ${top}:`,
    ];
    lines.push("  total s   share   calls  mean ms  plan s      rows  statement");
    for (const row of rows.slice(0, top)) {
      lines.push(
        `  ${(row.total_ms / 1000).toFixed(2).padStart(7)}  ${((100 * row.total_ms) / sum).toFixed(1).padStart(5)}%  ${row.calls.padStart(6)}  ${row.mean_ms.toFixed(1).padStart(7)}  ${(row.plan_ms / 1000).toFixed(2).padStart(6)}  ${row.rows.padStart(8)}  ${writes(row.query)}${row.query.slice(0, 110)}`,
      );
    }
    return lines.join("\n");
  });
}

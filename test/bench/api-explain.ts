// The plans behind the slowest routes: after the timed samples, auto_explain (loaded by api-postgres.ts, off
// until now) logs EXPLAIN (ANALYZE, BUFFERS) of every statement; one more cache-missing request per slow
// variant, and its slowest statements' plans are cut from the server's log, so a regression names its query.
import { accessSync, closeSync, constants, openSync, readSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type pg from "pg";

export interface ExplainedStatement {
  variant: string;
  ms: number;
  /** auto_explain's text: the query, then the plan with actual rows, timings and buffers. */
  plan: string;
}

/**
 * Where the plans can be read, or why not: the log file given (ours, or BENCH_POSTGRES_LOG for a server given by
 * URL), else the one the server's logging collector writes; and auto_explain must be loaded there.
 */
export async function planLog(
  admin: pg.Client,
  given: string | undefined,
): Promise<{ file: string } | { missing: string }> {
  const loaded = await admin.query("select 1 from pg_settings where name = 'auto_explain.log_min_duration'");
  if (loaded.rows.length === 0)
    return { missing: "auto_explain is not loaded on the server (shared_preload_libraries=auto_explain)" };
  let file = given;
  if (file === undefined) {
    const found = await admin.query<{ log: string | null; data: string }>(
      "select pg_current_logfile() as log, current_setting('data_directory') as data",
    );
    const row = found.rows[0];
    if (row?.log) file = isAbsolute(row.log) ? row.log : join(row.data, row.log);
  }
  if (file === undefined)
    return {
      missing: "the server's log file is unknown: set BENCH_POSTGRES_LOG (the file `pg_ctl -l` writes)",
    };
  try {
    accessSync(file, constants.R_OK);
  } catch {
    return { missing: `the server's log ${file} cannot be read here` };
  }
  return { file };
}

export async function setAutoExplain(client: pg.Client, on: boolean): Promise<void> {
  const settings = on
    ? { log_min_duration: "0", log_analyze: "on", log_buffers: "on", log_timing: "on" }
    : { log_min_duration: "-1", log_analyze: "off", log_buffers: "off", log_timing: "on" };
  for (const [name, value] of Object.entries(settings)) {
    await client.query(`alter system set auto_explain.${name} = '${value}'`);
  }
  await client.query("select pg_reload_conf()");
  // The reload reaches other backends asynchronously; a short pause lets them read it.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  if (size <= offset) return "";
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

const ENTRY = /^\S+ \S+ \S+ \[\d+\] (LOG|ERROR|WARNING|STATEMENT|DETAIL|HINT|FATAL):/;
const PLAN = /LOG:\s+duration: ([\d.]+) ms\s+plan:/;

/** The `keep` slowest statements `run` made the server execute, with their plans. */
export async function explainDuring(
  logFile: string,
  variant: string,
  keep: number,
  run: () => Promise<unknown>,
): Promise<ExplainedStatement[]> {
  const offset = statSync(logFile).size;
  await run();
  const lines = readFrom(logFile, offset).split("\n");
  const found: ExplainedStatement[] = [];
  let current: { ms: number; lines: string[] } | undefined;
  const close = () => {
    if (current) found.push({ variant, ms: current.ms, plan: current.lines.join("\n").trim() });
    current = undefined;
  };
  for (const line of lines) {
    const plan = PLAN.exec(line);
    if (plan) {
      close();
      current = { ms: Number(plan[1]), lines: [] };
    } else if (ENTRY.test(line)) {
      close();
    } else if (current) {
      current.lines.push(line);
    }
  }
  close();
  return found.sort((a, b) => b.ms - a.ms).slice(0, keep);
}

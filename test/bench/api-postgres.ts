// Starts a throwaway PostgreSQL server for the API benchmark (initdb into a temp dir, random port),
// as the `postgres` user when run as root, since initdb refuses root. Or uses BENCH_POSTGRES_URL, whose log file
// BENCH_POSTGRES_LOG names (where `pg_ctl -l` writes it; else api-explain.ts asks the server for its own).
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BenchPostgres {
  url: string;
  /** The server's log, where auto_explain writes plans (for a server given by URL, BENCH_POSTGRES_LOG). */
  logFile?: string;
  stop(): void;
}

function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

export function startBenchPostgres(): BenchPostgres {
  if (process.env.BENCH_POSTGRES_URL)
    return { url: process.env.BENCH_POSTGRES_URL, logFile: process.env.BENCH_POSTGRES_LOG, stop() {} };
  const dir = mkdtempSync(join(tmpdir(), "mi-bench-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = 20000 + Math.floor(Math.random() * 20000);
  run("initdb", ["-D", data, "-U", "bench", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  run("pg_ctl", [
    "-D",
    data,
    "-o",
    // auto_explain is loaded but off (its log_min_duration defaults to -1): the benchmark switches it on with
    // ALTER SYSTEM after the timed samples (a -c setting here would outrank that), so that the plans it keeps
    // (EXPLAIN ANALYZE, BUFFERS) cost the measured requests nothing.
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB -c timezone=UTC ` +
      "-c shared_preload_libraries=auto_explain",
    "-l",
    join(dir, "log"),
    "-w",
    "start",
  ]);
  return {
    url: `postgresql://bench@127.0.0.1:${port}/postgres`,
    logFile: join(dir, "log"),
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// The production path in the ingest benchmark: the real Worker (worker/index.ts under `wrangler dev`, so real
// local Queues and the SyncCoordinator Durable Object) syncing its own simulator (the vendors as they answer
// this month) into its own database on the benchmark's PostgreSQL, through a request-counting proxy in front
// of the local Neon endpoint. A sync is fired as Cron fires it (/__scheduled, the full-sync cron) and timed
// from the firing to the last run's finished_at. With `stockOnly` the same Worker syncs the in-process stock sync's
// workload instead (legacy simulator, the two stock feeds, no sales feeds or reports): the bare upsert's rows.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { wranglerDevArgs } from "../../dev/wrangler-dev";
import { freePort } from "../e2e/dev-server";
import {
  createBenchDatabase,
  type SyncRuns,
  seedBenchSeller,
  syncRunsSince,
  vacuumBenchDatabase,
} from "./bench-database";
import { descendantsNamed, processCpuMs } from "./cpu-time";
import { startSimulatorThread } from "./ingest-services";
import { advanceSimulator, type IngestWorld } from "./ingest-setup";
import { type RateFloor, rateLimitFloor, simulatorRequests } from "./rate-floor";
import { startSqlCounter } from "./sql-counter";

const FULL_SYNC_CRON = "0 3,15 * * *";

export interface QueueSync extends SyncRuns {
  /** HTTP requests to the local Neon endpoint during the sync. */
  dbRequests: number;
  dbRequestMb: number;
  /** CPU the workerd processes used during the sync. */
  workerCpuMs: number;
}

export interface QueueBench {
  simUrl: string;
  size: number;
  /** A sync as Cron starts it; waits until no run of it is running. */
  sync(label: string): Promise<QueueSync>;
  /** The simulator's clock moves; the next sync finds sales and replenishment. */
  advance(hours: number): Promise<unknown>;
  /** Turns the vendors' published limits on at `timeScale` (and the accounts' budgets with them). */
  limitsOn(timeScale: number): Promise<void>;
  /** The least wall time the published limits allow for the requests since limitsOn. */
  floor(timeScale: number): Promise<RateFloor>;
  vacuum(): Promise<void>;
  close(): Promise<void>;
}

async function simConfig(simUrl: string, patch: unknown): Promise<void> {
  const response = await fetch(`${simUrl}/_sim/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`simulator config: HTTP ${response.status} ${await response.text()}`);
}

async function waitForHealth(url: string, worker: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 360; attempt++) {
    if (worker.exitCode !== null) throw new Error(`wrangler dev exited (${worker.exitCode})`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the Worker did not answer ${url}/api/health within 180 s`);
}

/** A queue bench's own database, simulator and feeds. */
export interface QueueBenchOptions {
  minRows: number;
  seed: number;
  vendorLatencyMs: number;
  logFile: string;
  /** The database's name on the benchmark's PostgreSQL (default "queue"). */
  database?: string;
  /**
   * Stock only: the simulator in legacy mode and each account reading just these stock feeds (no sales feeds, no
   * reports), the in-process stock sync's workload; absent = this month's vendors and the accounts' defaults.
   */
  stockOnly?: Record<"ozon" | "wb", string[]>;
}

/** The in-process stock sync's two feeds (test/bench/ingest-pipeline.ts), which the legacy simulator serves. */
export const STOCK_ONLY_FEEDS: Record<"ozon" | "wb", string[]> = {
  ozon: ["ozon.v2.stock_on_warehouses"],
  wb: ["wb.v1.supplier_stocks"],
};

export async function startQueueBench(world: IngestWorld, options: QueueBenchOptions): Promise<QueueBench> {
  const database = options.database ?? "queue";
  const stockOnly = options.stockOnly;
  const closers: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await Promise.resolve(closer()).catch(() => undefined);
  };
  try {
    // Its own simulator in this month's vendor mode (the production defaults), limits off until limitsOn; in
    // legacy mode for the stock-only sync (WB's supplier/stocks still answers there, as for the in-process one).
    const simThread = await startSimulatorThread(options.minRows, options.seed, {
      mode: stockOnly ? "legacy" : "current",
      limitsEnabled: false,
      timeScale: 1,
    });
    closers.push(() => simThread.stop());
    const sim = simThread.info;
    // A vendor's round trip across the internet: every call answered this much later (the "slow" fault).
    if (options.vendorLatencyMs > 0) {
      const faults = await fetch(`${sim.url}/_sim/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          rules: [{ endpoint: "*", kind: "slow", rate: 1, delayMs: options.vendorLatencyMs }],
        }),
      });
      if (!faults.ok) throw new Error(`simulator latency: HTTP ${faults.status} ${await faults.text()}`);
    }

    const { config, db } = await createBenchDatabase(world, database);
    const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const feeds = stockOnly && {
      ozon: { stock: stockOnly.ozon, sales: [], reports: [] },
      wb: { stock: stockOnly.wb, sales: [], reports: [] },
    };
    await seedBenchSeller(db, sim.url, key, `bench-${database}`, feeds || undefined);

    const counter = await startSqlCounter(world.endpoint.sqlUrl);
    closers.push(() => counter.close());

    // wrangler dev serves the dashboard's assets folder; the benchmark needs none, only that it exists.
    mkdirSync("dist/web", { recursive: true });
    const persistTo = mkdtempSync(join(tmpdir(), "mi-bench-wrangler-"));
    closers.push(() => rmSync(persistTo, { recursive: true, force: true }));
    const port = await freePort();
    const vars = {
      DATABASE_URL: config.url,
      NEON_HTTP_ENDPOINT: counter.sqlUrl,
      CREDENTIALS_KEY: key,
      SESSION_SECRET: "bench-only-session-secret",
      SIMULATOR_URL: sim.url,
    };
    const log = createWriteStream(options.logFile);
    const worker = spawn("node_modules/.bin/wrangler", wranglerDevArgs({ port, persistTo, vars }), {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    worker.stdout?.pipe(log);
    worker.stderr?.pipe(log);
    closers.push(async () => {
      if (worker.pid === undefined || worker.exitCode !== null) return;
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      process.kill(-worker.pid, "SIGTERM");
      const timer = setTimeout(() => worker.pid && process.kill(-worker.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, worker);
    const workerCpu = () => {
      const pids = worker.pid === undefined ? [] : descendantsNamed(worker.pid, "workerd");
      return pids.length === 0 ? Number.NaN : pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    };

    const sync = async (label: string): Promise<QueueSync> => {
      const counted = counter.counts();
      const cpu = workerCpu();
      const firedAt = new Date();
      const fired = await fetch(`${url}/__scheduled?cron=${encodeURIComponent(FULL_SYNC_CRON)}`);
      if (!fired.ok) throw new Error(`${label}: /__scheduled answered ${fired.status}`);
      // At the vendors' own clock a 100,000-row seller's turnover report alone needs 17 minutes (1 call a minute).
      const deadline = Date.now() + 45 * 60_000;
      for (;;) {
        const runs = await syncRunsSince(db, firedAt);
        if (runs) {
          const afterCpu = workerCpu();
          const now = counter.counts();
          return {
            ...runs,
            dbRequests: now.requests - counted.requests,
            dbRequestMb: (now.bytes - counted.bytes) / 1024 / 1024,
            workerCpuMs: afterCpu - cpu,
          };
        }
        if (Date.now() > deadline) throw new Error(`${label}: runs still running after 45 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    return {
      simUrl: sim.url,
      size: sim.size,
      sync,
      advance: (hours) => advanceSimulator(sim, hours),
      limitsOn: async (timeScale) => {
        await db.execute(
          sql`update marketplace_accounts set endpoints = jsonb_set(endpoints, '{rateScale}', ${String(timeScale)}::jsonb)`,
        );
        // Buckets are made full on their first request once limits are on; the log starts empty.
        await simConfig(sim.url, { limitsEnabled: true, timeScale });
        const cleared = await fetch(`${sim.url}/_sim/stats`, { method: "DELETE" });
        if (!cleared.ok) throw new Error(`simulator stats: HTTP ${cleared.status}`);
      },
      floor: async (timeScale) => rateLimitFloor(await simulatorRequests(sim.url), timeScale),
      vacuum: () => vacuumBenchDatabase(world, database),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

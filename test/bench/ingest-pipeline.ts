// The measured path: a full sync of each benchmark account through the ingestion engine's in-process driver
// (cron/engine/run-in-process.ts: the queue's messages and steps, each page fetched, validated, normalized and
// loaded in one round trip with audit and checkpoint, finalize), with the time split into vendor API calls,
// database round trips and everything else (CPU). Stock only (the two big stock feeds of the legacy simulator:
// the figures the benchmark has always reported) or every feed of the account's defaults (the queue path's
// workload: ingest-full-in-process.ts).
// Each account syncs on its own thread, started before the clock runs: in production each account's
// coordinator and queue consumers run in their own isolates, and on one shared thread the Wildberries
// account's 20 MB response (parsed and validated in one synchronous stretch) would stall the Ozon account's
// page chain, a cost no deployment pays.

import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { runStockSync, runSync } from "../../cron/engine/run-in-process";
import { MemoryRequestGate } from "../../cron/http/request-gate";
import { FINALIZE_ROUND_TRIPS } from "../../cron/load/finalize-run";
import { batchRunner, type StatementRunner } from "../../cron/load/statement-runner";
import { createDatabase, type DatabaseConfig } from "../../db/client";
import { etlRuns } from "../../db/schema";
import { currentThreadStat, postgresCpuBetween, threadCpuMs } from "./cpu-time";
import { BENCH_CREDENTIALS, type IngestWorld } from "./ingest-setup";

type Marketplace = "ozon" | "wb";
type SyncKind = "full" | "incremental";

/**
 * Which feeds a sync reads: "stock" = the two big stock feeds the in-process figures have always measured (the
 * legacy simulator); "all" = every feed of a production full sync (the marketplace defaults: stock, sales feeds,
 * reports), the queue path's workload.
 */
export type SyncFeeds = "stock" | "all";

/** Where the account threads sync: a database, its organization and two accounts, a simulator. */
export interface SyncTarget {
  config: DatabaseConfig;
  orgId: string;
  accounts: Record<Marketplace, string>;
  simUrl: string;
  feeds: SyncFeeds;
}

/** What one account's sync measured on its thread. */
export interface AccountFigures {
  runId: string;
  status: string;
  extracted: number;
  pageRows: number[];
  ms: number;
  apiMs: number;
  pageLoadMs: number;
  /** Round trips that carried pages (pages that arrived together share one). */
  pageLoads: number;
  otherDbMs: number;
  finalizeMs: number;
  /** CPU the account's thread used (NaN off Linux). */
  cpuMs: number;
}

export interface PipelineFigures {
  status: string[];
  /** Rows the stock feeds delivered (before validation and de-duplication). */
  extracted: number;
  pages: number;
  /** Rows per page of each account's stock feed, in order. */
  pageRows: { ozon: number[]; wb: number[] };
  ms: number;
  apiMs: number;
  /** Page loads: database round trips carrying a page (claim, catalog, upsert, audit, counts). */
  pageLoadMs: number;
  /** How many page loads each account made. */
  pageLoads: { ozon: number; wb: number };
  /** Watermark reads. */
  otherDbMs: number;
  /** The end of each run: zero unseen stock, snapshot, summaries, close. */
  finalizeMs: number;
  /**
   * CPU used during the sync: the account threads (summed), the stand-ins' threads, the whole Node process
   * (all of these, the main thread, V8's GC helpers and the module loaders) and the PostgreSQL server.
   */
  cpuMs: {
    accounts: number;
    simulator: number;
    endpoint: number;
    node: number;
    /** By role: backends (the sync's statements), autovacuum, writers (WAL, checkpoints), exited, other. */
    postgres: Record<string, number>;
  };
  /** Wall time of each account's sync (they run side by side). */
  accountMs: { ozon: number; wb: number };
}

interface AccountJob {
  accountSync: true;
  marketplace: Marketplace;
  config: DatabaseConfig;
  orgId: string;
  accountId: string;
  baseUrl: string;
  feeds: SyncFeeds;
}

/**
 * Client budgets divided by this while the simulator's limits are off, so our own cost shows, not the vendors'
 * (the queue path's accounts carry the same rateScale).
 */
export const LIFTED_RATE_SCALE = 100_000;

/** A StatementRunner that times each round trip. */
function timedRunner(inner: StatementRunner) {
  const calls: { ms: number; statements: number }[] = [];
  const run: StatementRunner = async (statements) => {
    const started = performance.now();
    try {
      return await inner(statements);
    } finally {
      calls.push({ ms: performance.now() - started, statements: statements.length });
    }
  };
  return { run, calls };
}

/** One account's sync, measured (runs on the account's thread). */
async function syncAccount(job: AccountJob, kind: SyncKind): Promise<AccountFigures> {
  const db = createDatabase(job.config);
  const { run, calls } = timedRunner(batchRunner(db));
  const runId = crypto.randomUUID();
  const figures: AccountFigures = {
    runId,
    status: "",
    extracted: 0,
    pageRows: [],
    ms: 0,
    apiMs: 0,
    pageLoadMs: 0,
    pageLoads: 0,
    otherDbMs: 0,
    finalizeMs: 0,
    cpuMs: 0,
  };
  const thread = currentThreadStat();
  const cpuAtStart = threadCpuMs(thread);
  const started = performance.now();
  const stockOnly = job.feeds === "stock";
  await db.insert(etlRuns).values({
    id: runId,
    orgId: job.orgId,
    accountId: job.accountId,
    kind,
    trigger: stockOnly ? "cli" : "cron",
  });
  const input = {
    run,
    gate: new MemoryRequestGate(),
    orgId: job.orgId,
    accountId: job.accountId,
    runId,
    marketplace: job.marketplace,
    kind,
    credentials: BENCH_CREDENTIALS,
    baseUrl: job.baseUrl,
    onPage: ({ rows }: { rows: number }) => {
      figures.extracted += rows;
      figures.pageRows.push(rows);
    },
  };
  const status = stockOnly
    ? await runStockSync({
        ...input,
        // The two big feeds the benchmark has always measured (the simulator runs in legacy mode, where WB
        // supplier/stocks still answers), not the defaults of this month.
        adapters: job.marketplace === "ozon" ? ["ozon.v2.stock_on_warehouses"] : ["wb.v1.supplier_stocks"],
        // The simulator's limits are off; this keeps the client's own budgets (1/min for WB) out of the way.
        rateScale: 1_000_000,
      })
    : // The account's defaults, as the queue path's accounts have them: every feed a full sync reads.
      await runSync({ ...input, rateScale: LIFTED_RATE_SCALE });
  figures.ms = performance.now() - started;
  figures.cpuMs = threadCpuMs(thread) - cpuAtStart;
  figures.status = `${job.marketplace}: ${status}`;
  // The client's own count (until each body has arrived), from the run log: a wrapping fetch would copy
  // every body once more, CPU the production path does not spend.
  const [logged] = await db.select({ apiMs: etlRuns.apiMs }).from(etlRuns).where(eq(etlRuns.id, runId));
  figures.apiMs = logged?.apiMs ?? 0;
  // Finalize is the run's last round trips (relink, sales summaries, the run's end with the settings read, the stored
  // Overview), after every page.
  const finalize = calls.slice(-FINALIZE_ROUND_TRIPS);
  figures.finalizeMs = finalize.reduce((sum, call) => sum + call.ms, 0);
  // A page load sends ≥ 3 statements (claim, API counts, inventory...); watermark and listing reads send one.
  for (const call of calls.slice(0, -FINALIZE_ROUND_TRIPS)) {
    if (call.statements >= 3) {
      figures.pageLoadMs += call.ms;
      figures.pageLoads++;
    } else figures.otherDbMs += call.ms;
  }
  return figures;
}

export interface AccountThreads {
  sync(kind: SyncKind): Promise<Record<Marketplace, AccountFigures>>;
  close(): Promise<void>;
}

/** The stock-only target: the benchmark world's main database and legacy simulator. */
export function stockTarget(world: IngestWorld): SyncTarget {
  const host = new URL(world.endpoint.url).host;
  return {
    config: { url: `postgresql://local:local@${host}/main`, httpEndpoint: world.endpoint.sqlUrl },
    orgId: world.orgId,
    accounts: world.accounts,
    simUrl: world.sim.url,
    feeds: "stock",
  };
}

/** Starts one thread per benchmark account (tsx registered, modules loaded) before anything is timed. */
export async function startAccountThreads(target: SyncTarget): Promise<AccountThreads> {
  // Node 20 does not apply `--import` hooks to a worker's entry module: register tsx first.
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const start = (marketplace: Marketplace) => {
    const job: AccountJob = {
      accountSync: true,
      marketplace,
      config: target.config,
      orgId: target.orgId,
      accountId: target.accounts[marketplace],
      baseUrl: `${target.simUrl}/${marketplace}`,
      feeds: target.feeds,
    };
    // The same young generation as the main thread's --max-semi-space-size=64 (3 semi-spaces).
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
    return new Promise<Worker>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("message", () => resolve(worker));
    });
  };
  const workers = { ozon: await start("ozon"), wb: await start("wb") };
  const ask = (worker: Worker, kind: SyncKind) =>
    new Promise<AccountFigures>((resolve, reject) => {
      // A thread that dies (out of memory, a crash in a native module) must not leave the benchmark waiting.
      const died = (error: Error) => reject(error);
      worker.once("error", died);
      worker.once("message", (reply: { figures?: AccountFigures; error?: string }) => {
        worker.off("error", died);
        if (reply.figures) resolve(reply.figures);
        else reject(new Error(reply.error));
      });
      worker.postMessage(kind);
    });
  return {
    async sync(kind) {
      const [ozon, wb] = await Promise.all([ask(workers.ozon, kind), ask(workers.wb, kind)]);
      return { ozon, wb };
    },
    async close() {
      await Promise.all(Object.values(workers).map((worker) => worker.terminate()));
    },
  };
}

/** CPU ms of the whole Node process so far: every thread, V8's GC helpers included. */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * A full (or incremental) stock sync of both benchmark accounts, run side by side as the cron starts them in
 * production. `ms` is the wall time of both; the split figures are summed over the two syncs, so they may add
 * up to more than the wall time.
 */
export async function runPipeline(
  world: IngestWorld,
  threads: AccountThreads,
  kind: SyncKind = "full",
): Promise<PipelineFigures> {
  const cpuAt = () => ({
    simulator: world.cpuMs.simulator(),
    endpoint: world.cpuMs.endpoint(),
    postgres: world.cpuMs.postgres(),
    node: processCpuMs(),
  });
  const before = cpuAt();
  const started = performance.now();
  const accounts = await threads.sync(kind);
  const ms = performance.now() - started;
  const after = cpuAt();
  const both = [accounts.ozon, accounts.wb];
  const sum = (pick: (figures: AccountFigures) => number) => both.reduce((total, f) => total + pick(f), 0);
  return {
    status: both.map((f) => f.status).sort(),
    extracted: sum((f) => f.extracted),
    pages: sum((f) => f.pageRows.length),
    pageRows: { ozon: accounts.ozon.pageRows, wb: accounts.wb.pageRows },
    ms,
    apiMs: sum((f) => f.apiMs),
    pageLoadMs: sum((f) => f.pageLoadMs),
    pageLoads: { ozon: accounts.ozon.pageLoads, wb: accounts.wb.pageLoads },
    otherDbMs: sum((f) => f.otherDbMs),
    finalizeMs: sum((f) => f.finalizeMs),
    accountMs: { ozon: accounts.ozon.ms, wb: accounts.wb.ms },
    cpuMs: {
      accounts: sum((f) => f.cpuMs),
      simulator: after.simulator - before.simulator,
      endpoint: after.endpoint - before.endpoint,
      node: after.node - before.node,
      postgres: postgresCpuBetween(before.postgres, after.postgres),
    },
  };
}

const job = workerData as AccountJob | undefined;
if (!isMainThread && parentPort && job?.accountSync) {
  const port = parentPort;
  port.on("message", (kind: SyncKind) => {
    syncAccount(job, kind).then(
      (figures) => port.postMessage({ figures }),
      (error: unknown) =>
        port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  port.postMessage("ready");
}

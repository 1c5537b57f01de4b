// The measured path: a full stock sync of each benchmark account through the real in-process pipeline
// (cron/pipeline runStockSync: fetch, validate, normalize, one-round-trip page load with audit and checkpoint,
// finalize), with the time split into vendor API calls, database round trips and everything else (CPU).
import { performance } from "node:perf_hooks";
import { MemoryRequestGate } from "../../cron/http/request-gate";
import { batchRunner, type StatementRunner } from "../../cron/load/statement-runner";
import { runStockSync } from "../../cron/pipeline/run-stock-sync";
import { etlRuns } from "../../db/schema";
import { BENCH_CREDENTIALS, type IngestWorld } from "./ingest-setup";

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
  /** Watermark reads. */
  otherDbMs: number;
  /** The end of each run: zero unseen stock, snapshot, summaries, close. */
  finalizeMs: number;
  /** Busy time of the simulator's and the endpoint's threads during the sync. */
  serviceBusyMs: { simulator: number; endpoint: number };
  /** Wall time of each account's sync (they run side by side). */
  accountMs: { ozon: number; wb: number };
  /** Time the pipeline's own thread was busy (event-loop utilization), the rest it waited on I/O. */
  busyMs: number;
}

/** A StatementRunner that times each round trip; `pages` counts those that carried a page claim. */
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

/** A fetch that counts wall time until the whole body has arrived. */
function timedFetch() {
  const timing = { ms: 0 };
  const wrapped: typeof fetch = async (input, init) => {
    const started = performance.now();
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    timing.ms += performance.now() - started;
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: wrapped, timing };
}

/**
 * A full (or incremental) stock sync of both benchmark accounts, run side by side as the cron starts them in
 * production (each account has its own coordinator and queue messages). `ms` is the wall time of both; the
 * split figures are summed over the two syncs, so they may add up to more than the wall time.
 */
export async function runPipeline(world: IngestWorld, kind: "full" | "incremental" = "full") {
  const { fetch, timing } = timedFetch();
  const figures: PipelineFigures = {
    status: [],
    extracted: 0,
    pages: 0,
    pageRows: { ozon: [], wb: [] },
    ms: 0,
    apiMs: 0,
    pageLoadMs: 0,
    otherDbMs: 0,
    finalizeMs: 0,
    busyMs: 0,
    accountMs: { ozon: 0, wb: 0 },
    serviceBusyMs: { simulator: 0, endpoint: 0 },
  };
  const syncAccount = async (marketplace: "ozon" | "wb") => {
    const { run, calls } = timedRunner(batchRunner(world.db));
    const accountId = world.accounts[marketplace];
    const accountStarted = performance.now();
    const runId = crypto.randomUUID();
    await world.db.insert(etlRuns).values({ id: runId, orgId: world.orgId, accountId, kind, trigger: "cli" });
    const status = await runStockSync({
      run,
      gate: new MemoryRequestGate(),
      orgId: world.orgId,
      accountId,
      runId,
      marketplace,
      kind,
      credentials: BENCH_CREDENTIALS,
      baseUrl: `${world.sim.url}/${marketplace}`,
      // The simulator's limits are off; this keeps the client's own budgets (1/min for WB) out of the way.
      rateScale: 1_000_000,
      fetch,
      onPage: ({ rows }) => {
        figures.extracted += rows;
        figures.pages++;
        figures.pageRows[marketplace].push(rows);
      },
    });
    figures.status.push(`${marketplace}: ${status}`);
    figures.accountMs[marketplace] = performance.now() - accountStarted;
    figures.finalizeMs += calls.at(-1)?.ms ?? 0;
    // A page load sends ≥ 3 statements (claim, API counts, inventory...); watermark and listing reads send one.
    for (const call of calls.slice(0, -1)) {
      if (call.statements >= 3) figures.pageLoadMs += call.ms;
      else figures.otherDbMs += call.ms;
    }
  };
  const loop = performance.eventLoopUtilization();
  const services = { simulator: world.busyMs.simulator(), endpoint: world.busyMs.endpoint() };
  const started = performance.now();
  await Promise.all([syncAccount("ozon"), syncAccount("wb")]);
  figures.ms = performance.now() - started;
  figures.apiMs = timing.ms;
  figures.busyMs = performance.eventLoopUtilization(loop).active;
  figures.serviceBusyMs = {
    simulator: world.busyMs.simulator() - services.simulator,
    endpoint: world.busyMs.endpoint() - services.endpoint,
  };
  figures.status.sort();
  return figures;
}

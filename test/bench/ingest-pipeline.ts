// The measured path: a full stock sync of each benchmark account through the real in-process pipeline
// (cron/pipeline runStockSync: fetch, validate, normalize, one-round-trip page load with audit and checkpoint,
// finalize), with the time split into vendor API calls, database round trips and everything else (CPU).
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

export async function runPipeline(world: IngestWorld, kind: "full" | "incremental" = "full") {
  const { run, calls } = timedRunner(batchRunner(world.db));
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
  };
  for (const marketplace of ["ozon", "wb"] as const) {
    const accountId = world.accounts[marketplace];
    const runId = crypto.randomUUID();
    await world.db.insert(etlRuns).values({ id: runId, orgId: world.orgId, accountId, kind, trigger: "cli" });
    const before = calls.length;
    const started = performance.now();
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
    figures.ms += performance.now() - started;
    figures.status.push(`${marketplace}: ${status}`);
    const mine = calls.slice(before);
    const finalize = mine.at(-1)?.ms ?? 0;
    figures.finalizeMs += finalize;
    // A page load sends ≥ 3 statements (claim, API counts, inventory...); watermark reads send one.
    for (const call of mine.slice(0, -1)) {
      if (call.statements >= 3) figures.pageLoadMs += call.ms;
      else figures.otherDbMs += call.ms;
    }
  }
  figures.apiMs = timing.ms;
  return figures;
}

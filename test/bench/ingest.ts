// `npm run bench:ingest`: ≥ 100,000 simulator stock rows through the engine's in-process driver into a throwaway
// PostgreSQL 15 (via the local Neon endpoint), the production queue path (the Worker under wrangler dev): a first sync
// of the same stock feeds (the bare upsert's rows, like for like), then the same-sized seller's every feed with limits
// lifted and at the vendors' limits, the in-process driver syncing that same
// workload (every feed) beside it, against a bare unnest upsert, per-row INSERTs and COPY in the same run. Prints a table and writes bench-results/ingest.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PostgresMissingError } from "../support/throwaway-postgres";
import {
  bareUpsert,
  copyDirect,
  emptyInventory,
  perRowInsert,
  takeLoadedRows,
  withDirectClient,
} from "./ingest-baselines";
import { type FullInProcessBench, startFullInProcessBench } from "./ingest-full-in-process";
import {
  type AccountThreads,
  type PipelineFigures,
  runPipeline,
  startAccountThreads,
  stockTarget,
} from "./ingest-pipeline";
import { PROFILE_PG_OPTIONS, resetStatementStats, statementReport } from "./ingest-profile";
import { type QueueBench, STOCK_ONLY_FEEDS, startQueueBench } from "./ingest-queue";
import {
  formatQueue,
  formatTable,
  medianSync,
  perSecond,
  syncRate,
  syncRowsPerSecond,
} from "./ingest-report";
import { advanceSimulator, type IngestWorld, startIngestWorld } from "./ingest-setup";

const HELP = `Usage: npm run bench:ingest -- [options]

  --rows <n>     stock rows the simulator's feeds must hold (default 100000)
  --sample <n>   rows for the one-INSERT-per-row comparison (default 2000)
  --seed <n>     simulator seed (default 20261101)
  --syncs <n>    scheduled full syncs after the first, 12 simulated hours apart; the headline is their
                 median (default 3)
  --time-scale <n>  the vendors' rate windows pass this many times faster for the queue path's sync at
                 their published limits (default 1: the vendors' own clock; a faster clock shrinks their
                 windows, not our own work, so the floor stops being the vendors')
  --vendor-latency <ms>  the queue path's simulator answers every call this much later, as a vendor across the
                 internet does (default 0: the local simulator answers at once, so our own cost shows)
  --profile      also list the database statements by execution time (pg_stat_statements)
  --help         this text

Needs PostgreSQL 15 server binaries in /usr/lib/postgresql/15/bin (PG_BIN overrides);
install with: apt-get update && apt-get install -y postgresql`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench:ingest: --${name}: expected a positive integer, got "${value}"`);
    process.exit(2);
  }
  return n;
}

/** Page size for the bare upsert of one feed's rows: the pipeline's largest page of that feed. */
const pageSizeOf = (pageRows: number[]) => Math.max(1, ...pageRows);

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: {
        rows: { type: "string" },
        sample: { type: "string" },
        seed: { type: "string" },
        syncs: { type: "string" },
        "time-scale": { type: "string" },
        "vendor-latency": { type: "string" },
        profile: { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    console.error(`bench:ingest: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) return console.log(HELP);
  const minRows = positive("rows", values.rows as string | undefined, 100_000);
  const sample = positive("sample", values.sample as string | undefined, 2_000);
  const seed = positive("seed", values.seed as string | undefined, 20261101);
  const syncs = positive("syncs", values.syncs as string | undefined, 3);
  const timeScale = positive("time-scale", values["time-scale"] as string | undefined, 1);
  const vendorLatency =
    values["vendor-latency"] === "0"
      ? 0
      : positive("vendor-latency", values["vendor-latency"] as string | undefined, 0);

  if (values.profile) {
    process.env.INGEST_PG_OPTIONS = `${process.env.INGEST_PG_OPTIONS ?? ""} ${PROFILE_PG_OPTIONS}`;
  }
  console.log("Starting PostgreSQL 15, the local Neon endpoint and the simulator…");
  let world: IngestWorld;
  try {
    world = await startIngestWorld({ minRows, seed });
  } catch (error) {
    if (error instanceof PostgresMissingError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let threads: AccountThreads | undefined;
  let queue: QueueBench | undefined;
  let stockQueue: QueueBench | undefined;
  let full: FullInProcessBench | undefined;
  const closeAll = async () => {
    await queue?.close();
    await stockQueue?.close();
    await full?.close();
    await threads?.close();
    await world.close();
  };
  const stopOnSignal = () => void closeAll().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    console.log(
      `Simulator: ${world.sim.size} listings, ${world.sim.feedRows} stock rows in the feeds; PostgreSQL on port ${world.pg.port}`,
    );

    threads = await startAccountThreads(stockTarget(world));
    if (values.profile) await resetStatementStats(world);
    console.log("Pipeline: full stock sync of the Ozon and the Wildberries account…");
    const first = await runPipeline(world, threads);
    const profile = values.profile ? await statementReport(world) : "";
    // The scheduled syncs: what runs twice a day over an existing catalog. On a machine whose speed moves by
    // ±10–20% from one second to the next, the headline is their median, each one printed.
    const scheduled: PipelineFigures[] = [];
    for (let i = 1; i <= syncs; i++) {
      const moved = await advanceSimulator(world.sim, 12);
      console.log(`Simulator: 12 hours later (${JSON.stringify(moved)})`);
      // What autovacuum does to the previous sync's tables in those 12 hours, done now: once the endpoint's
      // idle connections have reported their table statistics (PostgreSQL flushes them within 10 s of going idle).
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      await withDirectClient(world, (client) => client.query("vacuum analyze"));
      if (values.profile && i === 1) await resetStatementStats(world);
      console.log(`Pipeline: scheduled full sync ${i} of ${syncs}…`);
      const sync = await runPipeline(world, threads);
      console.log(`  ${syncRate(sync)}`);
      scheduled.push(sync);
    }
    const profileScheduled = values.profile ? await statementReport(world) : "";
    const median = medianSync(scheduled);

    mkdirSync("bench-results", { recursive: true });
    // The production path's first sync of the same workload as the in-process stock sync and the bare upsert: the
    // legacy simulator of the same size and seed, each account reading only the two stock feeds (no sales feeds,
    // no reports), into an empty database of its own; its own Worker, closed before the full queue bench starts.
    console.log("Queue path, stock only (the in-process stock sync's feeds): starting its Worker…");
    stockQueue = await startQueueBench(world, {
      minRows,
      seed,
      vendorLatencyMs: 0,
      logFile: "bench-results/ingest-worker-stock.log",
      database: "queue_stock",
      stockOnly: STOCK_ONLY_FEEDS,
    });
    if (values.profile) await resetStatementStats(world);
    const queueStockFirst = await stockQueue.sync("queue stock-only first sync");
    const profileQueueStock = values.profile ? await statementReport(world, 15, "queue_stock") : "";
    console.log(
      `  stock-only first sync: ${queueStockFirst.extracted} rows in ${(queueStockFirst.ms / 1000).toFixed(2)} s`,
    );
    await stockQueue.close();
    stockQueue = undefined;
    console.log(
      "Queue path: starting the Worker (wrangler dev: workerd, local Queues, the SyncCoordinator DO)…",
    );
    queue = await startQueueBench(world, {
      minRows,
      seed,
      vendorLatencyMs: vendorLatency,
      logFile: "bench-results/ingest-worker.log",
    });
    console.log(
      `Queue simulator: ${queue.size} listings, this month's vendor mode; limits lifted; each call answered ${vendorLatency} ms late`,
    );
    // The in-process driver on the same workload, beside each of the queue path's syncs: the same feeds (the
    // accounts' defaults), a seller of the same size and seed, the same starting state (a first sync into an
    // empty database, a scheduled one 12 simulated hours later after vacuum), limits lifted on both.
    full = await startFullInProcessBench(world, { minRows, seed });
    if (values.profile) await resetStatementStats(world);
    const queueFirst = await queue.sync("queue first sync");
    const profileQueue = values.profile ? await statementReport(world, 15, "queue") : "";
    console.log(`  first sync: ${queueFirst.extracted} rows in ${(queueFirst.ms / 1000).toFixed(2)} s`);
    console.log("In-process driver, the same full sync (every feed): first sync into its empty database…");
    const fullFirst = await full.sync("in-process full first sync");
    console.log(`  first sync: ${fullFirst.extracted} rows in ${(fullFirst.ms / 1000).toFixed(2)} s`);
    await queue.advance(12);
    await full.advance(12);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    await queue.vacuum();
    await full.vacuum();
    const queueScheduled = await queue.sync("queue scheduled sync");
    console.log(
      `  scheduled sync: ${queueScheduled.extracted} rows in ${(queueScheduled.ms / 1000).toFixed(2)} s`,
    );
    console.log("In-process driver, the same full sync: scheduled, 12 simulated hours later…");
    const fullScheduled = await full.sync("in-process full scheduled sync");
    console.log(
      `  scheduled sync: ${fullScheduled.extracted} rows in ${(fullScheduled.ms / 1000).toFixed(2)} s`,
    );
    await full.close();
    full = undefined;
    await queue.advance(12);
    await queue.limitsOn(timeScale);
    // The accounts' request budgets remember the last sync's calls for one window (a minute at most on the
    // vendors' clock): wait it out, as the 12 hours between two syncs would, so the budgets start as full as the
    // simulator's buckets, which the floor assumes.
    await new Promise((resolve) => setTimeout(resolve, 60_000 / timeScale + 1_000));
    console.log(`Queue path: the vendors' published limits on, time scale ${timeScale}…`);
    const queueLimited = await queue.sync("queue sync at the vendors' limits");
    const floor = await queue.floor(timeScale);
    await queue.close();
    queue = undefined;

    const loaded = await takeLoadedRows(world);
    const byMarketplace = (mp: "ozon" | "wb") => loaded.filter((r) => r.marketplace === mp);
    console.log(`(a) bare unnest upsert of the ${loaded.length} loaded rows, page by page…`);
    await emptyInventory(world);
    let bare = { rows: 0, ms: 0 };
    for (const mp of ["ozon", "wb"] as const) {
      const rows = byMarketplace(mp);
      const part = await bareUpsert(world, rows, pageSizeOf(first.pageRows[mp]));
      bare = { rows: bare.rows + part.rows, ms: bare.ms + part.ms };
    }
    console.log(`(b) one INSERT per row, ${sample} rows…`);
    await emptyInventory(world);
    const perRow = await perRowInsert(world, loaded.slice(0, sample));
    console.log("(c) COPY FROM STDIN straight into PostgreSQL…");
    await emptyInventory(world);
    const copy = await copyDirect(world, loaded);

    // The headline is the scheduled full sync (what runs twice a day over an existing catalog); the first
    // sync into an empty database (catalog creation, a 'created' audit row per cell) is reported beside it.
    console.log("Peak heap of an 80,000-row WB orders page (test/bench/page-heap.ts)…");
    const heapMb = pageHeapMb();
    const per1k = (n: number) => (queueScheduled.extracted > 0 ? (n * 1000) / queueScheduled.extracted : 0);
    const figures = {
      rows: median.extracted,
      pipeline_rows_per_s: syncRowsPerSecond(median),
      // The same figure, named for what it is: the in-process driver's stock-only sync (legacy feeds).
      in_process_stock_rows_per_s: syncRowsPerSecond(median),
      // The in-process driver on the queue path's workload (every feed, same seller and starting state).
      in_process_full_rows: fullScheduled.extracted,
      in_process_full_rows_per_s: perSecond(fullScheduled.extracted, fullScheduled.ms),
      in_process_full_first_sync_rows_per_s: perSecond(fullFirst.extracted, fullFirst.ms),
      scheduled_syncs_rows_per_s: scheduled.map(syncRowsPerSecond),
      first_sync_rows_per_s: syncRowsPerSecond(first),
      bare_upsert_rows_per_s: perSecond(bare.rows, bare.ms),
      per_row_rows_per_s: perSecond(perRow.rows, perRow.ms),
      copy_rows_per_s: perSecond(copy.rows, copy.ms),
      queue_rows: queueScheduled.extracted,
      queue_rows_per_s: perSecond(queueScheduled.extracted, queueScheduled.ms),
      queue_first_sync_rows_per_s: perSecond(queueFirst.extracted, queueFirst.ms),
      // The queue path's first sync of the stock feeds only: the rows the bare upsert loads (like for like).
      queue_stock_first_sync_rows: queueStockFirst.extracted,
      queue_stock_first_sync_rows_per_s: perSecond(queueStockFirst.extracted, queueStockFirst.ms),
      queue_wall_s: queueLimited.ms / 1000,
      rate_limit_floor_s: floor.seconds,
      rate_limit_time_scale: timeScale,
      worker_cpu_ms_per_1k_rows: per1k(queueScheduled.workerCpuMs),
      db_round_trips_per_1k_rows: per1k(queueScheduled.dbRequests),
      peak_page_heap_mb: heapMb,
    };
    console.log(
      `\n${formatTable({ first, median, scheduled, bare, perRow, copy, loaded: loaded.length, figures })}`,
    );
    console.log(
      `\n${formatQueue({ first: queueFirst, stockFirst: queueStockFirst, scheduled: queueScheduled, limited: queueLimited, fullFirst, fullScheduled, floor, timeScale, heapMb, figures })}`,
    );
    if (profile) console.log(`\nFirst full sync, database side:\n${profile}`);
    if (profileScheduled)
      console.log(`\nScheduled full syncs (all ${syncs}), database side:\n${profileScheduled}`);
    if (profileQueueStock)
      console.log(`\nQueue path's stock-only first sync, database side:\n${profileQueueStock}`);
    if (profileQueue) console.log(`\nQueue path's first sync, database side:\n${profileQueue}`);
    writeFileSync("bench-results/ingest.json", `${JSON.stringify(figures, null, 2)}\n`);
    console.log("Wrote bench-results/ingest.json");
  } finally {
    await closeAll();
  }
}

/** The streamed 80,000-row WB orders page's peak live heap, measured by page-heap.ts in its own process (it
 * needs --expose-gc and a heap of its own). */
function pageHeapMb(): number {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "test/bench/page-heap.ts", "--json"],
    { encoding: "utf8" },
  );
  const last = output.trim().split("\n").at(-1) ?? "";
  const parsed = JSON.parse(last) as { streamedPeakMb?: { wb_orders_80k?: number } };
  const mb = parsed.streamedPeakMb?.wb_orders_80k;
  if (mb === undefined) throw new Error(`page-heap.ts gave no WB orders figure: ${last}`);
  return mb;
}

main().catch((error: unknown) => {
  console.error(
    `bench:ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});

// The ingest benchmark's printed table: each method's rows, seconds and rows/s, where the pipeline's time
// went, and the issue's two targets (≥ 50,000 rows/s end to end, ≥ 0.4× the bare upsert); then the queue path's
// figures and the targets set for it.
import { availableParallelism } from "node:os";
import type { SyncRuns } from "./bench-database";
import type { BaselineFigure } from "./ingest-baselines";
import type { PipelineFigures } from "./ingest-pipeline";
import type { QueueSync } from "./ingest-queue";
import type { RateFloor } from "./rate-floor";

export const perSecond = (rows: number, ms: number) => (ms > 0 ? Math.round((rows * 1000) / ms) : 0);

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** A sync's rows per second. */
export const syncRowsPerSecond = (sync: PipelineFigures) => perSecond(sync.extracted, sync.ms);

/** The sync at the median rate (the lower one of the middle two for an even count). */
export function medianSync(syncs: readonly PipelineFigures[]): PipelineFigures {
  const byRate = [...syncs].sort((a, b) => syncRowsPerSecond(a) - syncRowsPerSecond(b));
  const median = byRate[Math.floor((byRate.length - 1) / 2)];
  if (!median) throw new Error("no scheduled sync to report");
  return median;
}

/** "104,920 rows in 1.95 s: 53,805 rows/s" */
export const syncRate = (sync: PipelineFigures) =>
  `${int(sync.extracted)} rows in ${seconds(sync.ms)} s: ${int(syncRowsPerSecond(sync))} rows/s`;

export interface ReportInput {
  first: PipelineFigures;
  /** The scheduled sync at the median rate, and all of them in order. */
  median: PipelineFigures;
  scheduled: readonly PipelineFigures[];
  bare: BaselineFigure;
  perRow: BaselineFigure;
  copy: BaselineFigure;
  loaded: number;
  figures: { pipeline_rows_per_s: number; first_sync_rows_per_s: number; bare_upsert_rows_per_s: number };
}

/**
 * Where the sync's CPU went, against what the machine had (its cores × the wall time): the account threads,
 * the stand-ins for the vendors and for Neon, the rest of Node (main thread, GC helpers) and PostgreSQL.
 */
function cpuRows(p: PipelineFigures): string[][] {
  const { accounts, simulator, endpoint, node } = p.cpuMs;
  const roles = Object.entries(p.cpuMs.postgres).filter(([, ms]) => Math.abs(ms) >= 5);
  const postgres = roles.reduce((total, [, ms]) => total + ms, 0);
  if ([accounts, simulator, endpoint, node].some(Number.isNaN) || roles.length === 0) return [];
  const capacity = availableParallelism() * p.ms;
  const share = (ms: number) => `${seconds(ms)} s (${Math.round((100 * ms) / capacity)}%)`;
  return [
    [
      `  CPU used, of ${availableParallelism()} cores × the wall time = ${seconds(capacity)} core-s`,
      "",
      share(node + postgres),
      "",
    ],
    ["    account threads", "", share(accounts), ""],
    ["    simulator thread (the vendors' stand-in)", "", share(simulator), ""],
    ["    endpoint thread (Neon's stand-in)", "", share(endpoint), ""],
    ["    rest of Node (main thread, GC helpers)", "", share(node - accounts - simulator - endpoint), ""],
    [
      `    PostgreSQL (${roles.map(([role, ms]) => `${role} ${seconds(ms)}`).join(", ")})`,
      "",
      share(postgres),
      "",
    ],
  ];
}

function split(p: PipelineFigures): string[][] {
  // Vendor calls overlap page loads (the next page is fetched while one loads): count only the DB time and
  // what is left of the wall time, not the fetches.
  const share = (ms: number) => `${seconds(ms)} s (${Math.round((100 * ms) / p.ms)}%)`;
  return [
    [
      `  both accounts side by side (Ozon ${seconds(p.accountMs.ozon)} s, WB ${seconds(p.accountMs.wb)} s); the parts below are summed`,
      "",
      "",
      "",
    ],
    ["  vendor API (simulator, HTTP + body; overlaps page loads)", "", share(p.apiMs), ""],
    [
      `  page loads (DB round trips: Ozon ${p.pageLoads.ozon}, WB ${p.pageLoads.wb})`,
      "",
      share(p.pageLoadMs),
      "",
    ],
    ["  finalize (zero unseen, snapshot, summaries)", "", share(p.finalizeMs), ""],
    ["  watermark and listing reads", "", share(p.otherDbMs), ""],
    ...cpuRows(p),
  ];
}

export function formatTable(input: ReportInput): string {
  const { first, median, scheduled, bare, perRow, copy } = input;
  const rates = scheduled.map((sync) => int(syncRowsPerSecond(sync))).join(", ");
  const rows: string[][] = [
    ["method", "rows", "seconds", "rows/s"],
    [
      `pipeline, full sync (${first.pages} pages; ${first.status.join(", ")})`,
      int(first.extracted),
      seconds(first.ms),
      int(syncRowsPerSecond(first)),
    ],
    ...split(first),
    [
      `pipeline, scheduled full sync, 12 simulated hours apart: median of ${scheduled.length} (${rates} rows/s)`,
      int(median.extracted),
      seconds(median.ms),
      int(syncRowsPerSecond(median)),
    ],
    ...split(median),
    [
      "(a) bare unnest upsert, one statement per page",
      int(bare.rows),
      seconds(bare.ms),
      int(perSecond(bare.rows, bare.ms)),
    ],
    [
      "(b) one INSERT per row (sample)",
      int(perRow.rows),
      seconds(perRow.ms),
      int(perSecond(perRow.rows, perRow.ms)),
    ],
    [
      "(c) COPY FROM STDIN, direct connection",
      int(copy.rows),
      seconds(copy.ms),
      int(perSecond(copy.rows, copy.ms)),
    ],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
  );
  const {
    pipeline_rows_per_s: headline,
    first_sync_rows_per_s: firstSync,
    bare_upsert_rows_per_s: bareRate,
  } = input.figures;
  const ratio = (rate: number) => (bareRate ? rate / bareRate : 0);
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  lines.push(
    "",
    `scheduled full sync (median) ≥ 50,000 rows/s: ${verdict(headline >= 50_000)} (${int(headline)})`,
    `scheduled full sync (median) ≥ 0.4 × bare upsert: ${verdict(ratio(headline) >= 0.4)} (${ratio(headline).toFixed(2)}×)`,
    `first sync into an empty database ≥ 0.4 × bare upsert, in-process, stock only (the bare upsert's rows): ${verdict(ratio(firstSync) >= 0.4)} (${int(firstSync)} rows/s, ${ratio(firstSync).toFixed(2)}×)`,
    `rows: ${int(first.extracted)} delivered by the feeds, ${int(input.loaded)} distinct listing × warehouse cells loaded`,
  );
  return lines.join("\n");
}

export interface QueueReportInput {
  first: QueueSync;
  /** The queue path's first sync of the stock feeds only (the in-process stock sync's workload). */
  stockFirst: QueueSync;
  scheduled: QueueSync;
  limited: QueueSync;
  /** The in-process driver's full syncs of the same workload (every feed, same seller, same starting state). */
  fullFirst: SyncRuns;
  fullScheduled: SyncRuns;
  floor: RateFloor;
  timeScale: number;
  heapMb: number;
  figures: {
    pipeline_rows_per_s: number;
    bare_upsert_rows_per_s: number;
    in_process_full_rows_per_s: number;
    in_process_full_first_sync_rows_per_s: number;
    queue_rows_per_s: number;
    queue_first_sync_rows_per_s: number;
    queue_stock_first_sync_rows_per_s: number;
    first_sync_rows_per_s: number;
    queue_wall_s: number;
    rate_limit_floor_s: number;
    worker_cpu_ms_per_1k_rows: number;
    db_round_trips_per_1k_rows: number;
    peak_page_heap_mb: number;
  };
}

const runsLine = (label: string, sync: SyncRuns) =>
  `${label}: ${int(sync.extracted)} rows, ${sync.pages} pages in ${seconds(sync.ms)} s: ${int(perSecond(sync.extracted, sync.ms))} rows/s (${sync.runs.map((run) => `${run.marketplace} ${seconds(run.ms)} s`).join(", ")}; ${sync.status.join(", ")})`;

const queueLine = (label: string, sync: QueueSync) =>
  `${runsLine(label, sync)}; ${int(sync.dbRequests)} database requests (${sync.dbRequestMb.toFixed(1)} MB), workerd CPU ${seconds(sync.workerCpuMs)} s`;

/** The queue path's figures and the issue's targets for it, against the in-process driver and bare upsert. */
export function formatQueue(input: QueueReportInput): string {
  const f = input.figures;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const feeds = (sync: SyncRuns) =>
    Object.entries(sync.byEndpoint)
      .map(
        ([adapter, e]) =>
          `${adapter} ${int(e.rows)} rows/${e.pages} pages (largest load part ${int(e.largest)}; ${seconds(e.firstMs)}–${seconds(e.lastMs)} s)`,
      )
      .join("; ");
  const inProcess = ratio(f.queue_rows_per_s, f.in_process_full_rows_per_s);
  const inProcessStock = ratio(f.queue_rows_per_s, f.pipeline_rows_per_s);
  const inProcessFirst = ratio(f.queue_first_sync_rows_per_s, f.in_process_full_first_sync_rows_per_s);
  const first = ratio(f.queue_first_sync_rows_per_s, f.bare_upsert_rows_per_s);
  const stockFirst = ratio(f.queue_stock_first_sync_rows_per_s, f.bare_upsert_rows_per_s);
  const inProcessStockFirst = ratio(f.first_sync_rows_per_s, f.bare_upsert_rows_per_s);
  const wall = ratio(f.queue_wall_s, f.rate_limit_floor_s);
  return [
    "Queue path (the Worker under wrangler dev: local Queues, SyncCoordinator, full sync as the cron starts it)",
    queueLine(
      "  first sync of the stock feeds only (the in-process stock sync's feeds, legacy simulator), empty database",
      input.stockFirst,
    ),
    `    ${feeds(input.stockFirst)}`,
    queueLine("  first sync, empty database, vendor limits lifted", input.first),
    `    ${feeds(input.first)}`,
    queueLine("  scheduled full sync 12 simulated hours later, limits lifted", input.scheduled),
    `    ${feeds(input.scheduled)}`,
    queueLine(
      `  scheduled full sync at the vendors' published limits, time scale ${input.timeScale}`,
      input.limited,
    ),
    `    ${feeds(input.limited)}`,
    `    rate-limit floor ${input.floor.seconds.toFixed(2)} s (slowest bucket ${input.floor.bucket}: ${input.floor.requests} requests); ${input.floor.throttled} requests answered 429`,
    `  worker CPU: ${f.worker_cpu_ms_per_1k_rows.toFixed(1)} ms per 1,000 rows (workerd processes' CPU from /proc around the sync, not per request)`,
    `  database round trips: ${f.db_round_trips_per_1k_rows.toFixed(2)} per 1,000 rows (HTTP requests to the local Neon endpoint)`,
    "In-process driver, the same full syncs (every feed, same seller and starting state, limits lifted)",
    runsLine("  first sync, empty database", input.fullFirst),
    `    ${feeds(input.fullFirst)}`,
    runsLine("  scheduled full sync 12 simulated hours later", input.fullScheduled),
    `    ${feeds(input.fullScheduled)}`,
    "",
    `queue_wall_s ≤ 1.2 × rate_limit_floor_s: ${verdict(wall <= 1.2)} (${f.queue_wall_s.toFixed(2)} s vs ${f.rate_limit_floor_s.toFixed(2)} s, ${wall.toFixed(2)}×)`,
    `queue_rows_per_s ≥ 0.5 × in-process, both the scheduled full sync of every feed: ${verdict(inProcess >= 0.5)} (${int(f.queue_rows_per_s)} vs ${int(f.in_process_full_rows_per_s)}, ${inProcess.toFixed(2)}×)`,
    `  queue first sync vs the in-process first sync (every feed): ${inProcessFirst.toFixed(2)}× (${int(f.queue_first_sync_rows_per_s)} vs ${int(f.in_process_full_first_sync_rows_per_s)})`,
    `  queue scheduled full sync (every feed) vs the in-process stock-only sync (not the same work): ${inProcessStock.toFixed(2)}× (${int(f.queue_rows_per_s)} vs ${int(f.pipeline_rows_per_s)})`,
    `peak_page_heap_mb < 64 (80,000-row WB orders page, streamed): ${verdict(f.peak_page_heap_mb < 64)} (${f.peak_page_heap_mb.toFixed(0)} MB)`,
    "first sync into an empty database ≥ 0.4 × bare upsert:",
    `  in-process, stock only (the bare upsert's rows): ${verdict(inProcessStockFirst >= 0.4)} (${int(f.first_sync_rows_per_s)} vs ${int(f.bare_upsert_rows_per_s)}, ${inProcessStockFirst.toFixed(2)}×)`,
    `  queue path, stock only (the bare upsert's rows): ${verdict(stockFirst >= 0.4)} (${int(f.queue_stock_first_sync_rows_per_s)} vs ${int(f.bare_upsert_rows_per_s)}, ${stockFirst.toFixed(2)}×)`,
    `  queue path, every feed (sales and reports too: not the bare upsert's rows): ${verdict(first >= 0.4)} (${int(f.queue_first_sync_rows_per_s)} vs ${int(f.bare_upsert_rows_per_s)}, ${first.toFixed(2)}×)`,
    `queue scheduled sync vs bare upsert: ${ratio(f.queue_rows_per_s, f.bare_upsert_rows_per_s).toFixed(2)}×`,
  ].join("\n");
}

// The ingest benchmark's printed table: each method's rows, seconds and rows/s, where the pipeline's time
// went, and the issue's two targets (≥ 50,000 rows/s end to end, ≥ 0.4× the bare upsert).
import { availableParallelism } from "node:os";
import type { BaselineFigure } from "./ingest-baselines";
import type { PipelineFigures } from "./ingest-pipeline";

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
    `first sync into an empty database: ${int(firstSync)} rows/s, ${ratio(firstSync).toFixed(2)}× bare upsert`,
    `rows: ${int(first.extracted)} delivered by the feeds, ${int(input.loaded)} distinct listing × warehouse cells loaded`,
  );
  return lines.join("\n");
}

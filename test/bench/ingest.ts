// `npm run bench:ingest`: ≥ 100,000 simulator stock rows through the real pipeline into a throwaway
// PostgreSQL 15 (via the local Neon endpoint), against a bare unnest upsert, per-row INSERTs and COPY in the
// same run. Prints a table and writes bench-results/ingest.json.
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
import {
  type AccountThreads,
  type PipelineFigures,
  runPipeline,
  startAccountThreads,
} from "./ingest-pipeline";
import { PROFILE_PG_OPTIONS, resetStatementStats, statementReport } from "./ingest-profile";
import { formatTable, medianSync, perSecond, syncRate, syncRowsPerSecond } from "./ingest-report";
import { advanceSimulator, type IngestWorld, startIngestWorld } from "./ingest-setup";

const HELP = `Usage: npm run bench:ingest -- [options]

  --rows <n>     stock rows the simulator's feeds must hold (default 100000)
  --sample <n>   rows for the one-INSERT-per-row comparison (default 2000)
  --seed <n>     simulator seed (default 20261101)
  --syncs <n>    scheduled full syncs after the first, 12 simulated hours apart; the headline is their
                 median (default 3)
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
  const closeAll = async () => {
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

    threads = await startAccountThreads(world);
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
    const figures = {
      rows: median.extracted,
      pipeline_rows_per_s: syncRowsPerSecond(median),
      scheduled_syncs_rows_per_s: scheduled.map(syncRowsPerSecond),
      first_sync_rows_per_s: syncRowsPerSecond(first),
      bare_upsert_rows_per_s: perSecond(bare.rows, bare.ms),
      per_row_rows_per_s: perSecond(perRow.rows, perRow.ms),
      copy_rows_per_s: perSecond(copy.rows, copy.ms),
    };
    console.log(
      `\n${formatTable({ first, median, scheduled, bare, perRow, copy, loaded: loaded.length, figures })}`,
    );
    if (profile) console.log(`\nFirst full sync, database side:\n${profile}`);
    if (profileScheduled)
      console.log(`\nScheduled full syncs (all ${syncs}), database side:\n${profileScheduled}`);
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/ingest.json", `${JSON.stringify(figures, null, 2)}\n`);
    console.log("Wrote bench-results/ingest.json");
  } finally {
    await closeAll();
  }
}

main().catch((error: unknown) => {
  console.error(
    `bench:ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});

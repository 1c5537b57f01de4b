// The in-process driver on the queue path's own workload, so the two compare like with like: its own simulator
// in this month's vendor mode (the queue path's size and seed, limits off), its own database on the benchmark's
// PostgreSQL, the seller seeded as the queue path seeds it (client budgets lifted), and full syncs of every feed
// the account's defaults read (stock, sales feeds, reports) through cron/engine/run-in-process.ts, each account
// on its own thread, started together as the cron starts them. A sync is timed from its start to the last run's
// finished_at, as the queue path's is from the cron's firing.

import {
  createBenchDatabase,
  type SyncRuns,
  seedBenchSeller,
  syncRunsSince,
  vacuumBenchDatabase,
} from "./bench-database";
import { type AccountThreads, startAccountThreads } from "./ingest-pipeline";
import { startSimulatorThread } from "./ingest-services";
import { advanceSimulator, type IngestWorld } from "./ingest-setup";

const DATABASE = "inprocess";

export interface FullInProcessBench {
  /** A full sync of both accounts; answers once both runs have ended. */
  sync(label: string): Promise<SyncRuns>;
  /** The simulator's clock moves; the next sync finds sales and replenishment. */
  advance(hours: number): Promise<unknown>;
  vacuum(): Promise<void>;
  close(): Promise<void>;
}

export async function startFullInProcessBench(
  world: IngestWorld,
  options: { minRows: number; seed: number },
): Promise<FullInProcessBench> {
  const closers: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await Promise.resolve(closer()).catch(() => undefined);
  };
  try {
    const simThread = await startSimulatorThread(options.minRows, options.seed, {
      mode: "current",
      limitsEnabled: false,
      timeScale: 1,
    });
    closers.push(() => simThread.stop());
    const sim = simThread.info;
    const { config, db } = await createBenchDatabase(world, DATABASE);
    const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const seller = await seedBenchSeller(db, sim.url, key, "bench-inprocess");
    const threads: AccountThreads = await startAccountThreads({
      config,
      ...seller,
      simUrl: sim.url,
      feeds: "all",
    });
    closers.push(() => threads.close());
    return {
      sync: async (label) => {
        const startedAt = new Date();
        await threads.sync("full");
        const runs = await syncRunsSince(db, startedAt);
        if (!runs) throw new Error(`${label}: the in-process runs ended without finishing`);
        return runs;
      },
      advance: (hours) => advanceSimulator(sim, hours),
      vacuum: () => vacuumBenchDatabase(world, DATABASE),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

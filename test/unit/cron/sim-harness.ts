// The simulator and a migrated PGlite database shared by the sync tests of one file, a sync of one account
// against the simulator through a pipeline entry point (runSync or runStockSync), and truth-versus-loaded checks.
import { afterAll, beforeAll, expect } from "vitest";
import type { SyncInput } from "../../../cron/engine/run-in-process";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { type Simulator, startSimulator } from "../../../dev/sim/server";
import type { WbStockTruth } from "../../../dev/sim/truth";
import { migratedDatabase, startTestRun, type TestDatabase } from "./pglite-database";

export interface SimHarness {
  readonly sim: Simulator;
  readonly db: TestDatabase;
}

/**
 * Starts the simulator (time scale 6000; this month's vendors unless `mode` is "legacy", for the older adapters)
 * and a migrated database before the file's tests; closes the simulator after.
 */
export function useSimulatorAndDatabase(options: {
  seed: number;
  size: number;
  mode?: "current" | "legacy";
}): SimHarness {
  const harness = {} as { sim: Simulator; db: TestDatabase };
  beforeAll(async () => {
    harness.sim = await startSimulator({
      port: 0,
      seed: options.seed,
      size: options.size,
      timeScale: 6000,
      mode: options.mode ?? "current",
    });
    harness.db = await migratedDatabase();
  }, 60_000);
  afterAll(async () => {
    await harness.sim?.close();
  });
  return harness;
}

const credentials = { ozon: { clientId: "1001", apiKey: "demo-ozon-key" }, wb: { token: "demo-wb-token" } };

/** Starts a test run for the account and runs `pipeline` against the simulator; returns the run's id and status. */
export async function syncAgainstSimulator(
  { sim, db }: SimHarness,
  pipeline: (input: SyncInput) => Promise<"succeeded" | "partial" | "failed">,
  ids: { orgId: string; accountId: string },
  marketplace: "ozon" | "wb",
  kind: "full" | "incremental",
  extra: Pick<SyncInput, "adapters" | "pageLimit" | "sales" | "nowMs" | "fetch"> = {},
) {
  const runId = await startTestRun(db, ids.orgId, ids.accountId, kind);
  const status = await pipeline({
    run: db.run,
    gate: new MemoryRequestGate(),
    ...ids,
    runId,
    marketplace,
    kind,
    credentials,
    baseUrl: `${sim.url}/${marketplace}`,
    rateScale: 6000,
    ...extra,
  });
  return { runId, status };
}

/** "externalKey|canonical warehouse" → available/reserved/inTransit of the non-zero cells loaded for the account. */
export async function loadedStock(db: TestDatabase, accountId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ key: string; warehouse: string; a: number; r: number; t: number }>(
    `select l.external_key as key, w.name as warehouse, i.available as a, i.reserved as r, i.in_transit as t
     from inventory i join listings l on l.id = i.listing_id join warehouses w on w.id = i.warehouse_id
     where l.account_id = $1 and (i.available + i.reserved + i.in_transit) > 0`,
    [accountId],
  );
  return new Map(rows.map((row) => [`${row.key}|${row.warehouse}`, `${row.a}/${row.r}/${row.t}`]));
}

/** "nm:<nmId>:<size>|canonical warehouse" → available/reserved/inTransit of the WB truth's cells in the feed with stock. */
export function wbStockTruth(sim: Simulator): Map<string, string> {
  const cells = (sim.truth.stock("wb") as WbStockTruth[]).filter(
    (c) => c.inFeed && c.available + c.reserved + c.inTransit > 0,
  );
  return new Map(
    cells.map(
      (c) =>
        [
          `nm:${c.nmId}:${c.techSize || "0"}|${c.warehouse}`,
          `${c.available}/${c.reserved}/${c.inTransit}`,
        ] as const,
    ),
  );
}

/**
 * After a run fed damaged rows: they were rejected (as many as the run's `failed`, when given), each with its
 * reasons, and what loaded is as the truth has it, over 80% of the truth. Returns each reject's reasons.
 */
export async function expectDamagedRowsRejected(
  db: TestDatabase,
  run: { runId: string; failed?: number },
  loaded: Map<string, string>,
  truth: Map<string, string>,
): Promise<string[][]> {
  const rejects = await db.query<{ reasons: string[] }>("select reasons from etl_rejects where run_id = $1", [
    run.runId,
  ]);
  expect(rejects.length).toBeGreaterThan(0);
  if (run.failed !== undefined) expect(run.failed).toBe(rejects.length);
  for (const reject of rejects) expect(reject.reasons.length).toBeGreaterThan(0);
  for (const [key, value] of loaded) expect(truth.get(key), key).toBe(value);
  expect(loaded.size).toBeGreaterThan(truth.size * 0.8);
  return rejects.map((reject) => reject.reasons);
}

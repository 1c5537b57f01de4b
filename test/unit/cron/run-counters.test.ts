// A run's counters add up (in-process driver against the simulator): extracted = validated + failed, whatever
// the pages held (pseudo-rows, damaged rows, cancelled orders that load a second fact) and however they loaded
// (in parts under a small request budget). Rows a page repeats from the page before (the overlap of an
// offset-paged feed, checked to be the same rows) are counted once: extracted is the listing's size.
import { describe, expect, it } from "vitest";
import { runStockSync, runSync, type SyncInput } from "../../../cron/engine/run-in-process";
import { seedAccount } from "./pglite-database";
import { syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 7, size: 300 });

async function counters(runId: string) {
  const [run] = await harness.db.query<{ extracted: number; validated: number; failed: number }>(
    "select extracted, validated, failed from etl_runs where id = $1",
    [runId],
  );
  if (!run) throw new Error("no run");
  return run;
}

describe("a run's counters", () => {
  it("WB stock and sales with damaged rows, cancellations and pages in parts: extracted = validated + failed", async () => {
    const ids = await seedAccount(harness.db, "wb");
    harness.sim.faults.set([{ endpoint: "wb.orders", kind: "malformed_rows", rate: 1, fraction: 0.1 }]);
    // A small request budget: the orders pages load in several parts each.
    const inParts = (input: SyncInput) => runSync({ ...input, maxRequestBytes: 60_000 });
    const { runId, status } = await syncAgainstSimulator(harness, inParts, ids, "wb", "full");
    harness.sim.faults.clear();
    expect(status).toBe("succeeded");
    const run = await counters(runId);
    expect(run.failed).toBeGreaterThan(0);
    expect(run.extracted).toBe(run.validated + run.failed);
    const cancelled = harness.sim.truth.sales("wb").filter((row) => row.kind === "order" && row.isCancel);
    expect(cancelled.length).toBeGreaterThan(0);
  });

  it("an offset-paged feed counts each row once, the overlap of its pages not again", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    const { runId, status } = await syncAgainstSimulator(harness, runStockSync, ids, "ozon", "full", {
      pageLimit: 100,
      adapters: ["ozon.v2.stock_on_warehouses"],
    });
    expect(status).toBe("succeeded");
    const listed = harness.sim.truth
      .stock("ozon")
      .filter((cell) => cell.warehouseType === "fbo" && cell.inFeed).length;
    expect(listed).toBeGreaterThan(200);
    const run = await counters(runId);
    expect(run.extracted).toBe(listed);
    expect(run.extracted).toBe(run.validated + run.failed);
  });
});

// A full stock sync while the Ozon listing moves under it (in-process driver): rows before the cursor vanish,
// appear, or vanish for one call and come back, or the listing changes its order, between two pages. The overlap of consecutive pages then does
// not join; the feed is read again, or left unzeroed, and no cell that was in stock throughout goes to 0.
import { describe, expect, it } from "vitest";
import { runStockSync } from "../../../cron/engine/run-in-process";
import type { FaultRule } from "../../../dev/sim/faults";
import { seedAccount } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 11, size: 900 });

/** Ozon FBO cells with stock in the feed, as loadedStock keys them. */
function ozonTruth(): Map<string, string> {
  const cells = harness.sim.truth
    .stock("ozon")
    .filter((c) => c.warehouseType === "fbo" && c.inFeed && c.available + c.reserved + c.inTransit > 0);
  return new Map(
    cells.map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`] as const),
  );
}

const stockFeed = "ozon.stock_on_warehouses" as const;
const stockFeedAdapter = "ozon.v2.stock_on_warehouses";

/** A clean full sync, then a second one under `faults` (pages of 100 rows, 25 of them overlapping). */
async function syncWhileListingMoves(faults: FaultRule[]) {
  const ids = await seedAccount(harness.db, "ozon");
  const sync = () =>
    syncAgainstSimulator(harness, runStockSync, ids, "ozon", "full", {
      pageLimit: 100,
      // The FBO feed only (the defaults add the FBS source, which this test does not move).
      adapters: [stockFeedAdapter],
    });
  expect((await sync()).status).toBe("succeeded");
  expect(await loadedStock(harness.db, ids.accountId)).toEqual(ozonTruth());
  harness.sim.faults.set(faults);
  const { runId, status } = await sync();
  harness.sim.faults.clear();
  const [run] = await harness.db.query<{ issues: { code: string; message: string }[] }>(
    "select issues from etl_runs where id = $1",
    [runId],
  );
  const [zeroed] = await harness.db.query<{ count: number }>(
    "select count(*)::int as count from inventory_audit where run_id = $1 and change_type = 'zeroed'",
    [runId],
  );
  const paging = (run?.issues ?? []).filter((issue) => issue.code === "PAGING").map((i) => i.message);
  return { status, paging, zeroed: zeroed?.count, loaded: await loadedStock(harness.db, ids.accountId) };
}

describe("a full sync while the listing moves between pages", () => {
  it("shrinks (rows before the cursor vanish): read again from the start, nothing live zeroed", async () => {
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "shift_rows", from: 3, by: -75 }]);
    expect(run.zeroed).toBe(0);
    expect(run.loaded).toEqual(ozonTruth());
    expect(run.status).toBe("succeeded");
    expect(run.paging.some((note) => /do not join.*reading the feed again/.test(note))).toBe(true);
  });

  it("grows (rows appear before the cursor): the source is left unzeroed when it never joins", async () => {
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "shift_rows", from: 3, by: 40 }]);
    expect(run.zeroed).toBe(0);
    expect(run.loaded).toEqual(ozonTruth());
    expect(run.status).toBe("succeeded");
    expect(run.paging.some((note) => /do not join.*not zeroed/.test(note))).toBe(true);
  });

  it("rows move away for one call and back: the second reading joins and zeroes nothing live", async () => {
    const run = await syncWhileListingMoves([
      { endpoint: stockFeed, kind: "shift_rows", calls: [3], by: -75 },
    ]);
    expect(run.zeroed).toBe(0);
    expect(run.loaded).toEqual(ozonTruth());
    expect(run.status).toBe("succeeded");
    expect(run.paging).toHaveLength(1);
  });

  it("reorders (its order changes between pages and stays): read again from the start, exact", async () => {
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "reorder_rows", from: 3 }]);
    expect(run.zeroed).toBe(0);
    expect(run.loaded).toEqual(ozonTruth());
    expect(run.status).toBe("succeeded");
    expect(run.paging).toHaveLength(1);
    expect(run.paging[0]).toMatch(/do not join.*reading the feed again/);
  });

  it("reorders on every other call: never joins, the source is left unzeroed", async () => {
    const odd = Array.from({ length: 40 }, (_, i) => 3 + 2 * i);
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "reorder_rows", calls: odd }]);
    expect(run.zeroed).toBe(0);
    expect(run.loaded).toEqual(ozonTruth());
    expect(run.paging.some((note) => /do not join.*not zeroed/.test(note))).toBe(true);
  });
});

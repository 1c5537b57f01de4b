// A full sync through the queue while the Ozon stock listing moves under it: rows before the cursor vanish,
// appear, or vanish for one call and come back, or the listing changes its order, between two pages. Consecutive pages then do not join; the
// feed is read again, or its source left unzeroed, and no cell that was in stock throughout goes to 0.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { db, expectTruthLoaded, seedSimAccount, simulator, syncThroughQueue } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

/** A clean full sync, then a second one under `rules` (pages of 100 rows, 25 of them overlapping). */
async function syncWhileListingMoves(rules: Record<string, unknown>[]) {
  const ids = await seedSimAccount("ozon", { pageLimit: 100 });
  await syncThroughQueue(ids, "full");
  await expectTruthLoaded("ozon", ids.accountId);
  await simulator("/_sim/faults", { method: "PUT", body: JSON.stringify({ rules }) });
  const runId = await syncThroughQueue(ids, "full");
  await simulator("/_sim/faults", { method: "PUT", body: JSON.stringify({ rules: [] }) });
  const zeroed = await db().execute(
    sql`select count(*)::int as count from inventory_audit where run_id = ${runId} and change_type = 'zeroed'`,
  );
  const run = await db().execute(sql`select issues from etl_runs where id = ${runId}`);
  const issues = (run.rows[0]?.issues ?? []) as { code: string; message: string }[];
  return {
    ids,
    zeroed: Number(zeroed.rows[0]?.count),
    paging: issues.filter((issue) => issue.code === "PAGING").map((issue) => issue.message),
  };
}

const stockFeed = "ozon.stock_on_warehouses";

describe("a queued full sync while the listing moves between pages", () => {
  it("shrinks (rows before the cursor vanish): read again from the start, nothing live zeroed", async () => {
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "shift_rows", from: 3, by: -75 }]);
    expect(run.zeroed).toBe(0);
    await expectTruthLoaded("ozon", run.ids.accountId);
    expect(run.paging.some((note) => /do not join.*reading the feed again/.test(note))).toBe(true);
  });

  it("grows (rows appear before the cursor): the source is left unzeroed when it never joins", async () => {
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "shift_rows", from: 3, by: 40 }]);
    expect(run.zeroed).toBe(0);
    await expectTruthLoaded("ozon", run.ids.accountId);
    expect(run.paging.some((note) => /do not join.*not zeroed/.test(note))).toBe(true);
  });

  it("rows move away for one call and back: the second reading joins and zeroes nothing live", async () => {
    const run = await syncWhileListingMoves([
      { endpoint: stockFeed, kind: "shift_rows", calls: [3], by: -75 },
    ]);
    expect(run.zeroed).toBe(0);
    await expectTruthLoaded("ozon", run.ids.accountId);
    expect(run.paging).toHaveLength(1);
  });

  it("reorders (its order changes between pages and stays): read again from the start, exact", async () => {
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "reorder_rows", from: 3 }]);
    expect(run.zeroed).toBe(0);
    await expectTruthLoaded("ozon", run.ids.accountId);
    expect(run.paging).toHaveLength(1);
    expect(run.paging[0]).toMatch(/do not join.*reading the feed again/);
  });

  it("reorders on every other call: never joins, the source is left unzeroed", async () => {
    const odd = Array.from({ length: 40 }, (_, i) => 3 + 2 * i);
    const run = await syncWhileListingMoves([{ endpoint: stockFeed, kind: "reorder_rows", calls: odd }]);
    expect(run.zeroed).toBe(0);
    await expectTruthLoaded("ozon", run.ids.accountId);
    expect(run.paging.some((note) => /do not join.*not zeroed/.test(note))).toBe(true);
  });
});

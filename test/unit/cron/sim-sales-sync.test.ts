// Sales syncs against the marketplace simulator: a full run, then an incremental run after the world moved
// on, leave the sales facts equal to the simulator's sales (every order, sale, return and cancellation once,
// keyed by the vendor's own id), also under repeated boundary rows, cursor faults and malformed rows.
import { describe, expect, it } from "vitest";
import { runSync } from "../../../cron/engine/run-in-process";
import { seedAccount } from "./pglite-database";
import { expectDamagedRowsRejected, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 11, size: 400 });

async function sync(
  ids: { orgId: string; accountId: string },
  marketplace: "ozon" | "wb",
  kind: "full" | "incremental",
) {
  const { runId, status } = await syncAgainstSimulator(harness, runSync, ids, marketplace, kind);
  const [run] = await harness.db.query<{ extracted: number; failed: number }>(
    "select extracted, failed from etl_runs where id = $1",
    [runId],
  );
  return { runId, status, extracted: run?.extracted ?? 0, failed: run?.failed ?? 0 };
}

/** "kind|external id" → "quantity/revenue" of the loaded sales facts; fails on a duplicate. */
async function loadedSales(accountId: string): Promise<Map<string, string>> {
  const rows = await harness.db.query<{ kind: string; id: string; q: number; r: string }>(
    "select kind, external_id as id, quantity as q, revenue::float8::text as r from sales where account_id = $1",
    [accountId],
  );
  const map = new Map(rows.map((row) => [`${row.kind}|${row.id}`, `${row.q}/${Number(row.r)}`]));
  expect(map.size).toBe(rows.length);
  return map;
}

function wbTruth(): Map<string, string> {
  const truth = new Map<string, string>();
  for (const row of harness.sim.truth.sales("wb")) {
    if (row.marketplace !== "wb" || !row.inFeed) continue;
    const id = row.kind === "order" ? row.srid : (row.saleId ?? row.srid);
    truth.set(`${row.kind}|${id}`, `1/${row.priceWithDisc}`);
    if (row.kind === "order" && row.isCancel) truth.set(`cancellation|${row.srid}`, `1/${row.priceWithDisc}`);
  }
  expect(truth.size).toBeGreaterThan(100);
  return truth;
}

function ozonTruth(): Map<string, string> {
  const truth = new Map<string, string>();
  for (const row of harness.sim.truth.sales("ozon")) {
    if (row.marketplace !== "ozon") continue;
    const value = `${row.quantity}/${Math.round(row.price * row.quantity * 100) / 100}`;
    truth.set(`order|${row.postingNumber}:${row.sku}`, value);
    if (row.status === "cancelled") truth.set(`cancellation|${row.postingNumber}:${row.sku}`, value);
  }
  expect(truth.size).toBeGreaterThan(100);
  return truth;
}

describe("Wildberries orders and sales", () => {
  it("a full then an incremental sync equal the truth; the incremental one reads only what changed", async () => {
    const ids = await seedAccount(harness.db, "wb");
    harness.sim.config.set({ pageSize: { wbOrders: 400, wbSales: 300 } });
    harness.sim.faults.set([{ endpoint: "wb.orders", kind: "repeat_boundary", rate: 1, count: 2 }]);
    const full = await sync(ids, "wb", "full");
    expect(full.status).toBe("succeeded");
    expect(await loadedSales(ids.accountId)).toEqual(wbTruth());
    harness.sim.advance({ hours: 20 });
    const incremental = await sync(ids, "wb", "incremental");
    harness.sim.faults.clear();
    expect(incremental.status).toBe("succeeded");
    expect(await loadedSales(ids.accountId)).toEqual(wbTruth());
    expect(incremental.extracted).toBeLessThan(full.extracted / 2);
    const [summary] = await harness.db.query<{ orders: number }>(
      "select coalesce(sum(orders), 0)::int as orders from sales_daily where org_id = $1",
      [ids.orgId],
    );
    expect(summary?.orders).toBe([...wbTruth().keys()].filter((k) => k.startsWith("order|")).length);
  });
});

describe("Ozon FBO postings", () => {
  it("a full then an incremental sync equal the truth despite repeated and empty cursors", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      { endpoint: "ozon.posting_fbo_list", kind: "repeat_cursor", calls: [2] },
      { endpoint: "ozon.posting_fbo_list", kind: "empty_cursor", calls: [3] },
      { endpoint: "ozon.posting_fbo_list", kind: "repeat_boundary", rate: 1, count: 3 },
    ]);
    expect((await sync(ids, "ozon", "full")).status).toBe("succeeded");
    expect(await loadedSales(ids.accountId)).toEqual(ozonTruth());
    harness.sim.advance({ hours: 30 });
    const incremental = await sync(ids, "ozon", "incremental");
    harness.sim.faults.clear();
    expect(incremental.status).toBe("succeeded");
    expect(await loadedSales(ids.accountId)).toEqual(ozonTruth());
  });

  it("rejects malformed postings with their reasons and loads every valid one as the truth has it", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      { endpoint: "ozon.posting_fbo_list", kind: "malformed_rows", rate: 1, fraction: 0.05, mode: "mixed" },
    ]);
    const run = await sync(ids, "ozon", "full");
    harness.sim.faults.clear();
    expect(run.status).toBe("succeeded");
    await expectDamagedRowsRejected(harness.db, run, await loadedSales(ids.accountId), ozonTruth());
  });
});

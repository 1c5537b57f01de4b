// Stock syncs against the marketplace simulator (its legacy mode, where WB supplier/stocks still answers) end the
// same as the simulator's truth for every listing × warehouse: a full sync, an incremental one after the world
// moved on, and a full sync under faults. (default-sync-truth.test.ts runs the defaults against this month's vendors.)
import { describe, expect, it } from "vitest";
import { WB_SUPPLIER_STOCKS_ID } from "../../../cron/adapters/wb/supplier-stocks-v1";
import { runStockSync } from "../../../cron/engine/run-in-process";
import { seedAccount } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 7, size: 900, mode: "legacy" });

/** A sync with the account's default adapters (Ozon: FBO and FBS), or the ones named. */
function sync(
  ids: { orgId: string; accountId: string },
  marketplace: "ozon" | "wb",
  kind: "full" | "incremental" = "full",
  adapters?: string[],
) {
  return syncAgainstSimulator(harness, runStockSync, ids, marketplace, kind, adapters ? { adapters } : {});
}

function truthStock(marketplace: "ozon" | "wb", onlyFbo = false): Map<string, string> {
  const cells =
    marketplace === "ozon"
      ? harness.sim.truth
          .stock("ozon")
          .filter((c) => !onlyFbo || c.warehouseType === "fbo")
          .map((c) => ({ key: `sku:${c.sku}`, ...c }))
      : harness.sim.truth.stock("wb").map((c) => ({ key: `nm:${c.nmId}:${c.techSize || "0"}`, ...c }));
  const truth = new Map(
    cells
      .filter((c) => c.inFeed && c.available + c.reserved + c.inTransit > 0)
      .map((c) => [`${c.key}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`] as const),
  );
  expect(truth.size).toBeGreaterThan(100);
  return truth;
}

describe("Ozon stock sync against the simulator", () => {
  it("a full sync, then another after the world moved on, equal the truth", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    expect((await sync(ids, "ozon")).status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(truthStock("ozon"));
    harness.sim.advance({ days: 2 });
    expect((await sync(ids, "ozon")).status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(truthStock("ozon"));
  });

  it("survives 429 bursts, a 504 with an HTML body and rows shifting between offset pages", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      { endpoint: "ozon.stock_on_warehouses", kind: "rate_limit", calls: [1, 2] },
      { endpoint: "ozon.stock_on_warehouses", kind: "gateway_timeout_html", calls: [3] },
      { endpoint: "ozon.stock_on_warehouses", kind: "shift_rows", calls: [5], by: -20 },
    ]);
    const { runId, status } = await sync(ids, "ozon");
    harness.sim.faults.clear();
    expect(status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(truthStock("ozon"));
    const [run] = await harness.db.query<{ api_failed: number }>(
      "select api_failed from etl_runs where id = $1",
      [runId],
    );
    expect(run?.api_failed).toBe(3);
    expect(
      harness.sim.stats.requests("ozon.stock_on_warehouses").some((r) => r.faults.includes("shift_rows")),
    ).toBe(true);
  });
});

describe("malformed rows", () => {
  it("rejects damaged rows with their reasons and loads every valid row as the truth has it", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      {
        endpoint: "ozon.stock_on_warehouses",
        kind: "malformed_rows",
        rate: 1,
        fraction: 0.05,
        mode: "negative",
      },
    ]);
    const { runId, status } = await sync(ids, "ozon");
    harness.sim.faults.clear();
    expect(status).toBe("succeeded");
    const rejects = await harness.db.query<{
      row: { listing?: { externalKey: string }; sku?: number };
      reasons: string[];
    }>("select row, reasons from etl_rejects where run_id = $1", [runId]);
    expect(rejects.length).toBeGreaterThan(0);
    for (const reject of rejects)
      expect(reject.reasons.join()).toMatch(/must not be negative|expected a positive id/);
    // The fault makes a number negative as -(n) - 1: a rejected sku is recovered from it.
    const rejectedKeys = new Set(
      rejects.map((r) => r.row.listing?.externalKey ?? `sku:${Math.abs(r.row.sku ?? 0) - 1}`),
    );
    const expected = new Map(
      [...truthStock("ozon")].filter(([key]) => !rejectedKeys.has(key.split("|")[0] ?? "")),
    );
    const loaded = new Map(
      [...(await loadedStock(harness.db, ids.accountId))].filter(
        ([key]) => !rejectedKeys.has(key.split("|")[0] ?? ""),
      ),
    );
    expect(loaded).toEqual(expected);
  });
});

describe("Wildberries stock sync against the simulator", () => {
  it("a full sync through keyset paging with repeated boundary rows equals the truth", async () => {
    const ids = await seedAccount(harness.db, "wb");
    harness.sim.config.set({ pageSize: { wbStocks: 50 } });
    harness.sim.faults.set([{ endpoint: "wb.stocks", kind: "repeat_boundary", rate: 1, count: 3 }]);
    const { status } = await sync(ids, "wb", "full", [WB_SUPPLIER_STOCKS_ID]);
    harness.sim.faults.clear();
    expect(status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(truthStock("wb"));
  });
});

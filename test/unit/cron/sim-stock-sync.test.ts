// Stock syncs against the marketplace simulator end the same as the simulator's truth for every listing ×
// warehouse: a full sync, an incremental one after the world moved on, and a full sync under faults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { runStockSync } from "../../../cron/pipeline/run-stock-sync";
import { type Simulator, startSimulator } from "../../../dev/sim/server";
import { migratedDatabase, seedAccount, startTestRun, type TestDatabase } from "./pglite-database";

let sim: Simulator;
let db: TestDatabase;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, size: 900, timeScale: 6000 });
  db = await migratedDatabase();
}, 60_000);
afterAll(async () => {
  await sim?.close();
});

const credentials = { ozon: { clientId: "1001", apiKey: "demo-ozon-key" }, wb: { token: "demo-wb-token" } };

async function sync(
  ids: { orgId: string; accountId: string },
  marketplace: "ozon" | "wb",
  kind: "full" | "incremental" = "full",
) {
  const runId = await startTestRun(db, ids.orgId, ids.accountId, kind);
  const status = await runStockSync({
    run: db.run,
    gate: new MemoryRequestGate(),
    ...ids,
    runId,
    marketplace,
    kind,
    credentials,
    baseUrl: `${sim.url}/${marketplace}`,
    rateScale: 6000,
  });
  return { runId, status };
}

/** "externalKey|canonical warehouse" → available/reserved/inTransit, non-zero cells only. */
async function loadedStock(accountId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ key: string; warehouse: string; a: number; r: number; t: number }>(
    `select l.external_key as key, w.name as warehouse, i.available as a, i.reserved as r, i.in_transit as t
     from inventory i join listings l on l.id = i.listing_id join warehouses w on w.id = i.warehouse_id
     where l.account_id = $1 and (i.available + i.reserved + i.in_transit) > 0`,
    [accountId],
  );
  return new Map(rows.map((row) => [`${row.key}|${row.warehouse}`, `${row.a}/${row.r}/${row.t}`]));
}

function truthStock(marketplace: "ozon" | "wb", onlyFbo = false): Map<string, string> {
  const cells =
    marketplace === "ozon"
      ? sim.truth
          .stock("ozon")
          .filter((c) => !onlyFbo || c.warehouseType === "fbo")
          .map((c) => ({ key: `sku:${c.sku}`, ...c }))
      : sim.truth.stock("wb").map((c) => ({ key: `nm:${c.nmId}:${c.techSize || "0"}`, ...c }));
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
    const ids = await seedAccount(db, "ozon");
    expect((await sync(ids, "ozon")).status).toBe("succeeded");
    expect(await loadedStock(ids.accountId)).toEqual(truthStock("ozon", true));
    sim.advance({ days: 2 });
    expect((await sync(ids, "ozon")).status).toBe("succeeded");
    expect(await loadedStock(ids.accountId)).toEqual(truthStock("ozon", true));
  });

  it("survives 429 bursts, a 504 with an HTML body and rows shifting between offset pages", async () => {
    const ids = await seedAccount(db, "ozon");
    sim.faults.set([
      { endpoint: "ozon.stock_on_warehouses", kind: "rate_limit", calls: [1, 2] },
      { endpoint: "ozon.stock_on_warehouses", kind: "gateway_timeout_html", calls: [3] },
      { endpoint: "ozon.stock_on_warehouses", kind: "shift_rows", calls: [5], by: -20 },
    ]);
    const { runId, status } = await sync(ids, "ozon");
    sim.faults.clear();
    expect(status).toBe("succeeded");
    expect(await loadedStock(ids.accountId)).toEqual(truthStock("ozon", true));
    const [run] = await db.query<{ api_failed: number }>("select api_failed from etl_runs where id = $1", [
      runId,
    ]);
    expect(run?.api_failed).toBe(3);
    expect(sim.stats.requests("ozon.stock_on_warehouses").some((r) => r.faults.includes("shift_rows"))).toBe(
      true,
    );
  });
});

describe("malformed rows", () => {
  it("rejects damaged rows with their reasons and loads every valid row as the truth has it", async () => {
    const ids = await seedAccount(db, "ozon");
    sim.faults.set([
      {
        endpoint: "ozon.stock_on_warehouses",
        kind: "malformed_rows",
        rate: 1,
        fraction: 0.05,
        mode: "negative",
      },
    ]);
    const { runId, status } = await sync(ids, "ozon");
    sim.faults.clear();
    expect(status).toBe("succeeded");
    const rejects = await db.query<{
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
      [...truthStock("ozon", true)].filter(([key]) => !rejectedKeys.has(key.split("|")[0] ?? "")),
    );
    const loaded = new Map(
      [...(await loadedStock(ids.accountId))].filter(([key]) => !rejectedKeys.has(key.split("|")[0] ?? "")),
    );
    expect(loaded).toEqual(expected);
  });
});

describe("Wildberries stock sync against the simulator", () => {
  it("a full sync through keyset paging with repeated boundary rows equals the truth", async () => {
    const ids = await seedAccount(db, "wb");
    sim.config.set({ pageSize: { wbStocks: 50 } });
    sim.faults.set([{ endpoint: "wb.stocks", kind: "repeat_boundary", rate: 1, count: 3 }]);
    const { status } = await sync(ids, "wb");
    sim.faults.clear();
    expect(status).toBe("succeeded");
    expect(await loadedStock(ids.accountId)).toEqual(truthStock("wb"));
  });
});

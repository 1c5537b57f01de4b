// The WB warehouse-remains report adapter against the simulator: create → poll → download, one step per page.
// Loaded stock equals the truth for what the report covers (units per warehouse; goods in transit come only as
// per-barcode pseudo totals, so reserved and in transit load as 0), also as the replacement of switched-off
// supplier stocks, after slow tasks, and with failed tasks or damaged rows recorded rather than crashing.
import { beforeEach, describe, expect, it } from "vitest";
import { stockSources } from "../../../cron/adapters/stock-adapters";
import { WB_SUPPLIER_STOCKS_ID } from "../../../cron/adapters/wb/supplier-stocks-v1";
import { WB_WAREHOUSE_REMAINS_ID } from "../../../cron/adapters/wb/warehouse-remains";
import { readRemainsReport } from "../../../cron/adapters/wb/warehouse-remains-rows";
import { runStockSync } from "../../../cron/engine/run-in-process";
import type { WbStockTruth } from "../../../dev/sim/truth";
import { seedAccount } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase, wbStockTruth } from "./sim-harness";

const SEED = 23;
const SIZE = 900;
const harness = useSimulatorAndDatabase({ seed: SEED, size: SIZE });
beforeEach(() => {
  harness.sim.reset({ seed: SEED, size: SIZE });
  harness.sim.config.set({ remainsPollsUntilDone: 1, switchOff: { "wb.stocks": null } });
  harness.sim.faults.clear();
});

type Ids = { orgId: string; accountId: string };
const REMAINS = [WB_WAREHOUSE_REMAINS_ID];

function sync(ids: Ids, adapters: string[], pageLimit?: number) {
  return syncAgainstSimulator(harness, runStockSync, ids, "wb", "full", {
    adapters,
    ...(pageLimit ? { pageLimit } : {}),
  });
}

/** A sync whose vendor answers pass through `rewrite` first (a task state the simulator does not produce). */
function syncRewriting(ids: Ids, rewrite: (url: string, body: string) => string) {
  return syncAgainstSimulator(harness, runStockSync, ids, "wb", "full", {
    adapters: REMAINS,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = rewrite(String(input), await response.text());
      return new Response(body, { status: response.status, headers: response.headers });
    },
  });
}

/** What the report covers: units at each real warehouse (cells in the feed with available stock). */
function remainsTruth(): Map<string, string> {
  const cells = (harness.sim.truth.stock("wb") as WbStockTruth[]).filter((c) => c.inFeed && c.available > 0);
  const truth = new Map(
    cells.map((c) => [`nm:${c.nmId}:${c.techSize || "0"}|${c.warehouse}`, `${c.available}/0/0`] as const),
  );
  expect(truth.size).toBeGreaterThan(100);
  return truth;
}

async function runRow(runId: string) {
  const [run] = await harness.db.query<{
    status: string;
    issues: { code: string; endpoint: string; message: string }[];
    pages_done: number;
    failed: number;
  }>("select status, issues, pages_done, failed from etl_runs where id = $1", [runId]);
  return run;
}

describe("WB warehouse-remains report", () => {
  it("is a replacement of supplier stocks: one source, supplier stocks first", () => {
    expect(stockSources("wb", [WB_SUPPLIER_STOCKS_ID, WB_WAREHOUSE_REMAINS_ID])).toEqual([
      [WB_SUPPLIER_STOCKS_ID, WB_WAREHOUSE_REMAINS_ID],
    ]);
  });

  it("a full sync equals the truth of units per warehouse; pseudo entries never become warehouses", async () => {
    const ids = await seedAccount(harness.db, "wb");
    const { runId, status } = await sync(ids, REMAINS);
    expect(status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(remainsTruth());
    const pseudo = await harness.db.query(
      "select name from warehouses where org_id = $1 and (name ilike 'в пути%' or name ilike 'всего%')",
      [ids.orgId],
    );
    expect(pseudo).toEqual([]);
    // create, poll (processing), poll (done) + download. A step reads vendor pages ahead as one run page
    // (cron/engine/page-group.ts, bounded by rows, pages and reading time), so the run's page count depends on
    // the machine's speed: the vendor calls are what is counted.
    expect((await runRow(runId))?.pages_done).toBeGreaterThanOrEqual(1);
    expect(harness.sim.stats.requests("wb.remains_status")).toHaveLength(2);
    expect(harness.sim.stats.requests("wb.remains_create")).toHaveLength(1);
    expect(harness.sim.stats.requests("wb.remains_download")).toHaveLength(1);
  });

  it("slices a large report into pages by re-downloading the task; sold-out stock is zeroed next run", async () => {
    const ids = await seedAccount(harness.db, "wb");
    expect((await sync(ids, REMAINS, 300)).status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(remainsTruth());
    const downloads = harness.sim.stats.requests("wb.remains_download");
    expect(downloads.length).toBeGreaterThan(2);
    expect(downloads.every((r) => r.status === 200)).toBe(true);

    // An incremental run reads the whole report too: stock that sold out meanwhile goes to 0.
    const first = await loadedStock(harness.db, ids.accountId);
    harness.sim.advance({ days: 4 });
    const truth = remainsTruth();
    expect([...first.keys()].some((key) => !truth.has(key))).toBe(true);
    const second = await syncAgainstSimulator(harness, runStockSync, ids, "wb", "incremental", {
      adapters: REMAINS,
      pageLimit: 300,
    });
    expect(second.status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(truth);
  });

  it('since WB reports Russian warehouses as one total, stock moves to "Склад WB РФ" and old cells go to 0', async () => {
    const ids = await seedAccount(harness.db, "wb");
    expect((await sync(ids, REMAINS)).status).toBe("succeeded");
    harness.sim.config.set({ remainsAggregatedFrom: "2026-08-15T00:00:00+03:00" });
    expect((await sync(ids, REMAINS)).status).toBe("succeeded");
    harness.sim.config.set({ remainsAggregatedFrom: null });
    const perListing = new Map<string, number>();
    for (const [key, value] of remainsTruth()) {
      const listing = key.split("|")[0] ?? "";
      perListing.set(listing, (perListing.get(listing) ?? 0) + Number(value.split("/")[0]));
    }
    const expected = new Map(
      [...perListing].map(([listing, units]) => [`${listing}|Склад WB РФ`, `${units}/0/0`]),
    );
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(expected);
  });

  it("takes over when supplier stocks is switched off, and the run records the switch-off", async () => {
    const ids = await seedAccount(harness.db, "wb");
    const chain = [WB_SUPPLIER_STOCKS_ID, WB_WAREHOUSE_REMAINS_ID];
    expect((await sync(ids, chain)).status).toBe("succeeded");
    // Supplier stocks covers every cell (available, reserved, in transit).
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(wbStockTruth(harness.sim));
    expect(harness.sim.stats.requests("wb.remains_create")).toHaveLength(0);

    harness.sim.advance({ days: 2 });
    harness.sim.config.set({ switchOff: { "wb.stocks": "2026-06-23T00:00:00+03:00" } });
    const { runId, status } = await sync(ids, chain);
    expect(status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(remainsTruth());
    const run = await runRow(runId);
    expect(run?.issues.map((i) => `${i.code} ${i.endpoint}`)).toEqual([
      `ENDPOINT_SWITCHED_OFF ${WB_SUPPLIER_STOCKS_ID}`,
    ]);
    expect(harness.sim.stats.requests("wb.stocks").map((r) => r.status)).toContain(404);
  });

  it("a task that is not ready for several polls still completes, polls paced by the status budget", async () => {
    harness.sim.config.set({ remainsPollsUntilDone: 5 });
    const ids = await seedAccount(harness.db, "wb");
    const { runId, status } = await sync(ids, REMAINS);
    expect(status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(remainsTruth());
    const polls = harness.sim.stats.requests("wb.remains_status");
    expect(polls).toHaveLength(6);
    expect(polls.every((r) => r.status === 200)).toBe(true);
    // 1 per 5 s of vendor time (the limiter clock runs at the simulator's time scale).
    const gaps = polls.slice(1).map((r, i) => r.limiterAt - (polls[i]?.limiterAt ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5_000);
    expect((await runRow(runId))?.pages_done).toBeGreaterThanOrEqual(1);
  });
});

describe("WB warehouse-remains failures", () => {
  it("a canceled task is a clear error in the run; stock loaded before is kept, not zeroed", async () => {
    const ids = await seedAccount(harness.db, "wb");
    expect((await sync(ids, REMAINS)).status).toBe("succeeded");
    const before = await loadedStock(harness.db, ids.accountId);
    harness.sim.advance({ days: 2 });
    const { runId, status } = await syncRewriting(ids, (url, body) =>
      url.endsWith("/status") ? body.replace(/"status":"\w+"/, '"status":"canceled"') : body,
    );
    expect(status).toBe("partial");
    const run = await runRow(runId);
    expect(run?.issues).toHaveLength(1);
    expect(run?.issues[0]?.code).toBe("BAD_REQUEST");
    expect(run?.issues[0]?.endpoint).toBe(WB_WAREHOUSE_REMAINS_ID);
    expect(run?.issues[0]?.message).toMatch(/task .+ ended "canceled" before its report was downloaded/);
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(before);
  });

  it("a task that vanished (404 on status) is reported as such, not as a switched-off endpoint", async () => {
    const ids = await seedAccount(harness.db, "wb");
    // Every status call: a vanished task stays vanished (the next step asks again before giving up).
    harness.sim.faults.set([{ endpoint: "wb.remains_status", kind: "switched_off", rate: 1 }]);
    const { runId, status } = await sync(ids, REMAINS);
    expect(status).toBe("partial");
    const [issue] = (await runRow(runId))?.issues ?? [];
    expect(issue?.code).toBe("BAD_REQUEST");
    expect(issue?.message).toMatch(/task .+ was not found \(404\): it expired or was purged/);
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(new Map());
  });

  it("a download that is not JSON is a MALFORMED_RESPONSE in the run, nothing loaded", async () => {
    const ids = await seedAccount(harness.db, "wb");
    harness.sim.faults.set([{ endpoint: "wb.remains_download", kind: "non_json", rate: 1 }]);
    const { runId, status } = await sync(ids, REMAINS);
    expect(status).toBe("partial");
    const [issue] = (await runRow(runId))?.issues ?? [];
    expect(issue?.code).toBe("MALFORMED_RESPONSE");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(new Map());
  });

  it("survives 429s and 5xx on every step of the task", async () => {
    const ids = await seedAccount(harness.db, "wb");
    harness.sim.faults.set([
      { endpoint: "wb.remains_create", kind: "rate_limit", calls: [1] },
      { endpoint: "wb.remains_status", kind: "server_error", calls: [1] },
      { endpoint: "wb.remains_download", kind: "gateway_timeout_html", calls: [1] },
    ]);
    const { status } = await sync(ids, REMAINS);
    expect(status).toBe("succeeded");
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(remainsTruth());
  });

  it("damaged rows are rejected with their reasons; every other listing loads as the truth has it", async () => {
    const ids = await seedAccount(harness.db, "wb");
    harness.sim.faults.set([
      { endpoint: "wb.remains_download", kind: "malformed_rows", rate: 1, fraction: 0.1, mode: "negative" },
    ]);
    const { runId, status } = await sync(ids, REMAINS);
    expect(status).toBe("succeeded");
    const rejects = await harness.db.query<{
      row: { listing?: { externalKey: string }; nmId?: number; techSize?: string };
      reasons: string[];
    }>("select row, reasons from etl_rejects where run_id = $1", [runId]);
    expect(rejects.length).toBeGreaterThan(0);
    expect((await runRow(runId))?.failed).toBe(rejects.length);
    for (const reject of rejects)
      expect(reject.reasons.join()).toMatch(/must not be negative|expected a positive id/);
    // The fault makes a number negative as -(n) - 1: a rejected row's nmId is recovered from it.
    const rejectedKeys = new Set(
      rejects.map(
        (r) => r.row.listing?.externalKey ?? `nm:${Math.abs(r.row.nmId ?? 0) - 1}:${r.row.techSize || "0"}`,
      ),
    );
    const listingOf = (key: string) => key.split("|")[0] ?? "";
    const keep = (map: Map<string, string>) =>
      new Map([...map].filter(([key]) => !rejectedKeys.has(listingOf(key))));
    const loaded = await loadedStock(harness.db, ids.accountId);
    expect(keep(loaded)).toEqual(keep(remainsTruth()));
    expect(keep(loaded).size).toBeGreaterThan(100);
  });
});

describe("WB warehouse-remains rows", () => {
  const row = (barcode: string, quantity: number, extra: Record<string, unknown> = {}) => ({
    brand: "B",
    subjectName: "Футболки",
    vendorCode: "ART-1",
    nmId: 101,
    barcode,
    techSize: "42",
    volume: 1.2,
    warehouses: [
      { warehouseName: "Коледино", quantity },
      { warehouseName: "В пути до получателей", quantity: 3 },
    ],
    ...extra,
  });

  it("maps a row to one record per entry with the WB listing identity; quantity is available", () => {
    const [warehouse, pseudo] = readRemainsReport([row("200", 7)]);
    expect(warehouse).toEqual({
      ok: true,
      record: expect.objectContaining({
        warehouseName: "Коледино",
        available: 7,
        reserved: 0,
        inTransit: 0,
        listing: expect.objectContaining({ externalKey: "nm:101:42", article: "ART-1", barcode: "200" }),
      }),
    });
    // The pseudo entry goes to validation, which drops and counts it.
    expect(pseudo?.ok && pseudo.record.warehouseName).toBe("В пути до получателей");
  });

  it("sums the barcodes of one size per warehouse", () => {
    const outcomes = readRemainsReport([row("200", 7), row("201", 5)]);
    const koledino = outcomes.filter((o) => o.ok && o.record.warehouseName === "Коледино");
    expect(koledino.map((o) => o.ok && o.record.available)).toEqual([12]);
  });

  it("loads no partial sum: a negative count goes to validation and the cell's other barcodes are rejected", () => {
    const outcomes = readRemainsReport([row("200", 7), row("201", 5), row("202", -2)]);
    const koledino = outcomes.filter((o) =>
      o.ok
        ? o.record.warehouseName === "Коледино"
        : (o.raw as { warehouseName?: string }).warehouseName === "Коледино",
    );
    expect(koledino.map((o) => (o.ok ? o.record.available : o.reasons.join()))).toEqual([
      expect.stringMatching(/another barcode of this size at this warehouse/),
      expect.stringMatching(/another barcode of this size at this warehouse/),
      -2,
    ]);
  });

  it("rejects a row without a size or with unreadable entries, naming the field", () => {
    const [noSize] = readRemainsReport([row("200", 1, { techSize: null })]);
    expect(noSize?.ok === false && noSize.reasons.join()).toMatch(/techSize is missing/);
    const outcomes = readRemainsReport([
      row("200", 1, { warehouses: [{ warehouseName: "Коледино", quantity: "x" }] }),
    ]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.ok === false && outcomes[0].reasons.join()).toMatch(/warehouses\.0\.quantity/);
  });
});

// Syncs through the queue with the simulator misbehaving (429 bursts, 5xx, HTML gateway timeouts, malformed
// rows, rows shifting between offset pages, repeated boundary rows and cursors): every valid row ends equal to
// the truth, every rejected row is recorded with its reasons, and nothing is loaded twice.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AccountEndpoints } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import {
  db,
  expectTruthLoaded,
  loadedSales,
  loadedStock,
  runRow,
  seedSimAccount,
  simulator,
  syncThroughQueue,
  wbSalesTruth,
  wbStockTruth,
} from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

interface Reject {
  endpoint: string;
  row: Record<string, unknown> | null;
  reasons: string[];
}

async function fullSync(marketplace: "ozon" | "wb", endpoints: AccountEndpoints = {}) {
  const ids = await seedSimAccount(marketplace, endpoints);
  const runId = await syncThroughQueue(ids, "full");
  const rejects = await db().execute(
    sql`select endpoint, row, reasons from etl_rejects where run_id = ${runId}`,
  );
  return { ids, run: await runRow(runId), rejects: rejects.rows as unknown as Reject[] };
}

const without = (map: Map<string, string>, dropped: (key: string) => boolean) =>
  new Map([...map].filter(([key]) => !dropped(key)));

/** The listing a rejected WB stock row names: the rule-rejected record's key, or the damaged vendor row's. */
function wbStockKey(reject: Reject): string {
  const row = reject.row ?? {};
  const listing = row.listing as { externalKey?: string } | undefined;
  if (listing?.externalKey) return listing.externalKey;
  // The fault turns a number n into -n - 1.
  const nmId = Number(row.nmId);
  return `nm:${nmId < 0 ? -nmId - 1 : nmId}:${(row.techSize as string) || "0"}`;
}

/** The vendor id a rejected WB order names (srid is text, so the negative fault never touches it). */
const wbOrderId = (reject: Reject) => String(reject.row?.externalId ?? reject.row?.srid);

describe("WB sync under faults", () => {
  it("loads every valid row as the truth has it and records every reject with its reasons", async () => {
    await simulator("/_sim/config", {
      method: "PUT",
      body: JSON.stringify({ pageSize: { wbStocks: 60, wbOrders: 400, wbSales: 300 } }),
    });
    await simulator("/_sim/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [
          { endpoint: "wb.stocks", kind: "rate_limit", calls: [1, 2] },
          { endpoint: "wb.stocks", kind: "server_error", calls: [3] },
          { endpoint: "wb.stocks", kind: "gateway_timeout_html", calls: [5] },
          { endpoint: "wb.stocks", kind: "repeat_boundary", rate: 1, count: 3 },
          { endpoint: "wb.stocks", kind: "malformed_rows", rate: 1, fraction: 0.05, mode: "negative" },
          { endpoint: "wb.orders", kind: "rate_limit", calls: [1], form: "errors" },
          { endpoint: "wb.orders", kind: "maintenance", calls: [2] },
          { endpoint: "wb.orders", kind: "repeat_boundary", rate: 1, count: 2 },
          { endpoint: "wb.orders", kind: "malformed_rows", rate: 1, fraction: 0.05, mode: "negative" },
          { endpoint: "wb.sales", kind: "server_error", status: 502, calls: [1] },
        ],
      }),
    });
    const { ids, run, rejects } = await fullSync("wb");
    expect(run.api_failed).toBeGreaterThanOrEqual(6);
    expect(rejects.length).toBeGreaterThan(0);
    expect(run.failed).toBe(rejects.length);
    for (const reject of rejects) expect(reject.reasons.join()).toMatch(/negative|positive|wrong sign/);

    const stockRejects = new Set(rejects.filter((r) => r.endpoint.includes("stocks")).map(wbStockKey));
    const listingOf = (key: string) => key.split("|")[0] ?? "";
    const stockTruth = await wbStockTruth();
    const loaded = await loadedStock(ids.accountId);
    expect(without(loaded, (k) => stockRejects.has(listingOf(k)))).toEqual(
      without(stockTruth, (k) => stockRejects.has(listingOf(k))),
    );

    const orderRejects = new Set(rejects.filter((r) => r.endpoint.includes("orders")).map(wbOrderId));
    expect(orderRejects.size).toBeGreaterThan(0);
    const idOf = (key: string) => key.split("|")[1] ?? "";
    const salesTruth = await wbSalesTruth();
    const sales = await loadedSales(ids.accountId);
    expect(without(sales, (k) => orderRejects.has(idOf(k)))).toEqual(
      without(salesTruth, (k) => orderRejects.has(idOf(k))),
    );
  });
});

describe("Ozon sync under faults", () => {
  it("survives 429s, 5xx, shifting offset pages and repeated cursors with stock and orders equal to the truth", async () => {
    await simulator("/_sim/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [
          { endpoint: "ozon.stock_on_warehouses", kind: "rate_limit", calls: [1, 2] },
          { endpoint: "ozon.stock_on_warehouses", kind: "gateway_timeout_html", calls: [3] },
          { endpoint: "ozon.stock_on_warehouses", kind: "shift_rows", calls: [5], by: -20 },
          { endpoint: "ozon.stock_on_warehouses", kind: "shift_rows", calls: [6], by: 7 },
          { endpoint: "ozon.posting_fbo_list", kind: "server_error", calls: [1] },
          { endpoint: "ozon.posting_fbo_list", kind: "repeat_cursor", calls: [3] },
          { endpoint: "ozon.posting_fbo_list", kind: "repeat_boundary", rate: 1, count: 3 },
        ],
      }),
    });
    // Pages of 100 rows, so that the shifts land between pages.
    const { ids, run, rejects } = await fullSync("ozon", { pageLimit: 100 });
    expect(rejects).toEqual([]);
    expect(run.api_failed).toBeGreaterThanOrEqual(4);
    const stats = await simulator<{ requests: { faults: string[] }[] }>(
      "/_sim/stats?endpoint=ozon.stock_on_warehouses",
    );
    expect(stats.requests.some((r) => r.faults.includes("shift_rows"))).toBe(true);
    await expectTruthLoaded("ozon", ids.accountId);
  });
});

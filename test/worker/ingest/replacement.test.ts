// A switched-off stock endpoint replaced through the queue: an Ozon account configured with v2 and then
// /v1/analytics/stocks, v2 answering 404 "switched off". The run moves to the replacement, records the
// switch-off, ends succeeded (its source was read whole) and loads FBO stock equal to the truth.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { OZON_ANALYTICS_STOCKS_V1_ID } from "../../../cron/adapters/ozon/analytics-stocks-v1";
import { OZON_STOCK_V2_ID } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { useTestDatabase } from "../../support/worker-database";
import { db, runRow, seedSimAccount, simulator, syncThroughQueue } from "./helpers";
import { loadedOzonOf, ozonTruthOf } from "./ozon-sources";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

/** analytics/stocks reports no reserved stock: compare available and incoming supply, cells holding either. */
function withoutReserved(stock: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of stock) {
    const [available = "0", , inTransit = "0"] = value.split("/");
    if (Number(available) + Number(inTransit) > 0) out.set(key, `${available}/-/${inTransit}`);
  }
  return out;
}

const switchOffV2 = (date: string | null) =>
  simulator("/_sim/config", {
    method: "PUT",
    body: JSON.stringify({ switchOff: { "ozon.stock_on_warehouses": date } }),
  });

describe("a switched-off stock endpoint through the queue", () => {
  it("is replaced by the next adapter of its source, and the run succeeds equal to the truth", async () => {
    const ids = await seedSimAccount("ozon", {
      stock: [OZON_STOCK_V2_ID, OZON_ANALYTICS_STOCKS_V1_ID],
      sales: [],
    });
    await switchOffV2("2026-01-01T00:00:00Z");
    let runId: string;
    try {
      runId = await syncThroughQueue(ids, "full");
    } finally {
      await switchOffV2(null);
    }
    const run = await runRow(runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    const result = await db().execute(sql`select issues from etl_runs where id = ${runId}`);
    const [row] = result.rows as { issues: { code: string; endpoint: string }[] }[];
    expect((row?.issues ?? []).map((issue) => `${issue.code} ${issue.endpoint}`)).toContain(
      `ENDPOINT_SWITCHED_OFF ${OZON_STOCK_V2_ID}`,
    );
    const truth = withoutReserved(await ozonTruthOf("fbo"));
    expect(truth.size).toBeGreaterThan(20);
    expect(withoutReserved(await loadedOzonOf(ids.accountId, "fbo"))).toEqual(truth);
  });
});

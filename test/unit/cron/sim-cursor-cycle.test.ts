// A cursor feed whose vendor paging goes round in a circle (in-process driver): Ozon's product list answers the
// second page's last_id with the first page's one, again and again (A → B → A → B ...). The walk stops at the
// cursor it already read, with a PAGING note, the run ends, and the FBS source counts as incomplete: no stock
// the walk never reached is zeroed.
import { describe, expect, it } from "vitest";
import { runStockSync } from "../../../cron/engine/run-in-process";
import { seedAccount } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 5, size: 300 });
const FBS = "ozon.v2.stocks_by_warehouse_fbs";

/**
 * The simulator's fetch, with /v3/product/list answering a request for `from`'s page with `to` as its last_id
 * once both are known (the first two last_ids the list returned). Calls are capped, so a walk that follows the
 * circle fails instead of running for ever.
 */
function circlingProductList() {
  const returned: string[] = [];
  let calls = 0;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (!String(input).endsWith("/v3/product/list")) return response;
    if (++calls > 200) throw new Error("the product list was asked 200 times: the walk follows the circle");
    const sent = (JSON.parse(String(init?.body)) as { last_id: string }).last_id;
    const body = (await response.json()) as { result: { last_id: string } };
    const [first, second] = returned;
    if (first && second && sent === second) body.result.last_id = first;
    else if (body.result.last_id && !returned.includes(body.result.last_id))
      returned.push(body.result.last_id);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  }) as typeof fetch;
}

describe("a cursor feed whose paging goes round in a circle", () => {
  it("stops at the repeated cursor, notes it, and zeroes nothing", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    const sync = (fetchFn?: typeof fetch) =>
      syncAgainstSimulator(harness, runStockSync, ids, "ozon", "full", {
        pageLimit: 20,
        adapters: [FBS],
        ...(fetchFn ? { fetch: fetchFn } : {}),
      });
    expect((await sync()).status).toBe("succeeded");
    const before = await loadedStock(harness.db, ids.accountId);
    expect(before.size).toBeGreaterThan(20);

    const { runId, status } = await sync(circlingProductList());
    expect(status).toBe("succeeded");
    const [run] = await harness.db.query<{ issues: { code: string; message: string }[] }>(
      "select issues from etl_runs where id = $1",
      [runId],
    );
    const paging = (run?.issues ?? []).filter((issue) => issue.code === "PAGING").map((i) => i.message);
    expect(paging).toEqual([expect.stringMatching(/already read.*round in a circle.*not zeroed/)]);
    const [zeroed] = await harness.db.query<{ count: number }>(
      "select count(*)::int as count from inventory_audit where run_id = $1 and change_type = 'zeroed'",
      [runId],
    );
    expect(zeroed?.count).toBe(0);
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(before);
  });
});

// The request rate to each simulated endpoint stays within its documented budget while a WB and an Ozon
// account sync at the same time: the simulator's request log shows no gap shorter than the budget allows, and
// its own rate limiter never had to refuse a call.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { startRun } from "../../../worker/sync/start-run";
import { useTestDatabase } from "../../support/worker-database";
import { db, seedSimAccount, simulator, waitForRun } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

interface Logged {
  endpoint: string;
  status: number;
  limiterAt: number;
  faults: string[];
}

/** Documented budgets on the limiter's clock: at most `requests` calls in any window of `windowMs`. */
const BUDGETS: Record<string, { requests: number; windowMs: number }> = {
  "wb.stocks": { requests: 1, windowMs: 60_000 },
  "wb.orders": { requests: 1, windowMs: 60_000 },
  "wb.sales": { requests: 1, windowMs: 60_000 },
  ozon: { requests: 50, windowMs: 1_000 },
};

/** The most calls that fell into any one window of the budget's length. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe("request budgets", () => {
  it("no endpoint is called faster than its budget while two accounts sync", async () => {
    await simulator("/_sim/config", {
      method: "PUT",
      body: JSON.stringify({ pageSize: { wbStocks: 60, wbOrders: 300, wbSales: 200 } }),
    });
    await simulator("/_sim/stats", { method: "DELETE" });
    // The accounts pace for a clock 5× slower than the simulator's (rateScale 120 against its timeScale 600), so a
    // call that a loaded machine delays by up to 500 ms after its booked slot still arrives inside the budget: the
    // suite may not depend on scheduling latency. Calls that skip the gate, or a budget more than 5× too loose,
    // still show below (the simulator's limiter refuses them with a 429, and the windows overflow).
    const wb = await seedSimAccount("wb", { rateScale: 120 });
    const ozon = await seedSimAccount("ozon", { pageLimit: 50, rateScale: 120 });
    const runs = await Promise.all(
      [wb, ozon].map((ids) => startRun(env, db(), { ...ids, kind: "full", trigger: "api" })),
    );
    for (const run of runs) expect((await waitForRun(run.runId)).status).toBe("succeeded");

    const { requests } = await simulator<{ requests: Logged[] }>("/_sim/stats");
    const byBudget = new Map<string, number[]>();
    for (const request of requests) {
      const budget = request.endpoint.startsWith("ozon.") ? "ozon" : request.endpoint;
      byBudget.set(budget, [...(byBudget.get(budget) ?? []), request.limiterAt]);
    }
    for (const [name, budget] of Object.entries(BUDGETS)) {
      const times = byBudget.get(name) ?? [];
      expect(times.length, name).toBeGreaterThan(3);
      // The log's times are when the simulator judged each call's budget (on arrival, before building the page).
      const judgedMs = budget.windowMs;
      expect(busiestWindow(times, judgedMs), name).toBeLessThanOrEqual(budget.requests);
    }
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
  });
});

// An Ozon account with two stock sources (v2 FBO, v4 FBS) synced through the queue: one full run loads both
// equal to the truth; when FBO is switched off, the next full run zeroes FBS cells v4 no longer lists but keeps
// every FBO cell (its listing was not read); once FBO is back, a full run zeroes what neither source lists.

import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { OZON_PRODUCT_INFO_STOCKS_V4_ID } from "../../../cron/adapters/ozon/product-info-stocks-v4";
import { OZON_STOCK_V2_ID } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { startRun } from "../../../worker/sync/start-run";
import { useTestDatabase } from "../../support/worker-database";
import { db, runRow, simulator, syncThroughQueue, waitForRun } from "./helpers";
import {
  loadedOzonOf,
  ozonTruthOf,
  plantStaleCell,
  seedFboFbsAccount,
  withoutListings,
} from "./ozon-sources";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

/** Runs `body` while the simulator answers v2 (FBO) as switched off; switches it back on after. */
async function withFboSwitchedOff<T>(body: () => Promise<T>): Promise<T> {
  const switchOff = (date: string | null) =>
    simulator("/_sim/config", {
      method: "PUT",
      body: JSON.stringify({ switchOff: { "ozon.stock_on_warehouses": date } }),
    });
  await switchOff("2026-01-01T00:00:00Z");
  try {
    return await body();
  } finally {
    await switchOff(null);
  }
}

async function issuesOf(runId: string): Promise<string[]> {
  const result = await db().execute(sql`select issues from etl_runs where id = ${runId}`);
  const [row] = result.rows as { issues: { code: string; endpoint: string }[] }[];
  return (row?.issues ?? []).map((issue) => `${issue.code} ${issue.endpoint}`);
}

describe("every stock source of an account through the queue", () => {
  it("loads both FBO (v2) and FBS (v4) equal to the truth in one full run", async () => {
    const ids = await seedFboFbsAccount();
    const run = await runRow(await syncThroughQueue(ids, "full"));
    expect(run.status).toBe("succeeded");
    const fbo = await ozonTruthOf("fbo");
    const fbs = await ozonTruthOf("fbs");
    expect(fbo.size).toBeGreaterThan(20);
    expect(fbs.size).toBeGreaterThan(20);
    expect(await loadedOzonOf(ids.accountId, "fbo")).toEqual(fbo);
    expect(await loadedOzonOf(ids.accountId, "fbs")).toEqual(fbs);
  });

  it("zeroes only the complete source's unseen cells when the other source fails, and all once both complete", async () => {
    const ids = await seedFboFbsAccount({ sales: [] });
    await syncThroughQueue(ids, "full");
    const fboBefore = await loadedOzonOf(ids.accountId, "fbo");
    const staleFbs = await plantStaleCell(ids, "fbs", OZON_PRODUCT_INFO_STOCKS_V4_ID);
    const staleFbo = await plantStaleCell(ids, "fbo", OZON_STOCK_V2_ID);
    const stale = [staleFbs.key, staleFbo.key];
    expect(await staleFbs.available()).toBe(7);

    // The simulator's clock stays put: other files' truths depend on it. The planted cells are what the two
    // listings no longer hold; FBS must zero its own, FBO (not read) must keep everything.
    const runId = await withFboSwitchedOff(async () => {
      const outcome = await startRun(env, db(), { ...ids, kind: "full", trigger: "api" });
      await waitForRun(outcome.runId);
      return outcome.runId;
    });
    const partial = await runRow(runId);
    expect(partial.status, partial.error ?? "").toBe("partial");
    expect(await issuesOf(runId)).toContain(`ENDPOINT_SWITCHED_OFF ${OZON_STOCK_V2_ID}`);
    // FBS was read whole: it equals the truth, and the cell v4 no longer lists went to 0.
    expect(await loadedOzonOf(ids.accountId, "fbs")).toEqual(await ozonTruthOf("fbs"));
    expect(await staleFbs.available()).toBe(0);
    // FBO was not read: every FBO cell keeps the last values seen, the one no listing has either.
    expect(withoutListings(await loadedOzonOf(ids.accountId, "fbo"), stale)).toEqual(fboBefore);
    expect(await staleFbo.available()).toBe(7);

    await syncThroughQueue(ids, "full");
    expect(await loadedOzonOf(ids.accountId, "fbo")).toEqual(await ozonTruthOf("fbo"));
    expect(await loadedOzonOf(ids.accountId, "fbs")).toEqual(await ozonTruthOf("fbs"));
    expect(await staleFbo.available()).toBe(0);
  });
});

// A page whose load the database endpoint refuses as too large (Neon's 413 over 10 MiB; here the test database is
// created with a 48 KiB limit so an ordinary simulator page exceeds it) fails its run through the production
// path (the queue consumer, the account's coordinator, the Neon driver in workerd) at once, with the reason in
// the run log, and frees the account: the run never stays "running" while the page is retried.
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { startRun } from "../../../worker/sync/start-run";
import { useTestDatabase } from "../../support/worker-database";
import { db, seedSimAccount, waitForRun } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase({ maxRequestBytes: 48 * 1024 });
useExclusiveSimulator();

describe("a page the database refuses as too large", () => {
  it("fails its run through the queue with the page and the 413 named, and frees the account", async () => {
    // The stock feed alone: with the report's feed beside it, a small report page could load first and the run
    // would end "partial" (some pages loaded) instead of "failed", depending on which chain ran first.
    const ids = await seedSimAccount("ozon", { reports: [] });
    const start = await startRun(env, db(), { ...ids, kind: "full", trigger: "api" });
    expect(start.started).toBe(true);
    const run = await waitForRun(start.runId);
    expect([run.status, run.pages_done]).toEqual(["failed", 0]);
    expect(String(run.error)).toMatch(
      /Page 0 of ozon\.v2\.stock_on_warehouses can never load: .*413.*too large/,
    );
    const running = await db().execute(
      sql`select count(*)::int as n from etl_runs where account_id = ${ids.accountId} and status = 'running'`,
    );
    expect((running.rows[0] as { n: number }).n).toBe(0);
    expect((await coordinatorFor(env, ids.accountId).status()).active).toBeNull();
  });
});

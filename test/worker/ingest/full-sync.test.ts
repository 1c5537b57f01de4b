// A full Ozon sync through the real queue, coordinator and Neon driver in workerd against the simulator: ten
// concurrent triggers start exactly one run, and the run leaves stock and orders equal to the truth.
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startRun } from "../../../worker/sync/start-run";
import { useTestDatabase } from "../../support/worker-database";
import { db, expectTruthLoaded, seedSimAccount, waitForRun } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

describe("a full sync through the queue", () => {
  it("ten concurrent triggers start one run, which ends equal to the simulator's truth", async () => {
    const ids = await seedSimAccount("ozon");
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => startRun(env, db(), { ...ids, kind: "full", trigger: "api" })),
    );
    const started = outcomes.filter((o) => o.started);
    expect(started).toHaveLength(1);
    const runId = started[0]?.runId ?? "";
    const run = await waitForRun(runId);
    expect(run.status).toBe("succeeded");
    const refused = await db().execute(
      sql`select count(*)::int as n from etl_runs where account_id = ${ids.accountId} and status = 'refused'`,
    );
    expect((refused.rows[0] as { n: number }).n).toBe(9);
    await expectTruthLoaded("ozon", ids.accountId);
  });
});

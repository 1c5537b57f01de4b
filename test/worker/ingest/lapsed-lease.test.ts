// No run stays "running" past its lease. A run whose consumer died is reported stuck by /api/health once its
// lease is over, and the health-check cron ends it (failed, with the reason): health is ok again and the run is
// listed as its organization's failed run; so is a run the
// run log calls running that the account's coordinator holds no lease for. The clock is the cron's scheduled
// time: nothing waits for the lease to run out.
import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { etlRuns } from "../../../db/schema";
import type { HealthReport } from "../../../worker/routes/health";
import { checkHealth } from "../../../worker/routes/health";
import { handleScheduled, LAST_HEALTH_KEY } from "../../../worker/scheduled";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { DEFAULT_LEASE_MS } from "../../../worker/sync/lease";
import { useTestDatabase } from "../../support/worker-database";
import { deliver, startHeldRun } from "./hand-queue";
import { db, runRow, seedSimAccount } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

const HEALTH_CRON = "*/15 * * * *";

async function healthCron(scheduledTime: number): Promise<HealthReport> {
  const ctx = createExecutionContext();
  await handleScheduled(createScheduledController({ cron: HEALTH_CRON, scheduledTime }), env, ctx);
  await waitOnExecutionContext(ctx);
  const stored = await env.API_CACHE.get(LAST_HEALTH_KEY);
  if (!stored) throw new Error("the health check stored no report");
  return JSON.parse(stored) as HealthReport;
}

async function getHealth(): Promise<{ status: number; body: HealthReport }> {
  const response = await SELF.fetch("http://edge.test/api/health", {
    headers: { "CF-Connecting-IP": "10.9.0.1" },
  });
  return { status: response.status, body: await response.json() };
}

describe("a run past its lease", () => {
  it("is reported stuck, then ended failed by the health-check cron and reported failed", async () => {
    const ids = await seedSimAccount("wb");
    const start = await startHeldRun(ids, "full");
    const [firstPage] = (await deliver(start)).sent;
    if (!firstPage) throw new Error("the start step sent no page");
    await deliver(firstPage.body);
    // The consumer died here: nobody renews the lease.
    const live = await getHealth();
    expect(live.status).toBe(200);
    expect(live.body.checks.runs?.ok).toBe(true);

    const afterLease = Date.now() + DEFAULT_LEASE_MS + 60_000;
    const stuck = await checkHealth({
      database: db,
      cache: env.API_CACHE,
      version: "test",
      nowMs: afterLease,
    });
    expect(stuck.failing).toEqual(["runs"]);
    expect(stuck.checks.runs?.error).toContain(`run ${start.runId} of account ${ids.accountId} is stuck`);

    const report = await healthCron(afterLease);
    const ended = await runRow(start.runId);
    expect(ended.status).toBe("failed");
    expect(ended.error).toMatch(/stopped renewing its lease/);
    expect(ended.pages_done).toBe(1);
    expect((await coordinatorFor(env, ids.accountId).status()).active).toBeNull();
    // Ended, the run no longer holds the service back; its organization sees why it failed.
    expect(report.checks.runs?.error ?? "").not.toContain(start.runId);
    const { body } = await getHealth();
    expect(body.checks.runs?.error ?? "").not.toContain(start.runId);
    const mine = await checkHealth({
      database: db,
      cache: env.API_CACHE,
      version: "test",
      viewer: { kind: "organization", orgId: ids.orgId },
    });
    expect(mine.failedRuns).toEqual([
      {
        accountId: ids.accountId,
        runId: start.runId,
        error: expect.stringMatching(/stopped renewing its lease/),
      },
    ]);
  });

  it("is left alone by the cron while its lease holds", async () => {
    const ids = await seedSimAccount("wb");
    const start = await startHeldRun(ids, "full");
    await deliver(start);
    const report = await healthCron(Date.now());
    expect((await runRow(start.runId)).status).toBe("running");
    // Runs of the other tests in this file may fail the check; this one is not named in it.
    expect(report.checks.runs?.error ?? "").not.toContain(start.runId);
  });

  it("that its coordinator holds no lease for is ended by the cron", async () => {
    const ids = await seedSimAccount("wb");
    const runId = crypto.randomUUID();
    await db()
      .insert(etlRuns)
      .values({ id: runId, ...ids, kind: "full", trigger: "cron" });
    await healthCron(Date.now());
    const ended = await runRow(runId);
    expect(ended.status).toBe("failed");
    expect(ended.error).toMatch(/coordinator holds no lease/);
  });
});

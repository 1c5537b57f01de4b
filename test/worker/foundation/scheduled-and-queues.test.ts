// Cron Triggers and the queues through the Worker's own handlers: the health cron records its report in
// KV, a sync cron starts one run per account (their starts queued in one batch) and records refusals, malformed queue messages are
// dropped, and a dead-lettered page fails its run, forgets the cells its pages saw and frees the account's
// coordinator.
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { IngestMessage } from "../../../cron/messages";
import { jobForCron } from "../../../cron/schedule";
import { etlPages, etlRuns, marketplaceAccounts } from "../../../db/schema";
import { databaseFromEnv } from "../../../worker/db";
import worker from "../../../worker/index";
import { DEAD_LETTER_QUEUE_NAME, INGEST_QUEUE_NAME } from "../../../worker/queue";
import { LAST_HEALTH_KEY } from "../../../worker/scheduled";
import { startRunsForEnabledAccounts } from "../../../worker/sync/start-run";
import { useTestDatabase } from "../../support/worker-database";
import { seedAccount } from "./seed";

useTestDatabase();

async function fireCron(cron: string): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron, scheduledTime: Date.UTC(2026, 10, 22, 3) }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe("Cron Triggers", () => {
  it("maps every cron in wrangler.toml to a job", () => {
    expect(jobForCron("0 3,15 * * *")).toBe("full-sync");
    expect(jobForCron("0 */2 * * *")).toBe("incremental-sync");
    expect(jobForCron("*/15 * * * *")).toBe("health-check");
  });

  it("the health cron stores its report in KV", async () => {
    await fireCron("*/15 * * * *");
    const stored = JSON.parse((await env.API_CACHE.get(LAST_HEALTH_KEY)) ?? "null");
    expect(stored).toMatchObject({ status: "ok", at: "2026-11-22T03:00:00.000Z" });
  });

  it("a full-sync cron starts one run per enabled account and records a refusal for an overlap", async () => {
    const { accountId } = await seedAccount("cron-org");
    await fireCron("0 3,15 * * *");
    await fireCron("0 3,15 * * *");
    const runs = await databaseFromEnv(env).select().from(etlRuns).where(eq(etlRuns.accountId, accountId));
    // The granted run may already have moved on (its start message is consumed right away).
    const refused = runs.filter((run) => run.status === "refused");
    const granted = runs.filter((run) => run.status !== "refused");
    expect(refused).toHaveLength(1);
    expect(refused[0]?.error).toContain(granted[0]?.id ?? "missing");
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ kind: "full", trigger: "cron" });
  });
});

describe("starting every account's run", () => {
  it("queues the accounts' starts in one batch, so the queue delivers them side by side", async () => {
    const { orgId, accountId } = await seedAccount("batch-org");
    const db = databaseFromEnv(env);
    const [second] = await db
      .insert(marketplaceAccounts)
      .values({ orgId, marketplace: "wb", name: "batch-org wb", credentialsEncrypted: "v1.test.test" })
      .returning({ id: marketplaceAccounts.id });
    if (!second) throw new Error("account not created");
    // What reaches the queue: each call's messages (a send is a batch of one).
    const calls: IngestMessage[][] = [];
    const queue = {
      send: async (body: IngestMessage) => void calls.push([body]),
      sendBatch: async (batch: { body: IngestMessage }[]) => void calls.push(batch.map((m) => m.body)),
    };
    const outcomes = await startRunsForEnabledAccounts(
      { ...env, INGEST_QUEUE: queue as unknown as Env["INGEST_QUEUE"] },
      db,
      "full",
      "cron",
      orgId,
    );
    expect(outcomes.map((o) => o.started)).toEqual([true, true]);
    const runIds = outcomes.map((o) => o.runId).sort();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.map((m) => m.runId).sort()).toEqual(runIds);
    expect(calls[0]?.map((m) => [m.type, m.accountId]).sort()).toEqual(
      [
        ["start", accountId],
        ["start", second.id],
      ].sort(),
    );
    // The runs are recorded as running, each waiting for its start.
    const runs = await db.select().from(etlRuns).where(eq(etlRuns.orgId, orgId));
    expect(runs.map((run) => run.status)).toEqual(["running", "running"]);
  });
});

describe("queues", () => {
  it("drops a malformed ingest message instead of retrying it", async () => {
    const batch = createMessageBatch(INGEST_QUEUE_NAME, [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { type: "page", runId: "not-a-uuid" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m1"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("a dead-lettered page marks its run failed with the reason, forgets its seen cells and frees the coordinator", async () => {
    const { orgId, accountId } = await seedAccount("dlq-org");
    const stub = env.SYNC_COORDINATOR.get(env.SYNC_COORDINATOR.idFromName(accountId));
    const grant = await stub.requestRun({ kind: "full", trigger: "api" });
    if (!grant.started) throw new Error("run refused");
    const db = databaseFromEnv(env);
    await db.insert(etlRuns).values({ id: grant.runId, orgId, accountId, kind: "full", trigger: "api" });
    // A page loaded before the failure left the cells it saw for a finalize that will never come.
    await db.insert(etlPages).values({
      runId: grant.runId,
      pageKey: "ozon.v2.stock_on_warehouses#0",
      rows: 2,
      seenListingIds: [1, 2],
      seenWarehouseIds: [3, 4],
    });

    const body = {
      type: "page",
      runId: grant.runId,
      accountId,
      kind: "full",
      endpoint: "ozon.v2.stock_on_warehouses",
      cursor: { offset: 0 },
      page: 0,
    };
    const batch = createMessageBatch(DEAD_LETTER_QUEUE_NAME, [
      { id: "d1", timestamp: new Date(), attempts: 1, body },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["d1"]);

    const [run] = await db.select().from(etlRuns).where(eq(etlRuns.id, grant.runId));
    expect(run?.status).toBe("failed");
    expect(run?.error).toContain("page 0 of ozon.v2.stock_on_warehouses");
    expect(run?.finishedAt).not.toBeNull();
    expect((await stub.status()).active).toBeNull();
    const pages = await db.select().from(etlPages).where(eq(etlPages.runId, grant.runId));
    expect(pages).toEqual([
      expect.objectContaining({ rows: 2, seenListingIds: null, seenWarehouseIds: null }),
    ]);
  });
});

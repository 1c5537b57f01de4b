// The Worker's background entry points read the parsed configuration (worker/config.ts) too: a cron
// invocation and a queue batch under a bad configuration fail with a message naming the variable, and
// the batch's messages are retried rather than acknowledged and lost.
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../worker/index";
import { INGEST_QUEUE_NAME } from "../../../worker/queue";
import { useTestDatabase } from "../../support/worker-database";

useTestDatabase();

describe("background work under a bad configuration", () => {
  it("a cron invocation fails naming the variable", async () => {
    const broken = { ...env, DATABASE_URL: "mysql://db.example/app" } as Env;
    for (const cron of ["*/15 * * * *", "0 */2 * * *"]) {
      const invocation = worker.scheduled(
        createScheduledController({ cron, scheduledTime: Date.UTC(2026, 10, 22, 3) }),
        broken,
        createExecutionContext(),
      );
      await expect(invocation).rejects.toThrow(/DATABASE_URL: must start with postgresql:\/\//);
    }
  });

  it("a queue batch fails naming the variable, and no message is acknowledged", async () => {
    const broken = { ...env, CREDENTIALS_KEY: "not-a-key" } as Env;
    const batch = createMessageBatch(INGEST_QUEUE_NAME, [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { kind: "start", runId: crypto.randomUUID() } },
    ]);
    const ctx = createExecutionContext();
    await expect(worker.queue(batch, broken, ctx)).rejects.toThrow(
      /CREDENTIALS_KEY: must be base64 of 32 bytes/,
    );
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
  });
});

// A page that fails on every delivery ends its run with the reason an operator can act on: each failed attempt
// is kept on the run, and when the dead-letter queue gives up, the run's error (what the CLI, the runs API and
// the dashboard show) names the page and the last attempt's failure; the account's coordinator is free again.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { IngestMessage } from "../../../cron/messages";
import worker from "../../../worker/index";
import { DEAD_LETTER_QUEUE_NAME } from "../../../worker/queue";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { useTestDatabase } from "../../support/worker-database";
import { deliver, startHeldRun } from "./hand-queue";
import { db, seedSimAccount } from "./helpers";

useTestDatabase();

describe("a page that can never load", () => {
  it("fails its run with the page and the last attempt's failure as the reason", async () => {
    const ids = await seedSimAccount("ozon");
    const start = await startHeldRun(ids, "full");
    // An adapter this deployment does not have (a message from a newer version): every attempt throws.
    const page: IngestMessage = {
      type: "page",
      runId: start.runId,
      accountId: ids.accountId,
      kind: "full",
      endpoint: "ozon.v9.stock_gone",
      cursor: { offset: 0 },
      page: 0,
      deferrals: 0,
      listingIncomplete: false,
      joinKeys: [],
      walk: 0,
      completeSources: [],
      zeroEndpoints: [],
    };
    expect((await deliver(page)).retried).toBe(true);
    expect((await deliver(page)).retried).toBe(true);

    const batch = createMessageBatch(DEAD_LETTER_QUEUE_NAME, [
      { id: "dead-1", timestamp: new Date(), attempts: 1, body: page },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["dead-1"]);

    const result = await db().execute(
      sql`select status, error, finished_at from etl_runs where id = ${start.runId}`,
    );
    const run = result.rows[0] as { status: string; error: string; finished_at: string | null };
    expect(run.status).toBe("failed");
    expect(run.finished_at).not.toBeNull();
    expect(run.error).toMatch(
      /^Gave up on page 0 of ozon\.v9\.stock_gone after every retry .*; the last attempt failed: No stock adapter "ozon\.v9\.stock_gone"/,
    );
    expect((await coordinatorFor(env, ids.accountId).status()).active).toBeNull();
  });
});

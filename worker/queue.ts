// Queue consumers: the ingest queue moves runs forward one page per message; the dead-letter queue
// receives pages that failed every retry and marks their run failed with the reason.
import { eq } from "drizzle-orm";
import { forgetSeenCells } from "../cron/load/finalize-run";
import { IngestMessage } from "../cron/messages";
import { etlRuns } from "../db/schema";
import { databaseFromEnv } from "./db";
import { coordinatorFor } from "./sync/coordinator";
import { processIngestMessage } from "./sync/ingest-step";

export const INGEST_QUEUE_NAME = "mi-core-ingest";
export const DEAD_LETTER_QUEUE_NAME = "mi-core-ingest-dlq";

export async function handleQueueBatch(batch: MessageBatch, env: Env, _ctx: ExecutionContext): Promise<void> {
  const deadLetters = batch.queue === DEAD_LETTER_QUEUE_NAME;
  for (const message of batch.messages) {
    const parsed = IngestMessage.safeParse(message.body);
    if (!parsed.success) {
      // Retrying cannot fix a malformed message: log it and drop it.
      console.error(
        JSON.stringify({
          level: "error",
          queue: batch.queue,
          id: message.id,
          error: "malformed message",
          issues: parsed.error.issues,
        }),
      );
      message.ack();
      continue;
    }
    try {
      if (deadLetters) await markRunDeadLettered(env, parsed.data, message.attempts);
      else await processIngestMessage(env, parsed.data);
      message.ack();
    } catch (error) {
      console.error(
        JSON.stringify({
          level: "error",
          queue: batch.queue,
          id: message.id,
          attempts: message.attempts,
          error: String(error),
        }),
      );
      message.retry();
    }
  }
}

async function markRunDeadLettered(env: Env, message: IngestMessage, attempts: number): Promise<void> {
  const db = databaseFromEnv(env);
  const where =
    message.type === "page"
      ? `page ${message.page} of ${message.endpoint}`
      : message.type === "start"
        ? "the run's start"
        : "the run's finish";
  const reason = `Gave up on ${where} after every retry (dead-letter delivery ${attempts})`;
  const [run] = await db
    .select({ pagesDone: etlRuns.pagesDone, status: etlRuns.status })
    .from(etlRuns)
    .where(eq(etlRuns.id, message.runId));
  if (!run) return;
  const status = run.pagesDone > 0 ? "partial" : "failed";
  if (run.status === "running") {
    await db.batch([
      db
        .update(etlRuns)
        .set({ status, error: reason, finishedAt: new Date() })
        .where(eq(etlRuns.id, message.runId)),
      db.execute(forgetSeenCells(message.runId)),
    ]);
  }
  await coordinatorFor(env, message.accountId).finishRun(message.runId, status);
}

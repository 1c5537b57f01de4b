// Queue consumers, the engine's production driver: the ingest queue moves runs forward one page per message
// (cron/engine), the dead-letter queue receives pages that failed every retry and the engine ends their run.
// A bad configuration fails the whole batch (retried) with a log line naming the variable.
import { abandonRun, deadLetterReason, recordStepFailure } from "../cron/engine/abandon-run";
import { processIngestMessage } from "../cron/engine/ingest-step";
import type { EnginePorts } from "../cron/engine/ports";
import { IngestMessage } from "../cron/messages";
import { ConfigError, configFromEnv } from "./config";
import { queuePorts } from "./sync/queue-ports";

export const INGEST_QUEUE_NAME = "mi-core-ingest";
export const DEAD_LETTER_QUEUE_NAME = "mi-core-ingest-dlq";

export async function handleQueueBatch(batch: MessageBatch, env: Env, _ctx: ExecutionContext): Promise<void> {
  const deadLetters = batch.queue === DEAD_LETTER_QUEUE_NAME;
  let config: ReturnType<typeof configFromEnv>;
  try {
    config = configFromEnv(env);
  } catch (error) {
    // No message can be processed, and none is lost: the batch is retried after the fix is deployed.
    if (error instanceof ConfigError)
      console.error(JSON.stringify({ level: "error", queue: batch.queue, error: error.message }));
    throw error;
  }
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
    let ports: EnginePorts | null = null;
    try {
      ports = queuePorts(env, config, parsed.data.accountId);
      if (deadLetters) await abandonRun(ports, parsed.data, deadLetterReason(parsed.data, message.attempts));
      else await processIngestMessage(ports, parsed.data);
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
      // The run's end names this failure if every retry fails too (best effort: the database may be the cause).
      if (!deadLetters && ports) await recordStepFailure(ports, parsed.data, error).catch(() => undefined);
      message.retry();
    }
  }
}

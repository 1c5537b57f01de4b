// Queue consumers, the engine's production driver: the ingest queue moves runs forward (cron/engine: a delivery
// runs a run's steps while its budget lasts, then queues the rest), the dead-letter queue receives messages that
// failed every retry and the engine ends their run (and records the dead letter: the dead_letter alert). The
// messages of a batch run side by side: different runs' (each account's vendors and coordinator are its own) and
// one run's feeds (cron/engine/run-feeds.ts), which its coordinator's request budget paces.
// A bad configuration fails the whole batch (retried) with a log line naming the variable.
import { abandonRun, deadLetterReason, recordStepFailure } from "../cron/engine/abandon-run";
import { processIngestMessage } from "../cron/engine/ingest-step";
import type { EnginePorts } from "../cron/engine/ports";
import { IngestMessage } from "../cron/messages";
import { recordIngestDeadLetter } from "./alerts/dead-letters";
import { type Config, ConfigError, configFromEnv } from "./config";
import { announceProgress } from "./sync/progress";
import { queuePorts } from "./sync/queue-ports";

export const INGEST_QUEUE_NAME = "mi-core-ingest";
export const DEAD_LETTER_QUEUE_NAME = "mi-core-ingest-dlq";

export async function handleQueueBatch(batch: MessageBatch, env: Env, _ctx: ExecutionContext): Promise<void> {
  let config: Config;
  try {
    config = configFromEnv(env);
  } catch (error) {
    // No message can be processed, and none is lost: the batch is retried after the fix is deployed.
    if (error instanceof ConfigError)
      console.error(JSON.stringify({ level: "error", queue: batch.queue, error: error.message }));
    throw error;
  }
  const bodies: { message: Message; body: IngestMessage }[] = [];
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
    bodies.push({ message, body: parsed.data });
  }
  // Every message of the batch side by side, a run's own too: they are its feeds' chains (or a redelivered
  // twin, which its page's claim and hand-on stop).
  await Promise.all(
    bodies.map(({ message, body }) => handleMessage(batch.queue, message, body, env, config)),
  );
}

async function handleMessage(
  queue: string,
  message: Message,
  body: IngestMessage,
  env: Env,
  config: Config,
): Promise<void> {
  const deadLetters = queue === DEAD_LETTER_QUEUE_NAME;
  let ports: EnginePorts | null = null;
  try {
    ports = queuePorts(env, config, body.accountId);
    if (deadLetters) {
      const reason = deadLetterReason(body, message.attempts);
      await abandonRun(ports, body, reason);
      await recordIngestDeadLetter(
        ports.run,
        (bodies) => env.ALERTS_QUEUE.sendBatch(bodies.map((b) => ({ body: b }))),
        { id: message.id, body },
        reason,
      );
    } else await processIngestMessage(ports, body);
    message.ack();
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        queue,
        id: message.id,
        attempts: message.attempts,
        error: String(error),
      }),
    );
    // The run's end names this failure if every retry fails too (best effort: the database may be the cause).
    if (!deadLetters && ports) await recordStepFailure(ports, body, error).catch(() => undefined);
    if (!deadLetters) await announceProgress(env, body.accountId);
    message.retry();
  }
}

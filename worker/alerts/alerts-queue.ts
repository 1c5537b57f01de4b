// The Worker's consumer of the alerts queue and its dead-letter queue: parses each message and hands it to
// deliverAlert with the parsed config's bot and database. A malformed message is logged and dropped.
import { z } from "zod";
import { batchRunner } from "../../cron/load/statement-runner";
import { configFromEnv } from "../config";
import { databaseFor } from "../db";
import { deliverAlert } from "./deliver";
import type { AlertMessage } from "./evaluate-run";

export const ALERTS_QUEUE_NAME = "mi-core-alerts";
export const ALERTS_DEAD_LETTER_QUEUE_NAME = "mi-core-alerts-dlq";

const AlertMessageSchema = z.object({ deliveryId: z.uuid() });

export function isAlertsQueue(queue: string): boolean {
  return queue === ALERTS_QUEUE_NAME || queue === ALERTS_DEAD_LETTER_QUEUE_NAME;
}

export async function handleAlertBatch(batch: MessageBatch, env: Env): Promise<void> {
  const config = configFromEnv(env);
  const run = batchRunner(databaseFor(config));
  const deadLetters = batch.queue === ALERTS_DEAD_LETTER_QUEUE_NAME;
  for (const message of batch.messages) {
    const parsed = AlertMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      console.error(
        JSON.stringify({ level: "error", queue: batch.queue, id: message.id, error: "malformed message" }),
      );
      message.ack();
      continue;
    }
    try {
      await deliverAlert(
        {
          run,
          telegram: config.telegram,
          requeue: async (body, delaySeconds) => {
            await env.ALERTS_QUEUE.send(body, { delaySeconds });
          },
          nowMs: () => Date.now(),
          allowLocalWebhooks: config.simulatorUrl !== undefined,
        },
        message as Message<AlertMessage>,
        deadLetters,
      );
    } catch (error) {
      // The database or the queue failed us, not the channel: try again later.
      console.error(
        JSON.stringify({ level: "error", queue: batch.queue, id: message.id, error: String(error) }),
      );
      message.retry({ delaySeconds: 30 });
    }
  }
}

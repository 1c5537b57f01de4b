// An admin's test of a channel: a "test" delivery logged like any alert and sent by the alerts consumer's own
// code (deliverAlert) at once, so the admin reads the outcome in the answer; a retry the consumer asks for goes
// on the real alerts queue with its delay, as it would for a rule's message.
import type { StatementRunner } from "../../cron/load/statement-runner";
import type { Database } from "../../db/client";
import { deliveryOutcome, insertTestDelivery } from "../../db/queries/alert-admin";
import type { DeliveryStatus } from "../../db/schema/alerts";
import { deliverAlert } from "./deliver";
import type { AlertMessage } from "./evaluate-run";
import type { TelegramBot } from "./telegram";

export interface TestSendServices {
  db: Database;
  run: StatementRunner;
  telegram: TelegramBot | null;
  queue: Queue;
  nowMs(): number;
  allowLocalWebhooks: boolean;
}

export async function sendTestAlert(
  services: TestSendServices,
  orgId: string,
  channelId: string,
): Promise<{ deliveryId: string; status: DeliveryStatus; reason: string | null }> {
  const deliveryId = await insertTestDelivery(services.db, orgId, channelId);
  const body: AlertMessage = { deliveryId };
  let retryDelaySeconds: number | null = null;
  const message = {
    id: crypto.randomUUID(),
    timestamp: new Date(services.nowMs()),
    body,
    attempts: 1,
    ack() {},
    retry(options?: QueueRetryOptions) {
      retryDelaySeconds = options?.delaySeconds ?? 0;
    },
  } as Message<AlertMessage>;
  await deliverAlert(
    {
      run: services.run,
      telegram: services.telegram,
      requeue: async (again, delaySeconds) => {
        await services.queue.send(again, { delaySeconds });
      },
      nowMs: services.nowMs,
      allowLocalWebhooks: services.allowLocalWebhooks,
    },
    message,
    false,
  );
  if (retryDelaySeconds !== null) await services.queue.send(body, { delaySeconds: retryDelaySeconds });
  const outcome = await deliveryOutcome(services.db, deliveryId);
  return { deliveryId, status: outcome?.status ?? "queued", reason: outcome?.reason ?? null };
}

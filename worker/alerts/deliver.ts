// The alerts queue's consumer: sends one delivery to its channel in the organization's language, logs the
// outcome, and leaves retries to the queue: after Telegram's retry_after, with backoff after a fault, never
// after a refusal (dead at once). The dead-letter consumer marks what failed every retry dead. Quiet hours
// hold a message back (sent again with a delay, which uses none of its retries). A dead letter also raises the
// dead_letter alert (dead-letters.ts).
import type { StatementRunner } from "../../cron/load/statement-runner";
import {
  deliveryDeadSql,
  deliveryFailedSql,
  deliverySentSql,
  deliveryToSendSql,
} from "../../db/queries/alerts";
import type { AlertLanguage } from "../../db/schema/alerts";
import { recordAlertDeadLetter } from "./dead-letters";
import type { AlertMessage } from "./evaluate-run";
import type { AlertPayload } from "./payload";
import { quietSecondsLeft } from "./quiet-hours";
import { backoffSeconds, type SendOutcome } from "./send-outcome";
import type { TelegramBot } from "./telegram";
import { sendTelegramMessage } from "./telegram";
import { alertText } from "./texts";
import { postWebhook } from "./webhook";
import { webhookUrlProblem } from "./webhook-target";

/** Cloudflare Queues delays a message by at most 12 hours. */
const MAX_DELAY_SECONDS = 43_200;

export interface DeliveryServices {
  run: StatementRunner;
  telegram: TelegramBot | null;
  /** Puts the message back on the queue with a delay (quiet hours). */
  requeue(message: AlertMessage, delaySeconds: number): Promise<void>;
  nowMs(): number;
  /** Plain http to this machine is a valid webhook (the Worker runs locally: tests, `npm run dev`). */
  allowLocalWebhooks: boolean;
}

export async function deliverAlert(
  services: DeliveryServices,
  message: Message<AlertMessage>,
  deadLetters: boolean,
): Promise<void> {
  const { deliveryId } = message.body;
  const { run } = services;
  if (deadLetters) {
    await run([deliveryDeadSql(deliveryId, message.attempts)]);
    await recordAlertDeadLetter(
      run,
      (bodies) => Promise.all(bodies.map((b) => services.requeue(b, 0))),
      message,
    );
    message.ack();
    return;
  }
  const [rows = []] = await run([deliveryToSendSql(deliveryId)]);
  const row = rows[0];
  if (!row || row.status === "sent" || row.status === "dead") {
    message.ack();
    return;
  }
  const channelId = String(row.channel_id);
  const quiet = quietSecondsLeft(services.nowMs(), {
    timeZone: String(row.time_zone),
    startHour: row.quiet_start_hour === null ? null : Number(row.quiet_start_hour),
    endHour: row.quiet_end_hour === null ? null : Number(row.quiet_end_hour),
  });
  // An admin's test (POST /api/alerts/channels/{id}/test) is answered now: quiet hours hold alerts only.
  if (quiet > 0 && row.rule !== "test") {
    await services.requeue(message.body, Math.min(quiet, MAX_DELAY_SECONDS));
    message.ack();
    return;
  }
  const payload = (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as AlertPayload;
  const text = alertText(payload, String(row.language) as AlertLanguage);
  const outcome = await send(services, row, { id: deliveryId, rule: String(row.rule), text, payload });
  switch (outcome.kind) {
    case "sent":
      await run(deliverySentSql(deliveryId, channelId));
      message.ack();
      return;
    case "retry-after":
      await run(deliveryFailedSql(deliveryId, channelId, outcome.reason, false, false));
      message.retry({ delaySeconds: Math.min(outcome.retryAfterSeconds, MAX_DELAY_SECONDS) });
      return;
    case "transient":
      await run(deliveryFailedSql(deliveryId, channelId, outcome.reason, false, true));
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      return;
    case "permanent":
      await run(deliveryFailedSql(deliveryId, channelId, outcome.reason, true, true));
      message.ack();
      return;
  }
}

async function send(
  services: DeliveryServices,
  row: Record<string, unknown>,
  body: { id: string; rule: string; text: string; payload: AlertPayload },
): Promise<SendOutcome> {
  if (row.enabled === false || row.enabled === "f") return { kind: "permanent", reason: "channel disabled" };
  if (row.kind === "telegram") {
    if (!services.telegram) return { kind: "permanent", reason: "TELEGRAM_BOT_TOKEN is not configured" };
    if (row.telegram_chat_id === null) return { kind: "permanent", reason: "no Telegram chat linked" };
    return sendTelegramMessage(services.telegram, String(row.telegram_chat_id), body.text);
  }
  if (row.webhook_url === null || row.webhook_secret === null)
    return { kind: "permanent", reason: "no webhook URL set" };
  // Saved URLs were checked, but the rule may have tightened since: never POST where it now forbids.
  const refused = webhookUrlProblem(String(row.webhook_url), services.allowLocalWebhooks);
  if (refused !== null) return { kind: "permanent", reason: `webhook refused: ${refused}` };
  return postWebhook(
    { url: String(row.webhook_url), secret: String(row.webhook_secret) },
    body,
    services.nowMs(),
  );
}

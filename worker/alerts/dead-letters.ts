// The dead_letter rule: what lands in the ingest or the alerts dead-letter queue is recorded (once per message) by
// that queue's consumer, which then queues the alert when the record opened its organization's episode. The alert
// about an alert that died skips the channel it died on (an organization with no other channel sees the failing
// channel in the dashboard instead); an alert about dead letters that dies in turn is recorded under the episode
// already open, so it never alerts again. Handling closes the episode (db/queries/dead-letters.ts).
import { sql } from "drizzle-orm";
import type { StatementRunner } from "../../cron/load/statement-runner";
import type { IngestMessage } from "../../cron/messages";
import { recordDeadLetterSql } from "../../db/queries/dead-letters";
import type { AlertMessage } from "./evaluate-run";

async function record(
  run: StatementRunner,
  send: (messages: AlertMessage[]) => Promise<unknown>,
  statement: ReturnType<typeof recordDeadLetterSql>,
): Promise<void> {
  const [queued = []] = await run([statement]);
  if (queued.length > 0) await send(queued.map((q) => ({ deliveryId: String(q.id) })));
}

/** A run's step that failed every retry (after the engine abandoned its run). */
export async function recordIngestDeadLetter(
  run: StatementRunner,
  send: (messages: AlertMessage[]) => Promise<unknown>,
  message: { id: string; body: IngestMessage },
  reason: string,
): Promise<void> {
  const accountId = message.body.accountId;
  await record(
    run,
    send,
    recordDeadLetterSql({
      queue: "ingest",
      messageId: message.id,
      orgId: sql`select org_id from marketplace_accounts where id = ${accountId}`,
      subject: sql`${accountId}::text`,
      about: sql`(select name from marketplace_accounts where id = ${accountId})`,
      reason: sql`${reason}::text`,
      body: message.body,
      eventId: crypto.randomUUID(),
    }),
  );
}

/** An alert delivery that failed every retry (after the consumer marked it dead). */
export async function recordAlertDeadLetter(
  run: StatementRunner,
  send: (messages: AlertMessage[]) => Promise<unknown>,
  message: { id: string; body: AlertMessage },
): Promise<void> {
  const { deliveryId } = message.body;
  await record(
    run,
    send,
    recordDeadLetterSql({
      queue: "alerts",
      messageId: message.id,
      orgId: sql`select org_id from alert_deliveries where id = ${deliveryId}`,
      subject: sql`(select channel_id::text from alert_deliveries where id = ${deliveryId})`,
      about: sql`(select c.kind from alert_deliveries d join alert_channels c on c.id = d.channel_id
        where d.id = ${deliveryId})`,
      reason: sql`(select reason from alert_deliveries where id = ${deliveryId})`,
      body: message.body,
      eventId: crypto.randomUUID(),
    }),
  );
}

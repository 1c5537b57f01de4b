// The dead_letter rule through the real queue consumers, alerts queue and stand-ins: a message landing in the ingest
// or the alerts dead-letter queue is recorded once and alerts once per episode; the episode closes when what
// failed works again (the account's next successful run, the channel's next sent message) and a new letter
// alerts again. An alert that died on a channel is told through the organization's other channels only.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { IngestMessage } from "../../../cron/messages";
import { alertChannels, alertDeliveries } from "../../../db/schema";
import { ALERTS_DEAD_LETTER_QUEUE_NAME, handleAlertBatch } from "../../../worker/alerts/alerts-queue";
import type { AlertMessage } from "../../../worker/alerts/evaluate-run";
import { DEAD_LETTER_QUEUE_NAME, handleQueueBatch } from "../../../worker/queue";
import { useTestDatabase } from "../../support/worker-database";
import { startHeldRun } from "../ingest/hand-queue";
import {
  type AlertOrg,
  db,
  deliverByHand,
  linkTelegram,
  runAndSettle,
  seedAlertOrg,
  telegramMessages,
  until,
} from "./support";

useTestDatabase();

async function settled(orgId: string): Promise<void> {
  await until("the alerts to be delivered", async () => {
    const pending = await db().execute(
      sql`select count(*)::int as n from alert_deliveries where org_id = ${orgId} and status in ('queued', 'failed')`,
    );
    return Number((pending.rows[0] as { n: number }).n) === 0 ? true : null;
  });
}

/** The ingest DLQ delivers `body` (as message `id`) to the Worker's consumer. */
async function ingestDeadLetter(id: string, body: IngestMessage): Promise<void> {
  const batch = createMessageBatch<IngestMessage>(DEAD_LETTER_QUEUE_NAME, [
    { id, timestamp: new Date(), attempts: 1, body },
  ]);
  const ctx = createExecutionContext();
  await handleQueueBatch(batch, env, ctx);
  await getQueueResult(batch, ctx);
}

async function letters(orgId: string): Promise<{ queue: string; handled: boolean }[]> {
  const result = await db().execute(sql`select queue, handled_at is not null as handled from dead_letters
    where org_id = ${orgId} order by id`);
  return result.rows as { queue: string; handled: boolean }[];
}

async function openEpisodes(orgId: string): Promise<number> {
  const result = await db().execute(sql`select count(*)::int as n from alert_episodes
    where org_id = ${orgId} and rule = 'dead_letter' and closed_at is null`);
  return Number((result.rows[0] as { n: number }).n);
}

async function deadLetterOfNewRun(org: AlertOrg): Promise<void> {
  const start = await startHeldRun(org, "full");
  await ingestDeadLetter(crypto.randomUUID(), start);
  await settled(org.orgId);
}

describe("ingest dead letters", () => {
  it("alert once while unhandled, are handled by the account's next successful run, then alert again", async () => {
    const org = await seedAlertOrg(["dead_letter"]);
    const { chatId } = await linkTelegram(org.orgId);
    const start = await startHeldRun(org, "full");
    const letterId = crypto.randomUUID();
    await ingestDeadLetter(letterId, start);
    await settled(org.orgId);
    const messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toMatch(
      /^Dead letter: a sync step of account alerts-\w+ wb failed every retry\nReason: .*the run's start/,
    );
    // The same letter again (the DLQ redelivers), and another run's: recorded once each, no new alert.
    await ingestDeadLetter(letterId, start);
    await deadLetterOfNewRun(org);
    expect(await letters(org.orgId)).toEqual([
      { queue: "ingest", handled: false },
      { queue: "ingest", handled: false },
    ]);
    expect(await telegramMessages(chatId)).toHaveLength(1);

    expect((await runAndSettle(org)).status).toBe("succeeded");
    expect((await letters(org.orgId)).every((l) => l.handled)).toBe(true);
    expect(await openEpisodes(org.orgId)).toBe(0);

    await deadLetterOfNewRun(org);
    expect(await telegramMessages(chatId)).toHaveLength(2);
  });
});

describe("alerts dead letters", () => {
  it("are told through the other channels, not the one that failed, and handled by its next sent message", async () => {
    const org = await seedAlertOrg(["dead_letter", "run_failed"]);
    const { chatId, channelId } = await linkTelegram(org.orgId);
    const receiver = `hook-${crypto.randomUUID().slice(0, 8)}`;
    await db()
      .insert(alertChannels)
      .values({
        orgId: org.orgId,
        kind: "webhook",
        webhookUrl: `${env.TELEGRAM_API_BASE}/_webhook/${receiver}`,
        webhookSecret: "whsec_dead_letters",
      });
    const failed = async (status: "failed" | "queued", reason: string | null) => {
      const [row] = await db()
        .insert(alertDeliveries)
        .values({
          orgId: org.orgId,
          channelId,
          rule: "run_failed",
          runId: crypto.randomUUID(),
          payload: {
            rule: "run_failed",
            runId: "r",
            account: "Shop",
            marketplace: "wb",
            status: "failed",
            error: null,
          },
          status,
          attempts: status === "failed" ? 8 : 0,
          reason,
        })
        .returning({ id: alertDeliveries.id });
      return row?.id ?? "";
    };
    const dead = await failed("failed", "Telegram 502: Bad Gateway");
    const batch = createMessageBatch<AlertMessage>(ALERTS_DEAD_LETTER_QUEUE_NAME, [
      { id: crypto.randomUUID(), timestamp: new Date(), attempts: 9, body: { deliveryId: dead } },
    ]);
    await handleAlertBatch(batch, env);
    await settled(org.orgId);

    const received = (await (
      await fetch(`${env.TELEGRAM_API_BASE}/_control/webhooks?name=${receiver}`)
    ).json()) as {
      body: string;
    }[];
    expect(received.map((r) => JSON.parse(r.body) as { rule: string; text: string })).toEqual([
      expect.objectContaining({
        rule: "dead_letter",
        text: "Dead letter: an alert to the telegram channel failed every retry\nReason: Telegram 502: Bad Gateway (gave up after 9 deliveries)",
      }),
    ]);
    expect(await telegramMessages(chatId)).toEqual([]);
    expect(await openEpisodes(org.orgId)).toBe(1);

    // Telegram works again: the next message to it is sent, and the letter is handled.
    expect(await deliverByHand(await failed("queued", null), 1)).toEqual({
      acked: true,
      retryDelaySeconds: null,
    });
    expect(await telegramMessages(chatId)).toHaveLength(1);
    expect(await letters(org.orgId)).toEqual([{ queue: "alerts", handled: true }]);
    expect(await openEpisodes(org.orgId)).toBe(0);
  });
});

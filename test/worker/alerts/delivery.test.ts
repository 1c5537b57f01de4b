// The alerts consumer through workerd, by hand-delivered queue messages: Telegram's 429 retry_after becomes the
// queue's retry delay and the message is delivered once; a signed webhook verifies and an altered or replayed
// copy does not; a channel that keeps failing is marked; the dead-letter queue marks the delivery dead.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { alertChannels, alertDeliveries } from "../../../db/schema";
import { ALERTS_DEAD_LETTER_QUEUE_NAME, handleAlertBatch } from "../../../worker/alerts/alerts-queue";
import type { AlertMessage } from "../../../worker/alerts/evaluate-run";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "../../../worker/alerts/signature";
import { useTestDatabase } from "../../support/worker-database";
import { db, deliverByHand, linkTelegram, seedAlertOrg, telegramMessages } from "./support";

useTestDatabase();

const PAYLOAD = {
  rule: "run_failed",
  runId: "00000000-0000-4000-8000-000000000000",
  account: "Shop",
  marketplace: "wb",
  status: "failed",
  error: "WB answered 401",
};

async function queueDelivery(orgId: string, channelId: string): Promise<string> {
  const [delivery] = await db()
    .insert(alertDeliveries)
    .values({ orgId, channelId, rule: "run_failed", runId: crypto.randomUUID(), payload: PAYLOAD })
    .returning({ id: alertDeliveries.id });
  if (!delivery) throw new Error("delivery not created");
  return delivery.id;
}

async function deliveryRow(id: string) {
  const [row] = await db()
    .select({
      status: alertDeliveries.status,
      attempts: alertDeliveries.attempts,
      reason: alertDeliveries.reason,
    })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.id, id));
  return row;
}

async function script(chatId: string, answers: { status: number; body: unknown }[]): Promise<void> {
  await fetch(`${env.TELEGRAM_API_BASE}/_control/script`, {
    method: "POST",
    body: JSON.stringify({ chatId, answers }),
  });
}

describe("telegram delivery", () => {
  it("waits Telegram's retry_after on a 429 and then delivers the message exactly once", async () => {
    const org = await seedAlertOrg(["run_failed"]);
    const { chatId, channelId } = await linkTelegram(org.orgId);
    const id = await queueDelivery(org.orgId, channelId);
    await script(chatId, [
      {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 7",
          parameters: { retry_after: 7 },
        },
      },
    ]);

    expect(await deliverByHand(id, 1)).toEqual({ acked: false, retryDelaySeconds: 7 });
    expect(await telegramMessages(chatId)).toHaveLength(0);
    expect(await deliveryRow(id)).toMatchObject({ status: "failed", attempts: 1 });

    expect(await deliverByHand(id, 2)).toEqual({ acked: true, retryDelaySeconds: null });
    // A redelivery of the same message after it was sent changes nothing.
    expect(await deliverByHand(id, 3)).toEqual({ acked: true, retryDelaySeconds: null });
    const messages = await telegramMessages(chatId);
    expect(messages.map((m) => m.text)).toEqual(["Sync failed\nAccount: Shop (wb)\nReason: WB answered 401"]);
    expect(await deliveryRow(id)).toEqual({ status: "sent", attempts: 2, reason: null });
  });

  it("marks a channel failing after five failed attempts in a row, and the dead letter marks the delivery dead", async () => {
    const org = await seedAlertOrg(["run_failed"]);
    const { chatId, channelId } = await linkTelegram(org.orgId);
    const id = await queueDelivery(org.orgId, channelId);
    const outage = { status: 502, body: { ok: false, error_code: 502, description: "Bad Gateway" } };
    await script(chatId, [outage, outage, outage, outage, outage]);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const outcome = await deliverByHand(id, attempt);
      expect(outcome.retryDelaySeconds).toBe(Math.min(3600, 30 * 2 ** (attempt - 1)));
    }
    const [channel] = await db()
      .select({ failures: alertChannels.consecutiveFailures, failingSince: alertChannels.failingSince })
      .from(alertChannels)
      .where(eq(alertChannels.id, channelId));
    expect(channel?.failures).toBe(5);
    expect(channel?.failingSince).not.toBeNull();

    const batch = createMessageBatch<AlertMessage>(ALERTS_DEAD_LETTER_QUEUE_NAME, [
      { id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: { deliveryId: id } },
    ]);
    const ctx = createExecutionContext();
    await handleAlertBatch(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toHaveLength(1);
    expect(await deliveryRow(id)).toMatchObject({ status: "dead", attempts: 5 });
    expect((await deliveryRow(id))?.reason).toMatch(/^Telegram 502: Bad Gateway \(gave up/);
  });
});

describe("webhook delivery", () => {
  it("posts a body the receiver verifies, and an altered or replayed copy does not verify", async () => {
    const org = await seedAlertOrg(["run_failed"]);
    const receiver = `hook-${crypto.randomUUID().slice(0, 8)}`;
    const secret = "whsec_0123456789abcdef";
    const [channel] = await db()
      .insert(alertChannels)
      .values({
        orgId: org.orgId,
        kind: "webhook",
        webhookUrl: `${env.TELEGRAM_API_BASE}/_webhook/${receiver}`,
        webhookSecret: secret,
      })
      .returning({ id: alertChannels.id });
    const id = await queueDelivery(org.orgId, channel?.id ?? "");
    expect(await deliverByHand(id, 1)).toEqual({ acked: true, retryDelaySeconds: null });

    const received = (await (
      await fetch(`${env.TELEGRAM_API_BASE}/_control/webhooks?name=${receiver}`)
    ).json()) as {
      headers: Record<string, string>;
      body: string;
    }[];
    expect(received).toHaveLength(1);
    const [request] = received;
    if (!request) throw new Error("nothing received");
    const headers = {
      signature: request.headers[SIGNATURE_HEADER.toLowerCase()] ?? null,
      timestamp: request.headers[TIMESTAMP_HEADER.toLowerCase()] ?? null,
    };
    const sentAt = Number(headers.timestamp);
    expect(JSON.parse(request.body)).toMatchObject({ id, rule: "run_failed", payload: PAYLOAD });
    expect(await verifyWebhook(secret, headers, request.body, sentAt)).toBeNull();
    expect(await verifyWebhook(secret, headers, request.body.replace("401", "200"), sentAt)).toBe(
      "bad-signature",
    );
    expect(await verifyWebhook(secret, headers, request.body, sentAt + 301)).toBe("stale-timestamp");
    expect(await deliveryRow(id)).toMatchObject({ status: "sent", attempts: 1 });
    const log = await db().execute(
      sql`select count(*)::int as n from alert_deliveries where org_id = ${org.orgId}`,
    );
    expect(log.rows[0]).toEqual({ n: 1 });
  });
});

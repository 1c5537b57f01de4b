// Shared pieces of the alert tests in workerd: an organization whose WB account reads the alert tests' own
// simulator, its alert settings and channels, a run through the real queues that waits until the run's alerts
// were judged and sent, and what the Telegram stand-in received.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { encryptCredentials } from "../../../cron/credentials";
import {
  type AlertRule,
  alertChannels,
  alertSettings,
  marketplaceAccounts,
  organizations,
} from "../../../db/schema";
import { ALERTS_QUEUE_NAME, handleAlertBatch } from "../../../worker/alerts/alerts-queue";
import type { AlertMessage } from "../../../worker/alerts/evaluate-run";
import { databaseFromEnv } from "../../../worker/db";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { startRun } from "../../../worker/sync/start-run";

export const db = () => databaseFromEnv(env);

export interface AlertOrg {
  orgId: string;
  accountId: string;
}

/** An organization on the units basis (critical ≤ criticalMax) with a WB account and the given rules on. */
export async function seedAlertOrg(rules: AlertRule[], baseUrl?: string): Promise<AlertOrg> {
  const slug = `alerts-${crypto.randomUUID().slice(0, 8)}`;
  const [org] = await db()
    .insert(organizations)
    .values({ name: slug, slug, statusBasis: "units", criticalMax: 0, lowMax: 1, overstockMin: 1_000_000 })
    .returning({ id: organizations.id });
  if (!org) throw new Error("organization not created");
  const credentials = await encryptCredentials({ wb: { token: "demo-wb-token" } }, env.CREDENTIALS_KEY);
  const [account] = await db()
    .insert(marketplaceAccounts)
    .values({
      orgId: org.id,
      marketplace: "wb",
      name: `${slug} wb`,
      credentialsEncrypted: credentials,
      baseUrl: baseUrl ?? `${env.ALERTS_SIMULATOR_URL}/wb`,
      endpoints: { rateScale: 600, stock: ["wb.v1.supplier_stocks"], sales: [], reports: [] },
    })
    .returning({ id: marketplaceAccounts.id });
  if (!account) throw new Error("account not created");
  await db().insert(alertSettings).values({ orgId: org.id, rules, language: "en" });
  return { orgId: org.id, accountId: account.id };
}

/** Links a Telegram chat of its own to the organization; returns the chat id. */
export async function linkTelegram(orgId: string): Promise<{ chatId: string; channelId: string }> {
  const chatId = String(100_000 + Math.floor(Math.random() * 1e9));
  const [channel] = await db()
    .insert(alertChannels)
    .values({ orgId, kind: "telegram", telegramChatId: chatId })
    .returning({ id: alertChannels.id });
  if (!channel) throw new Error("channel not created");
  return { chatId, channelId: channel.id };
}

export async function setCriticalMax(orgId: string, criticalMax: number): Promise<void> {
  await db()
    .update(organizations)
    .set({ criticalMax, lowMax: criticalMax + 1 })
    .where(eq(organizations.id, orgId));
}

export async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 50_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs a full sync through the real queues and waits until its coordinator is released (the run's alerts were
 * judged just before) and none of the organization's deliveries waits any more; returns the run and its status.
 */
export async function runAndSettle(ids: AlertOrg): Promise<{ runId: string; status: string }> {
  const outcome = await startRun(env, db(), { ...ids, kind: "full", trigger: "api" });
  if (!outcome.started) throw new Error("run refused");
  const coordinator = coordinatorFor(env, ids.accountId);
  await until("the run's end", async () => ((await coordinator.status()).active === null ? true : null));
  await until("the alerts to be delivered", async () => {
    const pending = await db().execute(
      sql`select count(*)::int as n from alert_deliveries where org_id = ${ids.orgId} and status in ('queued', 'failed')`,
    );
    return Number((pending.rows[0] as { n: number }).n) === 0 ? true : null;
  });
  const run = await db().execute(sql`select status from etl_runs where id = ${outcome.runId}`);
  return { runId: outcome.runId, status: String((run.rows[0] as { status: string }).status) };
}

export async function telegramMessages(chatId: string): Promise<{ chatId: string; text: string }[]> {
  const response = await fetch(`${env.TELEGRAM_API_BASE}/_control/messages?chatId=${chatId}`);
  return (await response.json()) as { chatId: string; text: string }[];
}

/**
 * One delivery of an alert message to the Worker's alerts consumer, by hand; what the queue was told (the
 * retry's delay is read as the consumer hands it to the message: the pool's queue result does not keep it).
 */
export async function deliverByHand(
  deliveryId: string,
  attempts: number,
): Promise<{ acked: boolean; retryDelaySeconds: number | null }> {
  const batch = createMessageBatch<AlertMessage>(ALERTS_QUEUE_NAME, [
    { id: crypto.randomUUID(), timestamp: new Date(), attempts, body: { deliveryId } },
  ]);
  let retryDelaySeconds: number | null = null;
  const messages = batch.messages.map((message) => ({
    id: message.id,
    timestamp: message.timestamp,
    body: message.body,
    attempts: message.attempts,
    ack: () => message.ack(),
    retry: (options?: QueueRetryOptions) => {
      retryDelaySeconds = options?.delaySeconds ?? 0;
      message.retry(options);
    },
  }));
  const ctx = createExecutionContext();
  await handleAlertBatch({ ...batch, queue: batch.queue, messages } as unknown as MessageBatch, env);
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks.length > 0, retryDelaySeconds };
}

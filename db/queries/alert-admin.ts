// The alerts as an admin manages them through the API: the organization's settings row, its channels (the
// webhook's URL and secret, enabling, deleting, a Telegram chat-linking code and its one use), a test
// delivery, and the delivery log newest first. Every statement is scoped to the organization.
import { and, count, desc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  type AlertChannelKind,
  type AlertRule,
  alertChannels,
  alertDeliveries,
  alertSettings,
  type DeliveryStatus,
} from "../schema/alerts";

export type AlertSettingsRow = typeof alertSettings.$inferSelect;
export type AlertChannelRow = typeof alertChannels.$inferSelect;

export async function readAlertSettings(db: Database, orgId: string): Promise<AlertSettingsRow | undefined> {
  const [row] = await db.select().from(alertSettings).where(eq(alertSettings.orgId, orgId));
  return row;
}

export type AlertSettingsValues = Omit<AlertSettingsRow, "orgId" | "updatedAt">;

/** Creates or replaces the organization's settings row in one statement. */
export async function saveAlertSettings(
  db: Database,
  orgId: string,
  values: AlertSettingsValues,
): Promise<AlertSettingsRow> {
  const [row] = await db
    .insert(alertSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: alertSettings.orgId, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error("alert settings not saved");
  return row;
}

export function listAlertChannels(db: Database, orgId: string): Promise<AlertChannelRow[]> {
  return db.select().from(alertChannels).where(eq(alertChannels.orgId, orgId)).orderBy(alertChannels.kind);
}

export async function alertChannel(
  db: Database,
  orgId: string,
  id: string,
): Promise<AlertChannelRow | undefined> {
  const [row] = await db
    .select()
    .from(alertChannels)
    .where(and(eq(alertChannels.orgId, orgId), eq(alertChannels.id, id)));
  return row;
}

const COLUMNS = {
  id: alertChannels.id,
  orgId: alertChannels.orgId,
  kind: alertChannels.kind,
  enabled: alertChannels.enabled,
  telegramChatId: alertChannels.telegramChatId,
  linkCodeHash: alertChannels.linkCodeHash,
  linkCodeExpiresAt: alertChannels.linkCodeExpiresAt,
  webhookUrl: alertChannels.webhookUrl,
  webhookSecret: alertChannels.webhookSecret,
  consecutiveFailures: alertChannels.consecutiveFailures,
  failingSince: alertChannels.failingSince,
  lastError: alertChannels.lastError,
  createdAt: alertChannels.createdAt,
};

/**
 * Sets the webhook's URL (a new URL starts with a clean record), and its secret when the channel is created or
 * `secret` is given (a rotation); otherwise the stored secret stays. `created` says which happened.
 */
export async function putWebhookChannel(
  db: Database,
  orgId: string,
  change: { url: string; enabled: boolean | undefined; secret: string; rotate: boolean },
): Promise<{ row: AlertChannelRow; created: boolean }> {
  const [row] = await db
    .insert(alertChannels)
    .values({
      orgId,
      kind: "webhook",
      webhookUrl: change.url,
      webhookSecret: change.secret,
      enabled: change.enabled ?? true,
    })
    .onConflictDoUpdate({
      target: [alertChannels.orgId, alertChannels.kind],
      set: {
        webhookUrl: change.url,
        ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
        ...(change.rotate ? { webhookSecret: change.secret } : {}),
        consecutiveFailures: sql`case when ${alertChannels.webhookUrl} = ${change.url}
          then ${alertChannels.consecutiveFailures} else 0 end`,
        failingSince: sql`case when ${alertChannels.webhookUrl} = ${change.url}
          then ${alertChannels.failingSince} end`,
        lastError: sql`case when ${alertChannels.webhookUrl} = ${change.url} then ${alertChannels.lastError} end`,
      },
    })
    .returning({ ...COLUMNS, created: sql<string>`(xmax = 0)::text` });
  if (!row) throw new Error("webhook channel not saved");
  const { created, ...channel } = row;
  return { row: channel, created: created === "true" };
}

export async function setAlertChannelEnabled(
  db: Database,
  orgId: string,
  id: string,
  enabled: boolean,
): Promise<AlertChannelRow | undefined> {
  const [row] = await db
    .update(alertChannels)
    .set({ enabled })
    .where(and(eq(alertChannels.orgId, orgId), eq(alertChannels.id, id)))
    .returning();
  return row;
}

/** Deletes the channel and, with it, its deliveries (the log rows reference it). */
export async function deleteAlertChannel(db: Database, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(alertChannels)
    .where(and(eq(alertChannels.orgId, orgId), eq(alertChannels.id, id)))
    .returning({ id: alertChannels.id });
  return rows.length > 0;
}

/** Stores a new link code's hash on the organization's Telegram channel (created unlinked if absent). */
export async function storeTelegramLinkCode(
  db: Database,
  orgId: string,
  codeHash: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insert(alertChannels)
    .values({ orgId, kind: "telegram", linkCodeHash: codeHash, linkCodeExpiresAt: expiresAt })
    .onConflictDoUpdate({
      target: [alertChannels.orgId, alertChannels.kind],
      set: { linkCodeHash: codeHash, linkCodeExpiresAt: expiresAt },
    });
}

/**
 * Links `chatId` to the channel whose unexpired code hashes to `codeHash` and clears the code, in one statement:
 * a code works once. Returns the organization and its alert language, or undefined when no code matched.
 */
export async function linkTelegramChat(
  db: Database,
  codeHash: string,
  chatId: string,
  now: Date,
): Promise<{ orgId: string; language: string } | undefined> {
  const [row] = await db
    .update(alertChannels)
    .set({
      telegramChatId: chatId,
      linkCodeHash: null,
      linkCodeExpiresAt: null,
      consecutiveFailures: 0,
      failingSince: null,
      lastError: null,
    })
    .where(and(eq(alertChannels.linkCodeHash, codeHash), gt(alertChannels.linkCodeExpiresAt, now)))
    .returning({
      orgId: alertChannels.orgId,
      language: sql<string>`coalesce((select s.language from alert_settings s
        where s.org_id = ${alertChannels.orgId}), 'ru')`,
    });
  return row;
}

/** A test message's delivery row (rule "test", a run id of its own), queued to the channel. */
export async function insertTestDelivery(db: Database, orgId: string, channelId: string): Promise<string> {
  const runId = crypto.randomUUID();
  const [row] = await db
    .insert(alertDeliveries)
    // "test" is not a rule the run judges; the log lists it beside them.
    .values({ orgId, channelId, rule: "test" as AlertRule, runId, payload: { rule: "test", runId } })
    .returning({ id: alertDeliveries.id });
  if (!row) throw new Error("test delivery not created");
  return row.id;
}

export async function deliveryOutcome(
  db: Database,
  id: string,
): Promise<{ status: DeliveryStatus; reason: string | null } | undefined> {
  const [row] = await db
    .select({ status: alertDeliveries.status, reason: alertDeliveries.reason })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.id, id));
  return row;
}

export interface AlertLogRow {
  id: string;
  channelId: string;
  channelKind: AlertChannelKind;
  rule: string;
  status: DeliveryStatus;
  attempts: number;
  reason: string | null;
  payload: unknown;
  createdAt: Date;
  sentAt: Date | null;
}

/** The organization's deliveries newest first, filtered by status and rule, one page with the total. */
export async function alertLog(
  db: Database,
  orgId: string,
  filter: { status?: DeliveryStatus | undefined; rule?: string | undefined; offset: number; limit: number },
): Promise<{ rows: AlertLogRow[]; total: number }> {
  const conditions: SQL[] = [eq(alertDeliveries.orgId, orgId)];
  if (filter.status) conditions.push(eq(alertDeliveries.status, filter.status));
  if (filter.rule) conditions.push(sql`${alertDeliveries.rule} = ${filter.rule}`);
  const where = and(...conditions);
  const [rows, totals] = await db.batch([
    db
      .select({
        id: alertDeliveries.id,
        channelId: alertDeliveries.channelId,
        channelKind: alertChannels.kind,
        rule: alertDeliveries.rule,
        status: alertDeliveries.status,
        attempts: alertDeliveries.attempts,
        reason: alertDeliveries.reason,
        payload: alertDeliveries.payload,
        createdAt: alertDeliveries.createdAt,
        sentAt: alertDeliveries.sentAt,
      })
      .from(alertDeliveries)
      .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
      .where(where)
      .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
      .offset(filter.offset)
      .limit(filter.limit),
    db.select({ total: count() }).from(alertDeliveries).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

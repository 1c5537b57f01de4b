// Alerts: per-organization settings (rules, language, quiet hours, digest), the channels they go to (a linked
// Telegram chat, a signed webhook), episodes ("once per episode": a condition's start opens one, its end closes
// it) and the delivery log (one row per message × channel, with attempts and why it failed).
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const ALERT_RULES = [
  "product_critical",
  "run_failed",
  "endpoint_sunset",
  "stockout_soon",
  "dead_letter",
  "daily_digest",
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const ALERT_LANGUAGES = ["ru", "en"] as const;
export type AlertLanguage = (typeof ALERT_LANGUAGES)[number];

export const ALERT_CHANNEL_KINDS = ["telegram", "webhook"] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

export const DELIVERY_STATUSES = ["queued", "sent", "failed", "dead"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One row per organization; absent = the defaults (every rule on, Russian, no quiet hours, no digest). The daily
 * digest goes out when daily_digest is among the rules and digestHour is set.
 */
export const alertSettings = pgTable(
  "alert_settings",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    rules: text("rules")
      .array()
      .notNull()
      .default(
        sql`'{product_critical,run_failed,endpoint_sunset,stockout_soon,dead_letter,daily_digest}'::text[]`,
      ),
    language: text("language").$type<AlertLanguage>().notNull().default("ru"),
    // Local hours [start, end) in timeZone during which messages wait; both null = none.
    quietStartHour: smallint("quiet_start_hour"),
    quietEndHour: smallint("quiet_end_hour"),
    timeZone: text("time_zone").notNull().default("Europe/Moscow"),
    // Local hour of the daily digest; null = no digest.
    digestHour: smallint("digest_hour"),
    // Warn about an endpoint this many days before its switch-off.
    sunsetWarningDays: integer("sunset_warning_days").notNull().default(30),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("alert_settings_language", sql`${t.language} in ('ru', 'en')`),
    check(
      "alert_settings_hours",
      sql`${t.quietStartHour} between 0 and 23 and ${t.quietEndHour} between 0 and 23 and ${t.digestHour} between 0 and 23`,
    ),
  ],
);

/** One channel of each kind per organization. */
export const alertChannels = pgTable(
  "alert_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AlertChannelKind>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    // Telegram: the linked chat (null until a user sends /start <code> to the bot).
    telegramChatId: text("telegram_chat_id"),
    // SHA-256 of the pending one-time link code, and when it stops working.
    linkCodeHash: text("link_code_hash"),
    linkCodeExpiresAt: timestamp("link_code_expires_at", { withTimezone: true }),
    // Webhook: where to POST, and the HMAC key (needed to sign every message, so kept; shown to the admin once).
    webhookUrl: text("webhook_url"),
    webhookSecret: text("webhook_secret"),
    // Failed attempts in a row; at FAILING_AFTER the channel is marked failing (shown to admins) until one succeeds.
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    failingSince: timestamp("failing_since", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("alert_channels_org_kind_key").on(t.orgId, t.kind),
    uniqueIndex("alert_channels_link_code_key").on(t.linkCodeHash),
    check("alert_channels_kind", sql`${t.kind} in ('telegram', 'webhook')`),
  ],
);

/** A condition that holds: open while closed_at is null; at most one open per rule × subject. */
export const alertEpisodes = pgTable(
  "alert_episodes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    rule: text("rule").$type<AlertRule>().notNull(),
    // What the condition is about: a product id, an account id, "account id:endpoint".
    subjectKey: text("subject_key").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedRunId: uuid("opened_run_id"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedRunId: uuid("closed_run_id"),
  },
  (t) => [
    uniqueIndex("alert_episodes_open_key")
      .on(t.orgId, t.rule, t.subjectKey)
      .where(sql`${t.closedAt} is null`),
  ],
);

/** The alert log: one message to one channel, with its delivery state. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => alertChannels.id, { onDelete: "cascade" }),
    rule: text("rule").$type<AlertRule>().notNull(),
    // The run whose end raised it; with rule and channel it makes re-evaluating a run a no-op.
    runId: uuid("run_id").notNull(),
    // What happened (products, run outcome, endpoints); rendered in the organization's language when sent.
    payload: jsonb("payload").notNull(),
    status: text("status").$type<DeliveryStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alert_deliveries_run_rule_channel_key").on(t.runId, t.rule, t.channelId),
    index("alert_deliveries_org_created_idx").on(t.orgId, t.createdAt),
    check("alert_deliveries_status", sql`${t.status} in ('queued', 'sent', 'failed', 'dead')`),
  ],
);

/**
 * The daily digest's claim: one row per organization × local date, taken by the first health-check cron of the
 * digest hour (a second cron in the hour finds it and sends nothing). Its id stands for the run in the digest's
 * deliveries; the products out of stock then are what the next digest's "ran out since" compares with.
 */
export const alertDigests = pgTable(
  "alert_digests",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    localDate: date("local_date", { mode: "string" }).notNull(),
    id: uuid("id").notNull().defaultRandom(),
    outOfStock: bigint("out_of_stock", { mode: "number" }).array().notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.localDate] })],
);

/**
 * What reached a dead-letter queue (the ingest DLQ: a run's step that failed every retry; the alerts DLQ: a
 * delivery that did), one row per message. While an organization has any not handled, its dead_letter episode is
 * open. A letter is handled when what failed works again: the account's next successful run (ingest), the next
 * message sent to the same channel (alerts); or by hand, setting handled_at.
 */
export const deadLetters = pgTable(
  "dead_letters",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    queue: text("queue").notNull(),
    messageId: text("message_id").notNull(),
    // The account (ingest) or the alert channel (alerts) the letter is about.
    subject: text("subject").notNull(),
    reason: text("reason").notNull(),
    body: jsonb("body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("dead_letters_queue_message_key").on(t.queue, t.messageId),
    index("dead_letters_open_idx").on(t.subject).where(sql`${t.handledAt} is null`),
  ],
);

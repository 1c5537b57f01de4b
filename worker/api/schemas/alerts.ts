// Alerts as the API shows and takes them: the organization's alert settings, its channels (a linked Telegram
// chat, a signed webhook), a chat-linking code, a test send's outcome and the delivery log. Pure schemas (zod
// only): the dashboard imports their types from here. Rule names come from db/schema/alerts.ts, never a copy.
import { z } from "@hono/zod-openapi";
import {
  ALERT_CHANNEL_KINDS,
  ALERT_LANGUAGES,
  ALERT_RULES,
  DELIVERY_STATUSES,
} from "../../../db/schema/alerts";
import { SETTING_RANGES } from "../../../domain/setting-ranges";
import { canonicalTimeZone, isTimeZone } from "../../../domain/time-zone";
import { PageFields } from "./page";

/** What a delivery's rule can be in the log: a rule, or a test message an admin sent. */
export const LOGGED_RULES = [...ALERT_RULES, "test"] as const;

const Hour = z.number().int().min(0, "must be an hour from 0 to 23").max(23, "must be an hour from 0 to 23");

const QuietHours = z
  .strictObject({ start: Hour, end: Hour })
  .refine((hours) => hours.start !== hours.end, {
    message: "must differ from start (the same hour would leave no quiet hours; send null for none)",
    path: ["end"],
  })
  .nullable()
  .openapi({ description: "Local hours [start, end) in which alerts wait (may wrap midnight); null = none" });

const ALERT_SETTINGS_FIELDS = {
  rules: z
    .array(z.enum(ALERT_RULES))
    .max(ALERT_RULES.length)
    .refine((rules) => new Set(rules).size === rules.length, "must not repeat a rule")
    .openapi({ description: "The rules that alert; the others are silent" }),
  language: z.enum(ALERT_LANGUAGES).openapi({ description: "The language of the messages" }),
  quietHours: QuietHours,
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, "unknown IANA time zone")
    .transform(canonicalTimeZone)
    .openapi({ description: "IANA zone of quiet hours and the digest, e.g. Europe/Moscow" }),
  digestHour: Hour.nullable().openapi({ description: "Local hour of the daily digest; null = no digest" }),
  sunsetWarningDays: z
    .number()
    .int()
    .min(SETTING_RANGES.sunsetWarningDays.min)
    .max(SETTING_RANGES.sunsetWarningDays.max)
    .openapi({ description: "Warn about an endpoint this many days before its switch-off" }),
};

export const AlertSettingsSchema = z
  .object({
    ...ALERT_SETTINGS_FIELDS,
    availableRules: z
      .array(z.enum(ALERT_RULES))
      .openapi({ description: "Every rule there is (read-only; not part of a change)" }),
  })
  .openapi("AlertSettings");

/** The whole settings object (PUT replaces it); unknown keys are refused. */
export const AlertSettingsBody = z.strictObject(ALERT_SETTINGS_FIELDS).openapi("AlertSettingsRequest");

export const AlertChannelSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ALERT_CHANNEL_KINDS),
    enabled: z.boolean(),
    linked: z.boolean().openapi({ description: "Telegram: a chat is linked; webhook: a URL is set" }),
    linkCodeExpiresAt: z
      .string()
      .nullable()
      .openapi({ description: "Telegram: when the pending link code stops working; null when none" }),
    webhookUrl: z.string().nullable(),
    failingSince: z
      .string()
      .nullable()
      .openapi({ description: "Set after 5 failed deliveries in a row, cleared by the next success" }),
    consecutiveFailures: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("AlertChannel");

export const AlertChannelsSchema = z
  .object({
    items: z.array(AlertChannelSchema),
    telegram: z.object({ configured: z.boolean(), botUsername: z.string().nullable() }).openapi({
      description: "Whether this deployment has a Telegram bot (TELEGRAM_BOT_TOKEN) and its name",
    }),
  })
  .openapi("AlertChannels");

export const WebhookChannelBody = z
  .strictObject({
    url: z.string().max(2000).openapi({ description: "https URL the signed alerts are POSTed to" }),
    enabled: z.boolean().optional(),
    rotateSecret: z
      .boolean()
      .optional()
      .openapi({ description: "Issue a new signing secret (shown in this answer only)" }),
  })
  .openapi("WebhookChannelRequest");

export const WebhookChannelSchema = AlertChannelSchema.extend({
  secret: z.string().nullable().openapi({
    description: "The HMAC signing secret: in the answer that created or rotated it only, otherwise null",
  }),
}).openapi("WebhookChannel");

export const ChannelChangeBody = z.strictObject({ enabled: z.boolean() }).openapi("AlertChannelChange");

export const TelegramLinkSchema = z
  .object({
    code: z.string().openapi({ description: "One-time code; works once, until expiresAt" }),
    expiresAt: z.string(),
    startCommand: z.string().openapi({ example: "/start Zq3…", description: "What to send the bot" }),
    deepLink: z
      .string()
      .nullable()
      .openapi({ description: "https://t.me/<bot>?start=<code>; null when no bot username is configured" }),
  })
  .openapi("TelegramLink");

export const TestSendSchema = z
  .object({
    deliveryId: z.uuid(),
    status: z.enum(DELIVERY_STATUSES).openapi({
      description: "sent; failed (retried by the queue); dead (refused); queued (held by quiet hours)",
    }),
    reason: z.string().nullable(),
  })
  .openapi("AlertTestSend");

export const AlertLogQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  rule: z.enum(LOGGED_RULES).optional(),
});

export const AlertLogItemSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    channelKind: z.enum(ALERT_CHANNEL_KINDS),
    rule: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    reason: z.string().nullable().openapi({ description: "Why the last attempt failed; null once sent" }),
    text: z.string().nullable().openapi({ description: "The message in the organization's language" }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi("AlertDelivery");

export const AlertLogPageSchema = z
  .object({
    items: z.array(AlertLogItemSchema),
    ...PageFields,
  })
  .openapi("AlertLogPage");

export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
export type AlertSettingsChange = z.infer<typeof AlertSettingsBody>;
export type AlertChannel = z.infer<typeof AlertChannelSchema>;
export type AlertChannels = z.infer<typeof AlertChannelsSchema>;
export type TelegramLink = z.infer<typeof TelegramLinkSchema>;
export type AlertTestSend = z.infer<typeof TestSendSchema>;
export type AlertLogItem = z.infer<typeof AlertLogItemSchema>;
export type AlertLogPage = z.infer<typeof AlertLogPageSchema>;

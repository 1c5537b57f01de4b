// Alert channels: everyone signed in lists them with their failing state; the admin sets the webhook (its
// signing secret is in the answer that creates or rotates it, never again), enables, disables or deletes a
// channel, creates a Telegram chat-linking code, and sends a test message whose outcome the answer reports.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { batchRunner } from "../../cron/load/statement-runner";
import {
  type AlertChannelRow,
  alertChannel,
  deleteAlertChannel,
  listAlertChannels,
  putWebhookChannel,
  setAlertChannelEnabled,
  storeTelegramLinkCode,
} from "../../db/queries/alert-admin";
import { deepLink, newLinkCode, startCommand } from "../alerts/telegram-link";
import { sendTestAlert } from "../alerts/test-send";
import { webhookUrlProblem } from "../alerts/webhook-target";
import { NoQuery, UuidParam } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import {
  type AlertChannel,
  AlertChannelSchema,
  AlertChannelsSchema,
  ChannelChangeBody,
  TelegramLinkSchema,
  TestSendSchema,
  WebhookChannelBody,
  WebhookChannelSchema,
} from "../api/schemas/alerts";
import { randomToken } from "../auth/encoding";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/require-role";

const tags = ["alert channels"];
const adminRoute = {
  security: AUTHENTICATED,
  middleware: [requireRole("admin")],
  "x-required-role": "admin" as const,
};
const iso = (value: Date | null) => value?.toISOString() ?? null;

function toJson(row: AlertChannelRow): AlertChannel {
  return {
    id: row.id,
    kind: row.kind,
    enabled: row.enabled,
    linked: row.kind === "telegram" ? row.telegramChatId !== null : row.webhookUrl !== null,
    linkCodeExpiresAt: iso(row.linkCodeExpiresAt),
    webhookUrl: row.webhookUrl,
    failingSince: iso(row.failingSince),
    consecutiveFailures: row.consecutiveFailures,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  };
}

const listRoute = createRoute({
  method: "get",
  operationId: "listAlertChannels",
  path: "/api/alerts/channels",
  tags,
  summary: "The organization's alert channels, with failing state; never a webhook secret",
  security: AUTHENTICATED,
  request: { query: NoQuery },
  responses: { 200: jsonContent(AlertChannelsSchema, "Channels"), ...errorResponses(400) },
});

const webhookRoute = createRoute({
  method: "put",
  operationId: "putWebhookChannel",
  path: "/api/alerts/channels/webhook",
  tags,
  summary:
    "Create or change the webhook channel; its signing secret is shown on create or rotation only (admin)",
  ...adminRoute,
  request: { body: { content: { "application/json": { schema: WebhookChannelBody } }, required: true } },
  responses: {
    200: jsonContent(WebhookChannelSchema, "Changed (secret only when rotated)"),
    201: jsonContent(WebhookChannelSchema, "Created, with its secret"),
    ...errorResponses(...BODY_ERRORS),
  },
});

const changeRoute = createRoute({
  method: "patch",
  operationId: "changeAlertChannel",
  path: "/api/alerts/channels/{id}",
  tags,
  summary: "Enable or disable a channel (admin)",
  ...adminRoute,
  request: {
    params: UuidParam,
    body: { content: { "application/json": { schema: ChannelChangeBody } }, required: true },
  },
  responses: { 200: jsonContent(AlertChannelSchema, "Changed"), ...errorResponses(...BODY_ERRORS, 404) },
});

const deleteRoute = createRoute({
  method: "delete",
  operationId: "deleteAlertChannel",
  path: "/api/alerts/channels/{id}",
  tags,
  summary: "Delete a channel and its log entries (admin)",
  ...adminRoute,
  request: { params: UuidParam },
  responses: {
    200: jsonContent(z.object({ id: z.uuid(), deleted: z.literal(true) }), "Deleted"),
    ...errorResponses(400, 404),
  },
});

const testRoute = createRoute({
  method: "post",
  operationId: "testAlertChannel",
  path: "/api/alerts/channels/{id}/test",
  tags,
  summary: "Send a test message through the delivery path and report what happened (admin)",
  ...adminRoute,
  request: { params: UuidParam },
  responses: { 200: jsonContent(TestSendSchema, "The delivery's outcome"), ...errorResponses(400, 404) },
});

const linkRoute = createRoute({
  method: "post",
  operationId: "createTelegramLinkCode",
  path: "/api/alerts/channels/telegram/link",
  tags,
  summary: "A one-time code that links the Telegram chat which sends it to the bot (admin)",
  ...adminRoute,
  responses: {
    201: jsonContent(TelegramLinkSchema, "The code, its deep link and expiry"),
    ...errorResponses(409),
  },
});

export function registerAlertChannels(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const rows = await listAlertChannels(c.var.db, c.get("principal").orgId);
    const bot = c.var.config.telegram;
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        items: rows.map(toJson),
        telegram: { configured: bot !== null, botUsername: bot?.username ?? null },
      },
      200,
    );
  });

  app.openapi(webhookRoute, async (c) => {
    const body = c.req.valid("json");
    const problem = webhookUrlProblem(body.url, c.var.config.simulatorUrl !== undefined);
    if (problem) throw new ApiError("BAD_REQUEST", problem);
    const secret = `whsec_${randomToken(32)}`;
    const { row, created } = await putWebhookChannel(c.var.db, c.get("principal").orgId, {
      url: body.url,
      enabled: body.enabled,
      secret,
      rotate: body.rotateSecret === true,
    });
    c.header("Cache-Control", "no-store");
    const shown = created || body.rotateSecret === true ? secret : null;
    return created
      ? c.json({ ...toJson(row), secret: shown }, 201)
      : c.json({ ...toJson(row), secret: shown }, 200);
  });

  app.openapi(changeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await setAlertChannelEnabled(
      c.var.db,
      c.get("principal").orgId,
      id,
      c.req.valid("json").enabled,
    );
    if (!row) throw new ApiError("NOT_FOUND", "id: no alert channel with this id in your organization");
    return c.json(toJson(row), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deleteAlertChannel(c.var.db, c.get("principal").orgId, id)))
      throw new ApiError("NOT_FOUND", "id: no alert channel with this id in your organization");
    return c.json({ id, deleted: true as const }, 200);
  });

  app.openapi(testRoute, async (c) => {
    const { id } = c.req.valid("param");
    const orgId = c.get("principal").orgId;
    if (!(await alertChannel(c.var.db, orgId, id)))
      throw new ApiError("NOT_FOUND", "id: no alert channel with this id in your organization");
    const outcome = await sendTestAlert(
      {
        db: c.var.db,
        run: batchRunner(c.var.db),
        telegram: c.var.config.telegram,
        queue: c.env.ALERTS_QUEUE,
        nowMs: () => c.var.clock().getTime(),
        allowLocalWebhooks: c.var.config.simulatorUrl !== undefined,
      },
      orgId,
      id,
    );
    c.header("Cache-Control", "no-store");
    return c.json(outcome, 200);
  });

  app.openapi(linkRoute, async (c) => {
    const bot = c.var.config.telegram;
    if (!bot)
      throw new ApiError("CONFLICT", "Telegram is not configured on this deployment (TELEGRAM_BOT_TOKEN)");
    const link = await newLinkCode(c.var.clock());
    await storeTelegramLinkCode(c.var.db, c.get("principal").orgId, link.codeHash, link.expiresAt);
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        code: link.code,
        expiresAt: link.expiresAt.toISOString(),
        startCommand: startCommand(link.code),
        deepLink: deepLink(bot.username, link.code),
      },
      201,
    );
  });
}

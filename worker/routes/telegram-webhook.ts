// POST /api/telegram/webhook: where Telegram delivers the bot's updates (setWebhook with secret_token). Public,
// but answered only when X-Telegram-Bot-Api-Secret-Token matches TELEGRAM_WEBHOOK_SECRET (401 otherwise,
// checked before the body is read). "/start <code>" with a valid code links that chat to the code's
// organization and clears the code; the bot replies in the chat either way. Other updates are acknowledged and
// ignored, so Telegram does not redeliver them.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { linkTelegramChat } from "../../db/queries/alert-admin";
import { sendTelegramMessage } from "../alerts/telegram";
import {
  LINK_REPLIES,
  startCodeOf,
  TELEGRAM_SECRET_HEADER,
  TelegramUpdateSchema,
  telegramSecretMatches,
} from "../alerts/telegram-link";
import { BODY_ERRORS, jsonContent, PUBLIC, publicErrorResponses } from "../api/responses";
import { sha256Hex } from "../auth/encoding";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

export const TELEGRAM_WEBHOOK_PATH = "/api/telegram/webhook";

const requireTelegramSecret: MiddlewareHandler<AppEnv> = async function requireTelegramSecret(c, next) {
  const secret = c.var.config.telegram?.webhookSecret ?? null;
  if (!(await telegramSecretMatches(c.req.header(TELEGRAM_SECRET_HEADER), secret)))
    throw new ApiError("UNAUTHORIZED", `${TELEGRAM_SECRET_HEADER}: missing or wrong`);
  await next();
};

const webhookRoute = createRoute({
  method: "post",
  operationId: "telegramWebhook",
  path: TELEGRAM_WEBHOOK_PATH,
  tags: ["telegram"],
  summary: "Telegram's updates to the alert bot; links a chat on /start <code>",
  description: `Called by Telegram, authenticated by the ${TELEGRAM_SECRET_HEADER} header (setWebhook's secret_token).`,
  security: PUBLIC,
  middleware: [requireTelegramSecret],
  request: {
    body: {
      content: { "application/json": { schema: TelegramUpdateSchema.openapi("TelegramUpdate") } },
      required: true,
    },
  },
  responses: {
    200: jsonContent(z.object({ ok: z.literal(true), linked: z.boolean() }), "Update handled"),
    ...publicErrorResponses(...BODY_ERRORS, 401),
  },
});

export function registerTelegramWebhook(app: OpenAPIHono<AppEnv>): void {
  app.openapi(webhookRoute, async (c) => {
    const bot = c.var.config.telegram;
    const message = c.req.valid("json").message;
    const code = startCodeOf(message?.text);
    if (!bot || !message || code === null) return c.json({ ok: true as const, linked: false }, 200);
    const chatId = String(message.chat.id);
    const linked = await linkTelegramChat(c.var.db, await sha256Hex(code), chatId, c.var.clock());
    const replies = LINK_REPLIES[linked?.language === "en" ? "en" : "ru"];
    const reply = await sendTelegramMessage(bot, chatId, linked ? replies.linked : replies.unknown);
    if (reply.kind !== "sent")
      console.error(JSON.stringify({ level: "warn", requestId: c.get("requestId"), telegram: reply.reason }));
    return c.json({ ok: true as const, linked: linked !== undefined }, 200);
  });
}

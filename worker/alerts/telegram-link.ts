// Linking a Telegram chat to an organization: the one-time code the dashboard shows (only its SHA-256 is
// stored), the deep link or /start command that carries it to the bot, and the bot's side: the update Telegram
// POSTs to our webhook (https://core.telegram.org/bots/api#update), its secret header and the /start command.
import { z } from "zod";
import { constantTimeEqual, randomToken, sha256Hex } from "../auth/encoding";

/** How long a link code works. */
export const LINK_CODE_TTL_MINUTES = 15;

/** The header Telegram sends with every update, carrying setWebhook's secret_token. */
export const TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

export interface LinkCode {
  code: string;
  codeHash: string;
  expiresAt: Date;
}

/** A fresh code: 16 random bytes in base64url (22 characters, valid in a t.me ?start= parameter). */
export async function newLinkCode(now: Date): Promise<LinkCode> {
  const code = randomToken(16);
  return {
    code,
    codeHash: await sha256Hex(code),
    expiresAt: new Date(now.getTime() + LINK_CODE_TTL_MINUTES * 60_000),
  };
}

export function startCommand(code: string): string {
  return `/start ${code}`;
}

export function deepLink(botUsername: string | null, code: string): string | null {
  return botUsername ? `https://t.me/${botUsername}?start=${code}` : null;
}

/** Compares the header with the configured secret in constant time (over their SHA-256, so lengths match). */
export async function telegramSecretMatches(
  header: string | undefined,
  secret: string | null,
): Promise<boolean> {
  if (!secret || header === undefined) return false;
  const digest = async (text: string) =>
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return constantTimeEqual(await digest(header), await digest(secret));
}

/** The part of an Update we read; Telegram adds fields over time, so unknown keys pass. */
export const TelegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      message_id: z.number().int(),
      chat: z.object({ id: z.number().int(), type: z.string() }),
      text: z.string().max(4096).optional(),
    })
    .optional(),
});

export type TelegramUpdate = z.infer<typeof TelegramUpdateSchema>;

/** The code of a "/start <code>" (or "/start@bot <code>") message; null for any other text. */
export function startCodeOf(text: string | undefined): string | null {
  const match = text?.trim().match(/^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})$/);
  return match?.[1] ?? null;
}

export const LINK_REPLIES = {
  ru: {
    linked: "Готово: оповещения MI Core будут приходить в этот чат.",
    unknown: "Код не подходит или устарел. Создайте новый в панели: Оповещения → Telegram.",
  },
  en: {
    linked: "Done: MI Core alerts will arrive in this chat.",
    unknown: "This code is unknown or expired. Create a new one in the dashboard: Alerts → Telegram.",
  },
} as const;

// The Telegram Bot API's sendMessage (https://core.telegram.org/bots/api#sendmessage): POST
// {base}/bot{token}/sendMessage; the answer is {"ok":true,...} or {"ok":false,"error_code","description",
// "parameters":{"retry_after"}} — a 429 names the seconds to wait, which the queue honours.
import { outcomeOfStatus, type SendOutcome } from "./send-outcome";

export interface TelegramBot {
  apiBase: string;
  token: string;
}

interface TelegramAnswer {
  ok?: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export async function sendTelegramMessage(
  bot: TelegramBot,
  chatId: string,
  text: string,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(`${bot.apiBase}/bot${bot.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: chatId, text, disable_web_page_preview: true }),
    });
  } catch (error) {
    return { kind: "transient", reason: `Telegram unreachable: ${String(error)}`.slice(0, 300) };
  }
  const answer = (await response.json().catch(() => ({}))) as TelegramAnswer;
  if (response.ok && answer.ok) return { kind: "sent" };
  const status = answer.error_code ?? response.status;
  const reason = `Telegram ${status}: ${answer.description ?? response.statusText}`.slice(0, 300);
  return outcomeOfStatus(status, reason, answer.parameters?.retry_after);
}

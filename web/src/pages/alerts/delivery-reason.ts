// Why a delivery failed, in the reader's language. The API keeps its English reason (worker/alerts/deliver.ts,
// telegram.ts, webhook.ts) for API users and logs; the dashboard reads the known shapes of it and says them in
// Russian or English, showing the receiver's own words (Telegram's description) as they came.
import { t } from "../../i18n/locale";
import type { MessageKey } from "../../i18n/messages-en";

const FIXED: Record<string, MessageKey> = {
  "channel disabled": "alerts.reason.disabled",
  "no Telegram chat linked": "alerts.reason.noChat",
  "no webhook URL set": "alerts.reason.noUrl",
  "TELEGRAM_BOT_TOKEN is not configured": "alerts.reason.noBot",
};

export function deliveryReasonText(reason: string): string {
  const fixed = FIXED[reason];
  if (fixed) return t(fixed);
  const webhook = /^webhook answered (\d{3})$/.exec(reason);
  if (webhook) return t("alerts.reason.webhookAnswered", { status: webhook[1] ?? "" });
  if (reason.startsWith("webhook unreachable")) return t("alerts.reason.webhookUnreachable");
  if (reason.startsWith("webhook refused: ")) return t("alerts.reason.webhookRefused");
  const telegram = /^Telegram (\d{3}): (.*)$/s.exec(reason);
  if (telegram)
    return t("alerts.reason.telegramAnswered", { status: telegram[1] ?? "", description: telegram[2] ?? "" });
  if (reason.startsWith("Telegram unreachable")) return t("alerts.reason.telegramUnreachable");
  return reason;
}

// Says that the API asked the dashboard to slow down (429) and when it will try again, while a request
// waits out the Retry-After; nothing otherwise.
import { rateLimitWait } from "../api/client";
import { t } from "../i18n/locale";

export function RateLimitNotice() {
  const seconds = rateLimitWait.value;
  if (seconds === null) return null;
  return (
    <p class="notice" role="status" data-testid="rate-limit-wait">
      {t("common.rateLimitWait", { seconds })}
    </p>
  );
}

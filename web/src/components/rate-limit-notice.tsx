// Says that the API asked the dashboard to slow down (429) and counts down to the next try, while requests wait
// out the Retry-After; nothing otherwise.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { rateLimitUntil } from "../api/client";
import { t } from "../i18n/locale";

export function RateLimitNotice() {
  const until = rateLimitUntil.value;
  const now = useSignal(Date.now());
  useEffect(() => {
    if (until === null) return;
    now.value = Date.now();
    const timer = setInterval(() => (now.value = Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (until === null) return null;
  const seconds = Math.max(1, Math.ceil((until - now.value) / 1000));
  return (
    <p class="notice" role="status" data-testid="rate-limit-wait">
      {t("common.rateLimitWait", { seconds })}
    </p>
  );
}

// Says that the API asked the dashboard to slow down (429) and counts down to the next try, while requests wait
// out the Retry-After; nothing otherwise. The sign-in form counts down the same wait (useRateLimitWait).
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { rateLimitUntil } from "../api/client";
import { t } from "../i18n/locale";
import { waitSeconds } from "../lib/wait-seconds";

/** The seconds until requests waiting out a 429 try again, ticking each second; null when none waits. */
export function useRateLimitWait(): number | null {
  const until = rateLimitUntil.value;
  const now = useSignal(Date.now());
  useEffect(() => {
    if (until === null) return;
    now.value = Date.now();
    const timer = setInterval(() => (now.value = Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? null : waitSeconds(until, now.value);
}

export function RateLimitNotice() {
  const seconds = useRateLimitWait();
  if (seconds === null) return null;
  return (
    <p class="notice" role="status" data-testid="rate-limit-wait">
      {t("common.rateLimitWait", { seconds })}
    </p>
  );
}

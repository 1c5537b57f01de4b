// The vendor's verdict on an account's credentials ("Check connection", or the check a connect runs first): the
// outcome in the reader's language, and the details for support folded away beneath it (which call, the vendor's
// status and its own words, usually English), marked as not ours to translate.
import type { ConnectionCheckAnswer } from "../../../../worker/api/schemas/account-admin";
import { t } from "../../i18n/locale";
import { formatDate } from "../../lib/format";

export function ConnectionVerdict({ verdict, testId }: { verdict: ConnectionCheckAnswer; testId: string }) {
  return (
    <div
      role="status"
      data-testid={testId}
      data-outcome={verdict.outcome}
      class={verdict.outcome === "ok" ? "notice" : "form-error"}
    >
      {/* What the key says of itself (read, not checked with the vendor) replaces the vendor's general verdict. */}
      {verdict.expiredOn ? (
        <span data-testid={`${testId}-expired`}>
          {t("accounts.tokenExpired", { date: formatDate(verdict.expiredOn) })}
        </span>
      ) : verdict.missing.length > 0 ? (
        <span data-testid={`${testId}-missing`}>
          {t("accounts.missingAccess", { list: verdict.missing.join(", ") })}
        </span>
      ) : (
        t(`accounts.outcome.${verdict.outcome}`)
      )}
      {verdict.detail && (
        <details class="muted small">
          <summary>{t("accounts.vendorSaid")}</summary>
          <span translate={false}>{verdict.detail}</span>
        </details>
      )}
    </div>
  );
}

// The credential inputs a marketplace needs (Ozon: Client ID and API key; WB: the API token) and the body the
// API takes from them, shared by connecting an account and replacing its key.
import type { Signal } from "@preact/signals";
import type { Marketplace } from "../../api/types";
import { t } from "../../i18n/locale";

/** What POST /api/accounts and PATCH /api/accounts/{id} take as `credentials`. */
export function credentialsBody(marketplace: Marketplace, clientId: string, secret: string) {
  return marketplace === "ozon" ? { clientId: clientId.trim(), apiKey: secret } : { token: secret };
}

/** `secret` is the Ozon API key or the WB token; `clientId` is shown for Ozon only. */
export function CredentialFields({
  marketplace,
  clientId,
  secret,
}: {
  marketplace: Marketplace;
  clientId: Signal<string>;
  secret: Signal<string>;
}) {
  const ozon = marketplace === "ozon";
  return (
    <>
      {ozon && (
        <label class="field">
          <span>{t("accounts.ozonClientId")}</span>
          <input
            name="clientId"
            required
            inputMode="numeric"
            value={clientId.value}
            onInput={(e) => (clientId.value = e.currentTarget.value)}
          />
        </label>
      )}
      <label class="field">
        <span>{ozon ? t("accounts.ozonApiKey") : t("accounts.token")}</span>
        <input
          name={ozon ? "apiKey" : "token"}
          type="password"
          autoComplete="off"
          required
          value={secret.value}
          onInput={(e) => (secret.value = e.currentTarget.value)}
        />
      </label>
    </>
  );
}

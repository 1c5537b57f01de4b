// Replacing an account's key (a WB token that expired, an Ozon Api-Key the seller regenerated): the API asks the
// marketplace first and changes nothing when it refuses or cannot say; the verdict shows here as on connect.
import { useSignal } from "@preact/signals";
import type { AccountAdmin, ConnectionCheckAnswer } from "../../../../worker/api/schemas/account-admin";
import { type ApiFailure, apiRequest } from "../../api/client";
import { errorText } from "../../components/states";
import { t } from "../../i18n/locale";
import { connectVerdict } from "../../lib/connect-verdict";
import { toFailure } from "../../models/resource";
import { ConnectionVerdict } from "./connection-verdict";
import { CredentialFields, credentialsBody } from "./credential-fields";

export function ChangeKeyForm({
  account,
  onDone,
}: {
  account: Pick<AccountAdmin, "id" | "marketplace" | "credentials">;
  onDone: () => void;
}) {
  const clientId = useSignal(account.credentials.clientId ?? "");
  const secret = useSignal("");
  const busy = useSignal(false);
  const refused = useSignal<ConnectionCheckAnswer | null>(null);
  const error = useSignal<ApiFailure | null>(null);
  async function submit() {
    busy.value = true;
    refused.value = error.value = null;
    try {
      const credentials = credentialsBody(account.marketplace, clientId.value, secret.value);
      await apiRequest("PATCH", `/api/accounts/${account.id}`, { body: { credentials } });
      onDone();
    } catch (failure) {
      const verdict = connectVerdict(failure);
      if (verdict) refused.value = verdict;
      else error.value = toFailure(failure);
    } finally {
      busy.value = false;
    }
  }
  return (
    <form
      class="change-key"
      data-testid="change-key"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy.value) void submit();
      }}
    >
      <div class="form-grid">
        <CredentialFields marketplace={account.marketplace} clientId={clientId} secret={secret} />
      </div>
      <div class="toolbar">
        <button type="submit" class="button small primary" disabled={busy.value}>
          {t("accounts.changeKeySave")}
        </button>
        {busy.value && (
          <span class="muted small" role="status">
            {t("accounts.checkingKey")}
          </span>
        )}
      </div>
      {refused.value && (
        <div data-testid="change-key-refused">
          <p class="form-error">{t("accounts.keyNotChanged")}</p>
          <ConnectionVerdict verdict={refused.value} testId="change-key-verdict" />
        </div>
      )}
      {error.value && (
        <p class="form-error" role="alert">
          {errorText(error.value)}
        </p>
      )}
    </form>
  );
}

// Changing an existing account's data sources (adapters): the account's sources in effect checked in the same
// picker the connect form uses, saved with PATCH. The API checks the choice as the sync would (two Ozon sales
// feeds that count the same orders are refused) and changes nothing then: its refusal shows under the picker.
import { useSignal } from "@preact/signals";
import type { AccountAdmin, MarketplaceAdapters } from "../../../../worker/api/schemas/account-admin";
import { apiRequest } from "../../api/client";
import { t } from "../../i18n/locale";
import { type AdapterLists, adapterChange, changedKinds, effectiveAdapters } from "../../lib/adapter-changes";
import { adapterName } from "../../lib/adapter-names";
import { errorText } from "../../lib/error-text";
import { toFailure } from "../../models/resource";
import { AdapterPicker } from "./adapter-picker";

/** "Data sources saved. Added: «…». Removed: «…»." — or that nothing changed. */
function savedText(before: AdapterLists, after: AdapterLists): string {
  const { added, removed } = adapterChange(before, after);
  if (added.length === 0 && removed.length === 0) return t("accounts.sourcesUnchanged");
  const names = (ids: string[]) =>
    ids.map((id) => t("accounts.sourceName", { name: adapterName(id) })).join(", ");
  return [
    t("accounts.sourcesSaved"),
    added.length > 0 ? t("accounts.sourcesAdded", { list: names(added) }) : "",
    removed.length > 0 ? t("accounts.sourcesRemoved", { list: names(removed) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

export function AdaptersForm({
  account,
  adapters,
  onDone,
}: {
  account: AccountAdmin;
  adapters: MarketplaceAdapters | null;
  /** The account as the API now answers it, and the words saying what changed. */
  onDone: (changed: AccountAdmin, note: string) => void;
}) {
  const before = effectiveAdapters(account, adapters);
  const chosen = useSignal<AdapterLists>(before);
  const busy = useSignal(false);
  const refusal = useSignal<string | null>(null);
  async function submit() {
    busy.value = true;
    refusal.value = null;
    try {
      // Only the kinds the admin changed: an untouched kind keeps following the marketplace default.
      const change = changedKinds(before, chosen.value);
      const changed =
        Object.keys(change).length === 0
          ? account
          : await apiRequest<AccountAdmin>("PATCH", `/api/accounts/${account.id}`, {
              body: { adapters: change },
            });
      onDone(changed, savedText(before, effectiveAdapters(changed, adapters)));
    } catch (failure) {
      // The refusal's sentence, then that the sources in use stay ("…выберите один из них. Действуют прежние…").
      const said = errorText(toFailure(failure));
      refusal.value = `${said}${/[.!?…]$/.test(said) ? "" : "."} ${t("accounts.sourcesNotChanged")}`;
    } finally {
      busy.value = false;
    }
  }
  return (
    <form
      class="adapters-form"
      data-testid="account-sources-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy.value) void submit();
      }}
    >
      <AdapterPicker
        adapters={adapters}
        marketplace={account.marketplace}
        chosen={chosen.value}
        onChange={(kind, ids) => (chosen.value = { ...chosen.value, [kind]: ids })}
        refusal={refusal.value}
      />
      <div class="toolbar">
        <button type="submit" class="button small primary" disabled={busy.value || adapters === null}>
          {t("accounts.sourcesSave")}
        </button>
      </div>
    </form>
  );
}

// The data sources (adapters) of a marketplace account: a checkbox per stock and sales adapter the marketplace
// offers, deprecated ones marked, and the API's refusal of the choice under the field. Connecting an account
// and changing an existing account's sources (adapters-form.tsx) use the same picker.
import type { MarketplaceAdapters } from "../../../../worker/api/schemas/account-admin";
import type { Marketplace } from "../../api/types";
import { t } from "../../i18n/locale";
import type { AdapterKind, AdapterLists } from "../../lib/adapter-changes";
import { adapterName } from "../../lib/adapter-names";

function AdapterChoice(props: {
  adapters: MarketplaceAdapters | null;
  marketplace: Marketplace;
  kind: AdapterKind;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const offered =
    props.adapters?.items.find((item) => item.marketplace === props.marketplace)?.[props.kind] ?? [];
  return (
    <fieldset class="field adapter-choice" data-kind={props.kind}>
      <legend>{t(props.kind === "stock" ? "accounts.stockAdapters" : "accounts.salesAdapters")}</legend>
      {offered.map((adapter) => (
        <label key={adapter.id} class="small check-line">
          <input
            type="checkbox"
            name={`${props.kind}-adapter`}
            value={adapter.id}
            checked={props.chosen.includes(adapter.id)}
            onChange={(event) =>
              props.onChange(
                event.currentTarget.checked
                  ? [...props.chosen, adapter.id]
                  : props.chosen.filter((id) => id !== adapter.id),
              )
            }
          />
          <span>
            <span>{adapterName(adapter.id)}</span> <span class="mono muted">{adapter.id}</span>
            {adapter.deprecated && (
              <>
                {" "}
                <span class="badge badge-low" data-testid="adapter-deprecated">
                  {t("adapter.deprecated")}
                </span>
              </>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Both kinds' checkboxes; `refusal` (the API's words for a refused choice) shows under them. */
export function AdapterPicker(props: {
  adapters: MarketplaceAdapters | null;
  marketplace: Marketplace;
  chosen: AdapterLists;
  onChange: (kind: AdapterKind, ids: string[]) => void;
  refusal?: string | null;
}) {
  return (
    <div class="adapter-picker">
      {(["stock", "sales"] as const).map((kind) => (
        <AdapterChoice
          key={kind}
          adapters={props.adapters}
          marketplace={props.marketplace}
          kind={kind}
          chosen={props.chosen[kind]}
          onChange={(ids) => props.onChange(kind, ids)}
        />
      ))}
      {props.refusal && (
        <p class="form-error" role="alert" data-testid="adapters-refused">
          {props.refusal}
        </p>
      )}
    </div>
  );
}

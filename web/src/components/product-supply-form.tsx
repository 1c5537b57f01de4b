// The product's own minimum order and pack size for the supply plan (PUT /api/products/{id}/supply), on its
// page: an operator sets or clears them (empty uses the organization's, shown as the placeholder); a refusal
// shows under the field the API names, and SaveBar says "Saved" or any other failure. A viewer reads them.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { ApiFailure, apiRequest } from "../api/client";
import type { ProductDetail } from "../api/types";
import { t } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";
import { formatNumber } from "../lib/format";
import { problemText } from "../lib/refusal";
import { parseWholeNumber } from "../lib/whole-number";
import { roleAtLeast, session } from "../models/session";
import { Field } from "./field";
import { SaveBar } from "./save-bar";

type Supply = ProductDetail["supply"];
type SupplyField = "minOrderUnits" | "packSize";
const FIELDS: Array<[SupplyField, MessageKey]> = [
  ["minOrderUnits", "product.supplyMinOrder"],
  ["packSize", "product.supplyPackSize"],
];

export function ProductSupplyForm({ productId, supply }: { productId: number; supply: Supply }) {
  const draft = useSignal<Record<SupplyField, string>>({ minOrderUnits: "", packSize: "" });
  const saving = useSignal(false);
  const saved = useSignal(false);
  const error = useSignal<ApiFailure | null>(null);
  const notWhole = useSignal<SupplyField | null>(null);
  useEffect(() => {
    draft.value = {
      minOrderUnits: supply.minOrderUnits === null ? "" : String(supply.minOrderUnits),
      packSize: supply.packSize === null ? "" : String(supply.packSize),
    };
  }, [productId, supply.minOrderUnits, supply.packSize]);
  const canEdit = roleAtLeast(session.role.value, "operator");
  const fieldOf = notWhole.value ?? error.value?.problem?.field;
  const onField = fieldOf === "minOrderUnits" || fieldOf === "packSize";

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    saving.value = true;
    saved.value = false;
    error.value = null;
    // "" is null (the organization's); a typo ("5e", "1.5") is refused here, so it never saves as "empty".
    const minOrderUnits = parseWholeNumber(draft.value.minOrderUnits);
    const packSize = parseWholeNumber(draft.value.packSize);
    notWhole.value =
      minOrderUnits === "not-whole" ? "minOrderUnits" : packSize === "not-whole" ? "packSize" : null;
    if (minOrderUnits === "not-whole" || packSize === "not-whole") {
      saving.value = false;
      return;
    }
    try {
      await apiRequest("PUT", `/api/products/${productId}/supply`, { body: { minOrderUnits, packSize } });
      saved.value = true;
      // The change moved the organization's data version: the page and the plan reload with it.
      await session.check();
    } catch (failure) {
      error.value = failure instanceof ApiFailure ? failure : new ApiFailure(0, "NETWORK", String(failure));
    } finally {
      saving.value = false;
    }
  }

  return (
    <section class="card" data-testid="product-supply">
      <h2>{t("product.supply")}</h2>
      <p class="muted small">
        {t("product.supplyNote", {
          minOrder: formatNumber(supply.defaults.minOrderUnits),
          pack: formatNumber(supply.defaults.packSize),
        })}
      </p>
      {/* The API judges the numbers: its refusal, in the reader's language, shows under the field. */}
      <form onSubmit={save} noValidate>
        <div class="grid-2">
          {FIELDS.map(([name, label]) => (
            <Field key={name} label={t(label)}>
              {/* Text, not type=number: a browser's number field reports "5e" or "abc" as empty. */}
              <input
                type="text"
                inputMode="numeric"
                value={draft.value[name]}
                placeholder={formatNumber(
                  name === "minOrderUnits" ? supply.defaults.minOrderUnits : supply.defaults.packSize,
                )}
                disabled={!canEdit}
                aria-invalid={fieldOf === name}
                data-testid={`supply-${name}`}
                onInput={(e) => {
                  draft.value = { ...draft.value, [name]: e.currentTarget.value };
                  saved.value = false;
                  notWhole.value = null;
                }}
              />
              {notWhole.value === name && (
                <span class="form-error" role="alert">
                  {t("product.supplyWholeNumber")}
                </span>
              )}
              {notWhole.value === null && fieldOf === name && error.value?.problem && (
                <span class="form-error" role="alert">
                  {problemText(error.value.problem)}
                </span>
              )}
            </Field>
          ))}
        </div>
        {canEdit ? (
          <SaveBar
            disabled={saving.value}
            testId="supply-save"
            saved={saved.value}
            error={onField ? null : error.value}
          />
        ) : (
          <p class="muted small">{t("product.supplyViewer")}</p>
        )}
      </form>
    </section>
  );
}

// The product's own minimum order and pack size for the supply plan (PUT /api/products/{id}/supply), on its
// page: an operator sets or clears them (empty uses the organization's, shown as the placeholder); a refusal
// shows under the field the API names, and SaveBar says "Saved" or any other failure. A viewer reads them.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SETTING_RANGES } from "../../../domain/setting-ranges";
import { ApiFailure, apiRequest } from "../api/client";
import type { ProductDetail } from "../api/types";
import { t } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";
import { formatNumber } from "../lib/format";
import { problemText } from "../lib/refusal";
import { parseWholeNumber, type WholeNumberText, wholeNumberProblem } from "../lib/whole-number";
import { roleAtLeast, session } from "../models/session";
import { Field } from "./field";
import { SaveBar } from "./save-bar";

type Supply = ProductDetail["supply"];
type SupplyField = "minOrderUnits" | "packSize";
const FIELDS: Array<[SupplyField, MessageKey]> = [
  ["minOrderUnits", "product.supplyMinOrder"],
  ["packSize", "product.supplyPackSize"],
];

/** Empty is allowed (the organization's number); a typo or a number out of range is named. */
function supplyProblem(parsed: WholeNumberText, field: SupplyField): string | null {
  if (parsed === null) return null;
  if (parsed === "not-whole") return t("product.supplyWholeNumber");
  return wholeNumberProblem(parsed, SETTING_RANGES[field]);
}

export function ProductSupplyForm({ productId, supply }: { productId: number; supply: Supply }) {
  const draft = useSignal<Record<SupplyField, string>>({ minOrderUnits: "", packSize: "" });
  const saving = useSignal(false);
  const saved = useSignal(false);
  const error = useSignal<ApiFailure | null>(null);
  /** The fields whose text the form refused before sending, and why (each field its own). */
  const typed = useSignal<Partial<Record<SupplyField, string>>>({});
  useEffect(() => {
    draft.value = {
      minOrderUnits: supply.minOrderUnits === null ? "" : String(supply.minOrderUnits),
      packSize: supply.packSize === null ? "" : String(supply.packSize),
    };
  }, [productId, supply.minOrderUnits, supply.packSize]);
  const canEdit = roleAtLeast(session.role.value, "operator");
  const refusedHere = Object.keys(typed.value).length > 0;
  const fieldOf = error.value?.problem?.field;
  const onField = fieldOf === "minOrderUnits" || fieldOf === "packSize";

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    saving.value = true;
    saved.value = false;
    error.value = null;
    // "" is null (the organization's); a typo ("5e", "1.5") or a number out of range is refused here, so it
    // never saves as "empty" and is named under its field.
    const minOrderUnits = parseWholeNumber(draft.value.minOrderUnits);
    const packSize = parseWholeNumber(draft.value.packSize);
    const problems = {
      minOrderUnits: supplyProblem(minOrderUnits, "minOrderUnits"),
      packSize: supplyProblem(packSize, "packSize"),
    };
    typed.value = Object.fromEntries(
      FIELDS.flatMap(([name]) => (problems[name] === null ? [] : [[name, problems[name]]])),
    );
    if (Object.keys(typed.value).length > 0 || minOrderUnits === "not-whole" || packSize === "not-whole") {
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
                aria-invalid={Boolean(typed.value[name]) || fieldOf === name}
                data-testid={`supply-${name}`}
                onInput={(e) => {
                  draft.value = { ...draft.value, [name]: e.currentTarget.value };
                  saved.value = false;
                  const { [name]: _edited, ...others } = typed.value;
                  typed.value = others;
                }}
              />
              {typed.value[name] && (
                <span class="form-error" role="alert">
                  {typed.value[name]}
                </span>
              )}
              {!refusedHere && fieldOf === name && error.value?.problem && (
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

// A labelled text field for a whole number, shared by every form that takes one (Settings, the alert settings):
// it keeps what was typed, reports the parsed value (lib/whole-number.ts) and says under itself when the text is
// not a whole number (or is empty where a number is required), so a typo never saves as 0.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { t } from "../i18n/locale";
import { parseWholeNumber, type WholeNumberText } from "../lib/whole-number";
import { Field } from "./field";

export function WholeNumberField({
  label,
  name,
  value,
  disabled,
  onChange,
}: {
  label: string;
  name: string;
  /** The saved or drafted number; the text follows it when it changes from outside (a reload, a reset). */
  value: number;
  disabled: boolean;
  /** The parsed text: a number, or "not-whole" (empty included: the field is required). */
  onChange: (value: number | "not-whole") => void;
}) {
  const text = useSignal(String(value));
  useEffect(() => {
    if (parseWholeNumber(text.value) !== value) text.value = String(value);
  }, [value]);
  const parsed: WholeNumberText = parseWholeNumber(text.value);
  const bad = parsed === null || parsed === "not-whole";
  return (
    <Field label={label}>
      <input
        type="text"
        inputMode="numeric"
        name={name}
        disabled={disabled}
        value={text.value}
        aria-invalid={bad}
        onInput={(event) => {
          text.value = event.currentTarget.value;
          const next = parseWholeNumber(text.value);
          onChange(next === null ? "not-whole" : next);
        }}
      />
      {bad && (
        <span class="form-error" role="alert">
          {t("form.wholeNumber")}
        </span>
      )}
    </Field>
  );
}

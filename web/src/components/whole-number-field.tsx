// A labelled text field for a whole number, shared by every form that takes one (Settings, the alert settings):
// it keeps what was typed, reports the parsed value (lib/whole-number.ts) and says under itself when the text is
// not a whole number, is empty, or is outside the setting's range, so a typo never saves as 0 and an
// out-of-range number is named where it was typed rather than refused by the API next to Save.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { WholeRange } from "../../../domain/setting-ranges";
import { parseWholeNumber, wholeNumberProblem } from "../lib/whole-number";
import { Field } from "./field";

export function WholeNumberField({
  label,
  name,
  value,
  range,
  disabled,
  ruleProblem,
  onChange,
}: {
  label: string;
  name: string;
  /** The saved or drafted number; the text follows it when it changes from outside (a reload, a reset). */
  value: number;
  range: WholeRange;
  disabled: boolean;
  /** A rule this number breaks together with others (the form's words), said under it unless its own text is wrong. */
  ruleProblem?: string | null | undefined;
  /** The parsed text: a number in range, or "invalid" (empty, not whole, or out of range). */
  onChange: (value: number | "invalid") => void;
}) {
  const text = useSignal(String(value));
  useEffect(() => {
    if (parseWholeNumber(text.value) !== value) text.value = String(value);
  }, [value]);
  const problem = wholeNumberProblem(parseWholeNumber(text.value), range) ?? ruleProblem ?? null;
  return (
    <Field label={label}>
      <input
        type="text"
        inputMode="numeric"
        name={name}
        disabled={disabled}
        value={text.value}
        aria-invalid={problem !== null}
        onInput={(event) => {
          text.value = event.currentTarget.value;
          const parsed = parseWholeNumber(text.value);
          onChange(
            typeof parsed === "number" && wholeNumberProblem(parsed, range) === null ? parsed : "invalid",
          );
        }}
      />
      {problem && (
        <span class="form-error" role="alert" data-testid={`${name}-problem`}>
          {problem}
        </span>
      )}
    </Field>
  );
}

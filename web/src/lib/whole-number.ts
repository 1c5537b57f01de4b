// A whole number typed into a form. A browser's number field reads "5e" or "abc" as "" (and Number("") is 0),
// so the forms take text and judge it here: "" is empty, digits are the number (a minus and thousands grouped by
// spaces allowed), anything else ("5e", "1.5", "2,5", "+4") is not a whole number; a number outside its setting's range (domain/setting-ranges.ts) is named
// with the bound it breaks. Either way the form refuses it under the field, before sending.
import { rangeProblem, type WholeRange } from "../../../domain/setting-ranges";
import { t } from "../i18n/locale";

export type WholeNumberText = number | null | "not-whole";

/** Digits, optionally after a minus and grouped by thousands with spaces the Russian way ("1 000", "-3"). */
const WHOLE = /^-?(\d+|\d{1,3}([ \u00a0\u202f]\d{3})+)$/;

export function parseWholeNumber(text: string): WholeNumberText {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  // A negative number is read as one, so its refusal names the bound ("не меньше 0"), not the typing.
  return WHOLE.test(trimmed) ? Number(trimmed.replace(/[ \u00a0\u202f]/g, "")) : "not-whole";
}

/** Why the text cannot be saved, in the reader's language ("не больше 365"); null when it is a number in range. */
export function wholeNumberProblem(parsed: WholeNumberText, range: WholeRange): string | null {
  if (parsed === null || parsed === "not-whole") return t("form.wholeNumber");
  const problem = rangeProblem(parsed, range);
  if (problem === null) return null;
  return problem.reason === "too_small"
    ? t("refusal.tooSmall", { minimum: problem.minimum })
    : t("refusal.tooBig", { maximum: problem.maximum });
}

// A whole number typed into a form. A browser's number field reads "5e" or "abc" as "" (and Number("") is 0),
// so the forms take text and judge it here: "" is empty, digits are the number (the API judges its range),
// anything else ("5e", "1.5", "2,5", "-3") is not a whole number and is refused before sending.
export type WholeNumberText = number | null | "not-whole";

export function parseWholeNumber(text: string): WholeNumberText {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : "not-whole";
}

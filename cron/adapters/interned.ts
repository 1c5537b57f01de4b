// One copy of each text that vendor pages repeat row after row (articles, product names, barcodes, warehouses,
// regions): a streamed body makes a new string for every row, so an 80,000-row page would keep 80,000 copies of
// the same few thousand texts. Rows read through here share them instead.
const kept = new Map<string, string>();
/** Texts kept at most (then the map starts over); a seller has a few thousand articles and warehouses. */
const KEPT_MAX = 50_000;
/** Longer texts are rare and seldom repeated: not kept. */
const LONGEST = 256;

export function interned(text: string): string {
  if (text.length > LONGEST) return text;
  const known = kept.get(text);
  if (known !== undefined) return known;
  if (kept.size >= KEPT_MAX) kept.clear();
  kept.set(text, text);
  return text;
}

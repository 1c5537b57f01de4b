// Reduces a warehouse name as a marketplace feed wrote it to a comparison key: case, spacing, punctuation,
// Latin letters posing as Cyrillic, "ё", and vendor code suffixes (`_РФЦ`, `_НОВЫЙ`, `_1_`) all fold away.

/** Latin letters that look like Cyrillic ones; feeds mix them into Cyrillic names ("Kазань", "Пушкинo"). */
const LATIN_LOOKALIKES: Record<string, string> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

/** Tokens that mark a vendor's internal code form and carry no identity: РФЦ = regional fulfilment centre. */
const CODE_TOKENS = new Set(["рфц", "новыи", "новый", "сц", "мрфц", "фф", "кгт"]);

/** Abbreviations written in place of a city name. */
const ABBREVIATIONS: Record<string, string> = { спб: "санкт петербург", мск: "москва" };

const CYRILLIC = /[а-яё]/;

/** Replaces Latin look-alikes inside a word that also has Cyrillic letters; all-Latin words ("WB") stay. */
function foldLookalikes(word: string): string {
  if (!CYRILLIC.test(word)) return word;
  return [...word].map((ch) => LATIN_LOOKALIKES[ch] ?? ch).join("");
}

/** Everything but code tokens: the words that identify the place. */
export function warehouseNameKey(raw: string): string {
  const words = raw
    .normalize("NFC")
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[_\-–—.,;:/\\"'«»]+/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map(foldLookalikes)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .filter((word) => !CODE_TOKENS.has(word) && !/^\d{1,2}$/.test(word));
  return words.join(" ");
}

/** A readable name for a warehouse nobody has mapped yet: the feed's spelling with its spacing tidied. */
export function provisionalWarehouseName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

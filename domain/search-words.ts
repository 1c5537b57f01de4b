// The words a seller's search text looks for. Text copied from a marketplace page or a dictionary carries
// characters nobody sees (zero-width spaces and joiners, a byte-order mark, soft hyphens, a stress mark over a
// vowel), which would make a visible word match nothing: they are dropped. The text is NFC-normalized first, so a
// letter sent decomposed (и + breve) is the one letter (й) names are stored with; NFKC is not used: it would turn
// the "№" and "™" that names carry into "No" and "TM". A Russian word with Latin look-alike letters in it is also
// read all in Cyrillic (cyrillicReading).

/** Format characters (U+00AD, U+200B–U+200F, U+2060, U+FEFF, bidi marks), the grapheme joiner, the stress mark. */
const INVISIBLE = /\p{Cf}|\u034f|\u0301/gu;

/** The words of `text` to look for, in order; none when it is empty, blank or invisible only. */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** Latin letters drawn like Cyrillic ones: text typed or copied from mixed sources carries them in Russian words. */
const CYRILLIC_OF_LATIN: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
};

/**
 * A word that mixes Cyrillic letters with Latin ones drawn alike ("чёpный" with a Latin p) read all in Cyrillic,
 * for the search to look for besides the word as typed (an article may mix the scripts on purpose); undefined for
 * a word of one script, or one with a Latin letter no Cyrillic one looks like.
 */
export function cyrillicReading(word: string): string | undefined {
  if (!/\p{Script=Cyrillic}/u.test(word) || !/[A-Za-z]/.test(word)) return undefined;
  const reading = word.replace(/[A-Za-z]/g, (letter) => CYRILLIC_OF_LATIN[letter] ?? letter);
  return /[A-Za-z]/.test(reading) ? undefined : reading;
}

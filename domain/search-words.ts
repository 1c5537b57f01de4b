// The words a seller's search text looks for. Text copied from a marketplace page or a dictionary carries
// characters nobody sees (zero-width spaces and joiners, a byte-order mark, soft hyphens, a stress mark over a
// vowel), which would make a visible word match nothing: they are dropped. The text is NFC-normalized first, so a
// letter sent decomposed (и + breve) is the one letter (й) names are stored with; NFKC is not used: it would turn
// the "№" and "™" that names carry into "No" and "TM".

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

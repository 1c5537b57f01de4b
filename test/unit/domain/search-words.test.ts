// The words a search looks for: copy-paste's invisible characters dropped, decomposed letters composed, and
// nothing (so no filter) from a blank or invisible-only text.
import { describe, expect, it } from "vitest";
import { cyrillicReading, searchWords } from "../../../domain/search-words";

describe("searchWords", () => {
  it("splits on any whitespace and drops the empty ends", () => {
    expect(searchWords("  Red \t coat\n")).toEqual(["Red", "coat"]);
    expect(searchWords("красное\u00a0пальто")).toEqual(["красное", "пальто"]);
  });

  it("is empty for an empty, blank or invisible-only text", () => {
    for (const text of ["", "   ", "\t", "\u200b", "\ufeff \u200d", "\u00ad"])
      expect(searchWords(text)).toEqual([]);
  });

  it("drops zero-width characters, the BOM, soft hyphens, bidi marks and stress marks inside words", () => {
    expect(searchWords("\ufeffпа\u0301льто кра\u00adсное")).toEqual(["пальто", "красное"]);
    expect(searchWords("A\u200b-\u200c0\u200d01\u2060\u200e")).toEqual(["A-001"]);
  });

  it("composes a letter sent decomposed, and keeps № and ™ as typed (no NFKC)", () => {
    expect(searchWords("пуховыи\u0306 е\u0308лка")).toEqual(["пуховый", "ёлка"]);
    expect(searchWords("Cafe\u0301")).toEqual(["Café"]);
    expect(searchWords("Духи №5™")).toEqual(["Духи", "№5™"]);
  });
});

describe("cyrillicReading", () => {
  it("reads a Russian word's Latin look-alike letters as Cyrillic", () => {
    expect(cyrillicReading("чёpный")).toBe("чёрный");
    expect(cyrillicReading("CTOЛ")).toBe("СТОЛ");
    expect(cyrillicReading("кoфтa")).toBe("кофта");
  });

  it("leaves a word of one script, or with a Latin letter nothing Cyrillic looks like, to be searched as typed", () => {
    expect(cyrillicReading("coat")).toBeUndefined();
    expect(cyrillicReading("A-001")).toBeUndefined();
    expect(cyrillicReading("а-003")).toBeUndefined();
    expect(cyrillicReading("пальто")).toBeUndefined();
    expect(cyrillicReading("ПЛ-Q12")).toBeUndefined();
  });
});

// The Russian and English catalogues: the same keys, the same placeholders, every plural spelled out in all
// the forms its language's Intl.PluralRules can pick, and plurals chosen by number ("24 422 строки").
import { describe, expect, it } from "vitest";
import { interpolate, pluralForms } from "../../../web/src/i18n/locale";
import { en } from "../../../web/src/i18n/messages-en";
import { ru } from "../../../web/src/i18n/messages-ru";

const catalogues = { en, ru } as const;
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((match) => match[1]).sort();

describe("message catalogues", () => {
  it("have the same keys and placeholders in Russian and English", () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>)
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
  });

  it("spell out every plural form the language needs", () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, text] of Object.entries(catalogue)) {
        const plurals = pluralForms(text);
        expect(plurals.length, `${language} ${key}: unparsed plural`).toBe(
          (text.match(/, plural,/g) ?? []).length,
        );
        for (const forms of plurals)
          expect([...forms].sort(), `${language} ${key}`).toEqual([...needed].sort());
      }
    }
  });

  it("chooses the Russian plural form by number and groups its digits", () => {
    const rows = (n: number) => interpolate(ru["reco.total"], { n }, "ru");
    expect(rows(1)).toBe("1 строка");
    expect(rows(24_422)).toMatch(/^24[\u00a0\u202f]422 строки$/);
    expect(rows(5)).toBe("5 строк");
    expect(rows(21)).toBe("21 строка");
    expect(interpolate(en["reco.total"], { n: 1 }, "en")).toBe("1 line");
    expect(interpolate(en["reco.total"], { n: 1200 }, "en")).toBe("1,200 lines");
  });
});

describe("run issues", () => {
  it("say a stock jump in Russian from its parameters", () => {
    const text = interpolate(ru["issue.STOCK_JUMP"], { count: 4, factor: 10, from: 3, to: 50 }, "ru");
    expect(text).toBe(
      "4 строки выросли более чем в 10 раз по сравнению с прошлым снимком (например, 3 → 50)",
    );
  });
});

// The ABC list's class and page in the Analytics address: what the page writes, it reads back, and a hand-edited
// address with a bad class or page falls back to the whole list's first page.
import { describe, expect, it } from "vitest";
import {
  abcViewFromQuery,
  abcViewQuery,
  abcViewRefused,
  DEFAULT_ABC_VIEW,
} from "../../../web/src/lib/abc-query";

const read = (search: string) => abcViewFromQuery(new URLSearchParams(search));

describe("the ABC view in the address", () => {
  it("reads back every view it writes", () => {
    for (const abcClass of [null, "A", "B", "C"] as const) {
      for (const page of [1, 2, 37]) {
        const query = new URLSearchParams(abcViewQuery({ abcClass, page })).toString();
        expect(read(query), query).toEqual({ abcClass, page });
      }
    }
  });

  it("leaves the address bare for the whole list's first page", () => {
    expect(abcViewQuery(DEFAULT_ABC_VIEW)).toEqual({});
  });

  it("keeps the period's parameters beside its own", () => {
    expect(read("days=90&abc=B&abcPage=3")).toEqual({ abcClass: "B", page: 3 });
  });

  it("falls back to the default for a class or page it does not know", () => {
    for (const search of [
      "abc=D",
      "abc=a",
      "abcPage=0",
      "abcPage=-2",
      "abcPage=1.5",
      "abcPage=abc",
      "abcPage=99999999",
    ]) {
      const view = read(search);
      if (search.startsWith("abc=")) expect(view.abcClass, search).toBeNull();
      else expect(view.page, search).toBe(1);
    }
  });
});

describe("an ABC view the address names but the page cannot take", () => {
  it("is reported, so the page says it shows the whole list instead", () => {
    const refused = (search: string) => abcViewRefused(new URLSearchParams(search));
    expect(refused("")).toBe(false);
    expect(refused("abc=B&abcPage=3")).toBe(false);
    expect(refused("abc=D")).toBe(true);
    expect(refused("abc=b")).toBe(true);
    expect(refused("abcPage=0")).toBe(true);
    expect(refused("abcPage=two")).toBe(true);
    expect(refused("abcPage=01")).toBe(true);
  });
});

// The Analytics page's ABC list as its address carries it (`abc=A|B|C`, `abcPage=N`), so a reload, Back or a
// shared link shows the same class and page. Pure, so that it is unit-tested without a browser.
import type { AbcClass } from "../api/types";

export interface AbcView {
  abcClass: AbcClass | null;
  page: number;
}

export const DEFAULT_ABC_VIEW: AbcView = { abcClass: null, page: 1 };

const CLASSES: readonly string[] = ["A", "B", "C"];

/** The view an address carries; an unknown class or a page that is not a positive whole number gives the default. */
export function abcViewFromQuery(query: URLSearchParams): AbcView {
  const wanted = query.get("abc");
  const abcClass = wanted !== null && CLASSES.includes(wanted) ? (wanted as AbcClass) : null;
  const pageText = query.get("abcPage") ?? "";
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  return { abcClass, page };
}

/** The address's parameters for a view; the default leaves the address bare. */
export function abcViewQuery(view: AbcView): Record<string, string> {
  return {
    ...(view.abcClass ? { abc: view.abcClass } : {}),
    ...(view.page > 1 ? { abcPage: String(view.page) } : {}),
  };
}

/** Whether the address names an ABC class or page that abcViewFromQuery could not take. */
export function abcViewRefused(query: URLSearchParams): boolean {
  const view = abcViewFromQuery(query);
  const classRefused = query.has("abc") && view.abcClass !== query.get("abc");
  const pageRefused = query.has("abcPage") && String(view.page) !== query.get("abcPage");
  return classRefused || pageRefused;
}

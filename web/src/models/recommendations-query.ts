// The Recommendations page's view (per product or per warehouse, only what needs ordering, the page) as
// the page's address carries it. Pure, so that the mapping is unit-tested.

export interface RecommendationsView {
  per: "product" | "warehouse";
  onlyReorder: boolean;
  page: number;
}

export const DEFAULT_VIEW: RecommendationsView = { per: "product", onlyReorder: true, page: 1 };

/** What differs from the default view. */
export function recommendationsQuery(view: RecommendationsView): Record<string, string> {
  const params: Record<string, string> = {};
  if (view.per !== DEFAULT_VIEW.per) params.per = view.per;
  if (view.onlyReorder !== DEFAULT_VIEW.onlyReorder) params.onlyReorder = String(view.onlyReorder);
  if (view.page > 1) params.page = String(view.page);
  return params;
}

/** The view an address asks for; anything unknown falls back to the default. */
export function viewFromQuery(query: URLSearchParams): RecommendationsView {
  const page = query.get("page") ?? "";
  return {
    per: query.get("per") === "warehouse" ? "warehouse" : "product",
    onlyReorder: query.get("onlyReorder") !== "false",
    page: /^[1-9][0-9]{0,8}$/.test(page) ? Number(page) : 1,
  };
}

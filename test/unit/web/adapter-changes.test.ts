// An account's data sources as the Settings card reasons about them: what it uses in effect (the defaults where
// it names none), which kinds a change sends, what it added and removed, the sign-in countdown's seconds, and a
// refused pair of sales feeds said in words.
import { afterAll, describe, expect, it } from "vitest";
import { ApiFailure } from "../../../web/src/api/client";
import { setLocale } from "../../../web/src/i18n/locale";
import {
  adapterChange,
  changedKinds,
  effectiveAdapters,
  recommendedAdapters,
} from "../../../web/src/lib/adapter-changes";
import { errorText } from "../../../web/src/lib/error-text";
import { waitSeconds } from "../../../web/src/lib/wait-seconds";
import { marketplaceAdapters } from "../../../worker/api/schemas/account-admin";

const offered = marketplaceAdapters(Date.parse("2026-12-07T00:00:00Z"));
afterAll(() => setLocale("ru"));

describe("an account's data sources", () => {
  it("are the marketplace defaults where the account names none, its own lists otherwise", () => {
    const defaults = effectiveAdapters(
      { marketplace: "ozon", adapters: { stock: [], sales: null } },
      offered,
    );
    expect(defaults.sales).toEqual(["ozon.v3.posting_fbo_list", "ozon.v4.posting_fbs_list"]);
    expect(defaults.stock.length).toBeGreaterThan(0);
    const own = effectiveAdapters(
      { marketplace: "ozon", adapters: { stock: ["ozon.v1.analytics_stocks"], sales: [] } },
      offered,
    );
    expect(own).toEqual({ stock: ["ozon.v1.analytics_stocks"], sales: [] });
  });

  it("recommends the successor of a deprecated default to a new account", () => {
    const stock = recommendedAdapters(offered, "ozon", "stock");
    expect(stock).toContain("ozon.v1.analytics_stocks");
    expect(stock).not.toContain("ozon.v2.stock_on_warehouses");
    expect(recommendedAdapters(null, "ozon", "stock")).toEqual([]);
  });

  it("sends only the kinds the admin changed, nothing when nothing changed", () => {
    const before = { stock: ["a", "b"], sales: ["x"] };
    expect(changedKinds(before, { stock: ["a", "b"], sales: ["x"] })).toEqual({});
    expect(changedKinds(before, { stock: ["a", "b", "c"], sales: ["x"] })).toEqual({
      stock: ["a", "b", "c"],
    });
    expect(changedKinds(before, { stock: ["b", "a"], sales: [] })).toEqual({ stock: ["b", "a"], sales: [] });
  });

  it("names what a change added and removed, across both kinds", () => {
    expect(adapterChange({ stock: ["a"], sales: ["x", "y"] }, { stock: ["a", "b"], sales: ["y"] })).toEqual({
      added: ["b"],
      removed: ["x"],
    });
    expect(adapterChange({ stock: ["a"], sales: [] }, { stock: ["a"], sales: [] })).toEqual({
      added: [],
      removed: [],
    });
  });

  it("says two sales feeds that count the same orders in words, naming the sales sources", () => {
    const failure = new ApiFailure(400, "BAD_REQUEST", "adapters.sales: …", "req", {
      field: "adapters.sales",
      reason: "same_orders",
    });
    setLocale("ru");
    expect(errorText(failure)).toBe(
      "Не сохранено: Источники продаж — эти источники считают одни и те же заказы: выберите один из них",
    );
    setLocale("en");
    expect(errorText(failure)).toBe(
      "Not saved: Sales sources — these sources count the same orders: choose one of them",
    );
  });
});

describe("the rate limit countdown", () => {
  it("rounds the wait up to whole seconds and never shows 0 while it lasts", () => {
    expect(waitSeconds(10_000, 0)).toBe(10);
    expect(waitSeconds(10_000, 1)).toBe(10);
    expect(waitSeconds(10_000, 9_001)).toBe(1);
    expect(waitSeconds(10_000, 10_500)).toBe(1);
  });
});

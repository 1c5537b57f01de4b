// The supply plan page's model, without a browser: the search box keeps what is typed while a load is pending,
// a search longer than the API takes is cut rather than refused, a destination's subtotal says it is the page's,
// and an empty plan says why (nothing matches the search, no account yet, or enough stock everywhere).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale, t } from "../../../web/src/i18n/locale";
import {
  createSupplyPlanModel,
  emptyPlanKey,
  groupTotalsKey,
  SUPPLY_SEARCH_MAX,
} from "../../../web/src/models/supply-plan";

const emptyPlan = {
  items: [],
  page: 1,
  pageSize: 50,
  total: 0,
  totals: { lines: 0, products: 0, destinations: 0, units: 0, value: 0 },
  reconciliation: null,
};

describe("the supply plan's search", () => {
  const asked: string[] = [];
  let release: () => void = () => {};

  beforeEach(() => {
    asked.length = 0;
    vi.useFakeTimers();
    // Each request waits until released: a load is pending while the seller types.
    vi.stubGlobal("fetch", (path: string) => {
      asked.push(decodeURIComponent(String(path)));
      return new Promise<Response>((resolve) => {
        release = () => resolve(Response.json(emptyPlan));
      });
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("keeps the text typed while a load is pending and after it ends, and asks after a pause in typing", async () => {
    const model = createSupplyPlanModel();
    model.load();
    expect(model.plan.loading.value).toBe(true);
    model.type("DM-0");
    model.type("DM-00");
    expect(model.search.value).toBe("DM-00");
    release();
    await vi.waitFor(() => expect(model.plan.loading.value).toBe(false));
    expect(model.search.value).toBe("DM-00");
    expect(asked).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toContain("search=DM-00");
  });

  it("cuts a search at the API's 200 characters instead of having it refused", () => {
    const model = createSupplyPlanModel();
    model.type("x".repeat(250));
    expect(model.search.value).toHaveLength(SUPPLY_SEARCH_MAX);
    vi.advanceTimersByTime(300);
    expect(asked[0]).toContain(`search=${"x".repeat(200)}&`);
  });
});

describe("the supply plan's words", () => {
  afterEach(() => setLocale("ru"));

  it("labels a destination's subtotal as this page's when the plan has more pages", () => {
    expect(groupTotalsKey(1)).toBe("supply.groupTotals");
    expect(groupTotalsKey(3)).toBe("supply.groupTotalsPage");
    setLocale("ru");
    expect(t(groupTotalsKey(3), { units: 844, value: "1 000 ₽" })).toBe(
      "на этой странице: 844 штуки · 1 000 ₽",
    );
    setLocale("en");
    expect(t(groupTotalsKey(3), { units: 844, value: "₽1,000" })).toBe("on this page: 844 units · ₽1,000");
  });

  it("says a search matched nothing, or that there is no data yet, rather than 'enough stock everywhere'", () => {
    expect(emptyPlanKey("zzzz", 2)).toBe("supply.noMatch");
    expect(emptyPlanKey("zzzz", undefined)).toBe("supply.noMatch");
    expect(emptyPlanKey("", 0)).toBe("supply.noData");
    expect(emptyPlanKey("  ", 2)).toBe("supply.empty");
    expect(emptyPlanKey("", undefined)).toBeNull();
    setLocale("ru");
    expect(t("supply.noMatch", { search: "zzzz" })).toContain("«zzzz»");
    setLocale("en");
    expect(t("supply.noData")).toMatch(/^No data yet/);
  });
});

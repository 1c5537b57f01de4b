// The deprecated-endpoint notice names the data the seller knows ("остатки по складам Ozon (v2)"), never the
// adapter id, and says when no switch-off date is announced instead of showing a dash.
import { afterAll, describe, expect, it } from "vitest";
import { setLocale } from "../../../web/src/i18n/locale";
import { describeSunset } from "../../../web/src/models/sunsets";

afterAll(() => setLocale("ru"));

describe("sunset notice", () => {
  const undated = {
    accountId: "a",
    adapter: "ozon.v2.stock_on_warehouses",
    state: "deprecated" as const,
    switchOffOn: null,
    replacement: "ozon.v1.analytics_stocks",
  };

  it("says an undated deprecation in Russian with the data's names", () => {
    setLocale("ru");
    const text = describeSunset(undated);
    expect(text).toBe(
      "Маркетплейс объявил «остатки по складам Ozon (v2)» устаревшим (отключение: дата отключения не объявлена): переключитесь на «остатки Ozon FBO (аналитика, v1)».",
    );
    expect(text).not.toMatch(/ozon\.v|–/);
  });

  it("writes a switch-off date in the locale, in English too", () => {
    setLocale("en");
    const text = describeSunset({
      ...undated,
      adapter: "wb.v1.supplier_stocks",
      state: "switched-off",
      switchOffOn: "2026-06-23",
      replacement: "wb.v1.warehouse_remains",
    });
    expect(text).toBe(
      "The marketplace switched off “WB supplier stock (v1)” on 23 Jun 2026: switch to “WB warehouse remains report (v1)”.",
    );
    expect(describeSunset(undated)).toContain("no switch-off date announced");
  });
});

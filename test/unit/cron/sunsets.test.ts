// Sunset watch: the rule that warns about an adapter's vendor endpoint, at injected dates, and the table's
// coverage of every adapter.
import { describe, expect, it } from "vitest";
import { OZON_DIRECTORY_ENDPOINTS } from "../../../cron/adapters/ozon/warehouse-directory";
import { REPORT_ADAPTERS } from "../../../cron/adapters/report-adapters";
import { SALES_ADAPTERS } from "../../../cron/adapters/sales-adapters";
import { DEFAULT_STOCK_ADAPTERS, STOCK_ADAPTERS } from "../../../cron/adapters/stock-adapters";
import { accountSunsetWarnings, SUNSETS, sunsetWarning } from "../../../cron/adapters/sunsets";

const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

describe("sunsetWarning", () => {
  it("warns within 30 days of a switch-off, names the replacement, and says when it is off", () => {
    expect(sunsetWarning("wb.v1.supplier_stocks", at("2026-05-20"))).toBeNull();
    const soon = sunsetWarning("wb.v1.supplier_stocks", at("2026-05-25"));
    expect(soon).toMatchObject({
      state: "switching-off",
      daysLeft: 29,
      replacement: "wb.v1.warehouse_remains",
    });
    expect(soon?.message).toBe(
      "wb.v1.supplier_stocks (GET /api/v1/supplier/stocks) will be switched off on 2026-06-23 (in 29 days); use wb.v1.warehouse_remains",
    );
    const off = sunsetWarning("wb.v1.supplier_stocks", at("2026-12-06"));
    expect(off).toMatchObject({ state: "switched-off", switchOffOn: "2026-06-23" });
    expect(off?.message).toMatch(/was switched off on 2026-06-23; use wb.v1.warehouse_remains$/);
  });

  it("does not warn about a current endpoint; one the vendor will switch off without a date is deprecated", () => {
    expect(sunsetWarning("wb.v1.warehouse_remains", at("2026-12-06"))).toBeNull();
    expect(sunsetWarning("ozon.v2.warehouse_list", at("2026-12-06"))).toBeNull();
    expect(sunsetWarning("ozon.v2.stock_on_warehouses", at("2026-12-06"))).toMatchObject({
      state: "deprecated",
      deprecatedOn: null,
      switchOffOn: null,
      daysLeft: null,
      replacement: "ozon.v1.analytics_stocks",
      message:
        "ozon.v2.stock_on_warehouses (POST /v2/analytics/stock_on_warehouses) is deprecated: the vendor will switch it off, date not given; use ozon.v1.analytics_stocks",
    });
  });

  it("has an entry for every adapter, and a replacement that is an adapter", () => {
    const adapters = [
      ...Object.keys(STOCK_ADAPTERS),
      ...Object.keys(SALES_ADAPTERS),
      ...Object.keys(REPORT_ADAPTERS),
      ...OZON_DIRECTORY_ENDPOINTS,
    ];
    expect(Object.keys(SUNSETS).sort()).toEqual(adapters.sort());
    for (const sunset of Object.values(SUNSETS))
      if (sunset.replacement) expect(adapters).toContain(sunset.replacement);
  });
});

describe("accountSunsetWarnings", () => {
  it("warns an account configured for a switched-off endpoint; of this month's defaults only Ozon's undated one", () => {
    const now = at("2026-12-06");
    expect(
      accountSunsetWarnings("wb", { stock: ["wb.v1.supplier_stocks", "wb.v1.warehouse_remains"] }, now).map(
        (w) => `${w.adapter} → ${w.replacement}`,
      ),
    ).toEqual(["wb.v1.supplier_stocks → wb.v1.warehouse_remains"]);
    expect(accountSunsetWarnings("wb", {}, now)).toEqual([]);
    expect(accountSunsetWarnings("ozon", {}, now).map((w) => `${w.adapter} ${w.state}`)).toEqual([
      "ozon.v2.stock_on_warehouses deprecated",
    ]);
    expect(DEFAULT_STOCK_ADAPTERS.wb).toEqual([
      "wb.v2.content_cards",
      "wb.v1.stocks_report_wb_warehouses",
      "wb.v1.warehouse_remains",
      "wb.v3.seller_stocks",
    ]);
  });
});

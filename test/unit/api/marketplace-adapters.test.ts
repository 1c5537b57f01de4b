// What the connect form offers: a deprecated default (Ozon's v2 stock_on_warehouses, switch-off announced) is
// marked deprecated and not recommended, its successor is recommended instead; current defaults stay recommended.
import { describe, expect, it } from "vitest";
import { marketplaceAdapters } from "../../../worker/api/schemas/account-admin";

const NOW = Date.parse("2026-12-06T12:00:00Z");

describe("marketplace adapters offered to a new account", () => {
  it("recommends the current adapters and marks deprecated ones", () => {
    const ozon = marketplaceAdapters(NOW).items.find((item) => item.marketplace === "ozon");
    const stock = Object.fromEntries((ozon?.stock ?? []).map((choice) => [choice.id, choice]));
    expect(stock["ozon.v2.stock_on_warehouses"]).toMatchObject({ deprecated: true, recommended: false });
    expect(stock["ozon.v1.analytics_stocks"]).toMatchObject({ deprecated: false, recommended: true });
    expect(stock["ozon.v2.stocks_by_warehouse_fbs"]).toMatchObject({ deprecated: false, recommended: true });
    const wb = marketplaceAdapters(NOW).items.find((item) => item.marketplace === "wb");
    const wbStock = Object.fromEntries((wb?.stock ?? []).map((choice) => [choice.id, choice]));
    expect(wbStock["wb.v1.supplier_stocks"]).toMatchObject({ deprecated: true, recommended: false });
    expect(wbStock["wb.v2.content_cards"]).toMatchObject({ recommended: true });
    for (const item of marketplaceAdapters(NOW).items)
      for (const choice of [...item.stock, ...item.sales])
        expect(choice.recommended && choice.deprecated, choice.id).toBe(false);
  });
});

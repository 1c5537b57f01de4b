// A page of vendor rows: clean rows load, drifted types load with a lower quality score, broken rows are
// rejected with readable reasons, and pseudo-rows never count as stock.
import { describe, expect, it } from "vitest";
import { readStockOnWarehousesRow } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { readSupplierStocksRow } from "../../../cron/adapters/wb/supplier-stocks-v1";
import { validateStockPage } from "../../../cron/validate/validate-stock";

const ozonRow = (patch: Record<string, unknown> = {}) => ({
  sku: 1001,
  item_code: "ART-1",
  item_name: "Кружка",
  free_to_sell_amount: 15,
  promised_amount: 2,
  reserved_amount: 1,
  warehouse_name: "Хоругвино",
  ...patch,
});

const wbRow = (patch: Record<string, unknown> = {}) => ({
  lastChangeDate: "2026-11-01T09:00:00",
  warehouseName: "Коледино",
  supplierArticle: "ART-1",
  nmId: 1439871458,
  barcode: "2037401340280",
  quantity: 33,
  inWayToClient: 1,
  inWayFromClient: 0,
  quantityFull: 34,
  techSize: "0",
  subject: "Кружки",
  category: "Дом",
  brand: "X",
  ...patch,
});

describe("validating a stock page", () => {
  it("loads clean rows with full quality under the canonical warehouse", () => {
    const page = validateStockPage("ozon", [
      readStockOnWarehousesRow(ozonRow({ warehouse_name: "ХОРУГВИНО_РФЦ" })),
    ]);
    expect(page.rejected).toEqual([]);
    expect(page.valid[0]).toMatchObject({
      listing: { externalKey: "sku:1001", article: "ART-1" },
      warehouse: { name: "Хоругвино", provisional: false },
      available: 15,
      reserved: 1,
      inTransit: 2,
    });
    expect(page.valid[0]?.quality).toBeGreaterThan(0.95);
  });

  it("accepts numbers and int64 ids sent as strings, at a lower quality", () => {
    const page = validateStockPage("ozon", [
      readStockOnWarehousesRow(ozonRow({ sku: "1001", free_to_sell_amount: "15" })),
    ]);
    expect(page.valid[0]).toMatchObject({ available: 15, listing: { ozonSku: 1001 } });
    expect(page.valid[0]?.quality).toBeLessThanOrEqual(0.8);
  });

  it("rejects missing counts, negative counts, reserved above the total and a missing article, with reasons", () => {
    const page = validateStockPage("wb", [
      readSupplierStocksRow(wbRow({ quantity: undefined })),
      readSupplierStocksRow(wbRow({ inWayToClient: -2 })),
      readSupplierStocksRow(wbRow({ inWayToClient: 50 })),
      readSupplierStocksRow(wbRow({ supplierArticle: null })),
      readSupplierStocksRow(wbRow()),
    ]);
    expect(page.valid).toHaveLength(1);
    expect(page.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(page.rejected[0]?.reasons.join()).toMatch(/quantity/);
    expect(page.rejected[1]?.reasons.join()).toMatch(/reserved: must not be negative/);
    expect(page.rejected[2]?.reasons.join()).toMatch(/exceeds the vendor's total/);
    expect(page.rejected[3]?.reasons.join()).toMatch(/article/);
  });

  it("drops pseudo-rows and keeps an unknown warehouse as provisional with a low quality", () => {
    const page = validateStockPage("wb", [
      readSupplierStocksRow(wbRow({ warehouseName: "В пути до получателей" })),
      readSupplierStocksRow(wbRow({ warehouseName: "Склад Омск Новый" })),
    ]);
    expect(page.pseudoRows).toBe(1);
    expect(page.valid[0]?.warehouse).toMatchObject({ name: "Склад Омск Новый", provisional: true });
    expect(page.valid[0]?.quality).toBeLessThan(0.7);
  });
});

// Shared stock response pieces: a product's stock line as the dashboard and inventory list show it.
import type { ClassifiedStockRow } from "../../db/queries/product-stock";
import type { STOCK_STATUSES } from "../../db/schema/enums";
import type { StockLine } from "./schemas/stock";

export function addDays(day: Date, days: number): string {
  return new Date(day.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function toStockLine(row: ClassifiedStockRow, today = new Date()): StockLine {
  const velocity = Number(row.velocity);
  const cover = row.days_of_cover === null ? null : Number(row.days_of_cover);
  return {
    productId: Number(row.product_id),
    article: row.article,
    name: row.name,
    category: row.category,
    status: row.status,
    available: Number(row.available),
    reserved: Number(row.reserved),
    inTransit: Number(row.in_transit),
    warehouseCount: Number(row.warehouse_count),
    velocity: Math.round(velocity * 100) / 100,
    daysOfCover: cover,
    stockoutDate: cover === null ? null : addDays(today, Math.floor(cover)),
  };
}

/** The same classification as db/queries/product-stock's SQL, for one number. */
export function stockStatus(
  available: number,
  thresholds: { criticalMax: number; lowMax: number; overstockMin: number },
): (typeof STOCK_STATUSES)[number] {
  if (available <= thresholds.criticalMax) return "critical";
  if (available <= thresholds.lowMax) return "low";
  if (available > thresholds.overstockMin) return "overstock";
  return "normal";
}

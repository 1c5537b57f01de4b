// Shared stock response pieces: a product's stock line as the dashboard and inventory list show it.

import type { ClassifiedStockRow } from "../../db/queries/product-stock";
import { stockoutDate } from "../../domain/cover";
import type { StockLine } from "./schemas/stock";

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
    stockoutDate: stockoutDate(today, cover),
  };
}

// Lost sales Ozon's way: the average daily sales over the days in stock × the days out of stock. A day out
// of stock may still have sold a little before the shelf emptied (or after a supply landed): those units
// were not lost, so they come off.
import type { DemandDay } from "./forecast";

export interface LostSales {
  /** Units sold a day on the days in stock; 0 without such a day. */
  averageDailySales: number;
  daysOutOfStock: number;
  /** Units lost, not rounded (sums over warehouses and days stay exact). */
  lostUnits: number;
}

export function lostSales(days: readonly DemandDay[]): LostSales {
  let inStockDays = 0;
  let inStockUnits = 0;
  let daysOutOfStock = 0;
  let soldWhileOut = 0;
  for (const day of days) {
    const units = Math.max(0, day.units);
    if (day.inStock) {
      inStockDays++;
      inStockUnits += units;
    } else {
      daysOutOfStock++;
      soldWhileOut += units;
    }
  }
  const averageDailySales = inStockDays > 0 ? inStockUnits / inStockDays : 0;
  return {
    averageDailySales,
    daysOutOfStock,
    lostUnits: Math.max(0, averageDailySales * daysOutOfStock - soldWhileOut),
  };
}

/** ₽ lost: the lost units at the unit price (the seller's price, or the average selling price). */
export function lostRevenue(lostUnits: number, unitPrice: number): number {
  return Math.round(lostUnits * Math.max(0, unitPrice) * 100) / 100;
}

/**
 * Units lost on the series' last day alone (the digest's "yesterday"): when that day was out of stock, the
 * window's average daily sales over its days in stock, less what the day still sold.
 */
export function lostOnLastDay(days: readonly DemandDay[]): number {
  const last = days[days.length - 1];
  if (!last || last.inStock) return 0;
  return Math.max(0, lostSales(days).averageDailySales - Math.max(0, last.units));
}

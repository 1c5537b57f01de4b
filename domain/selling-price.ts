// The price the dashboard puts on a unit when the vendors send none: the average selling price of the
// product's recent orders (revenue ÷ units), 0 without a sale to price it by. selling-price-sql.ts is its twin.

/** Revenue ÷ units sold, 0 when nothing sold (a unit of a product without a recent sale is not priced). */
export function averageSellingPrice(revenue: number, unitsSold: number): number {
  return unitsSold > 0 ? Math.max(0, revenue) / unitsSold : 0;
}

/** Roubles, to the kopeck: sums of many products are rounded once, at the end. */
export function roubles(value: number): number {
  return Math.round(value * 100) / 100;
}

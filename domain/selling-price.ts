// The one price the dashboard puts on a unit of a product (stock, overstock, what to order, lost sales, the
// supply plan): the vendor's listing price when the seller has one (the average over the product's listings
// with a price), else the average selling price of its orders over the last UNIT_PRICE_SALES_DAYS days
// (revenue ÷ units), else 0 (a product never priced nor sold is not valued). The run's finalize stores it on
// product_summary (db/queries/unit-price-refresh.ts); selling-price-sql.ts is its twin for the database.

/** Days of orders the average selling price comes from. */
export const UNIT_PRICE_SALES_DAYS = 90;

/** Where a unit price came from: the listings' price, the recent orders' average, or nothing to price by. */
export type UnitPriceSource = "listing" | "sales" | "none";
export const UNIT_PRICE_SOURCES = ["listing", "sales", "none"] as const;

export interface UnitPrice {
  price: number;
  source: UnitPriceSource;
}

/** Revenue ÷ units sold, 0 when nothing sold (a unit of a product without a recent sale is not priced). */
export function averageSellingPrice(revenue: number, unitsSold: number): number {
  return unitsSold > 0 ? Math.max(0, revenue) / unitsSold : 0;
}

/**
 * The product's unit price: `listingPrice` (the average of its listings' prices above 0; null without one)
 * when there is one, else revenue ÷ units of the recent orders, else 0.
 */
export function unitPrice(listingPrice: number | null, revenue: number, unitsSold: number): UnitPrice {
  if (listingPrice !== null && listingPrice > 0) return { price: listingPrice, source: "listing" };
  const average = averageSellingPrice(revenue, unitsSold);
  return average > 0 ? { price: average, source: "sales" } : { price: 0, source: "none" };
}

/** Roubles, to the kopeck: sums of many products are rounded once, at the end. */
export function roubles(value: number): number {
  return Math.round(value * 100) / 100;
}

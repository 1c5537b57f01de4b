// A product's stock per warehouse with each line's size: WB stocks a product per size, so one warehouse repeats
// once per size; the lines are then grouped by warehouse, sizes in order ("42" before "44", "S" apart from "M").
import type { ProductDetail } from "../api/types";

type StockLine = ProductDetail["stock"][number];
export type SizedStockLine = StockLine & { size: string | null };

/** The lines with their sizes, and whether any has one (the table shows the size column only then). */
export function stockWithSizes(detail: Pick<ProductDetail, "listings" | "stock">): {
  lines: SizedStockLine[];
  sized: boolean;
} {
  const sizeOf = new Map(detail.listings.flatMap((l) => (l.size ? [[l.id, l.size] as const] : [])));
  const lines = detail.stock.map((line) => ({ ...line, size: sizeOf.get(line.listingId) ?? null }));
  if (sizeOf.size === 0) return { lines, sized: false };
  // Without sizes the API's order (most stock first) stays; with them a warehouse's sizes sit together.
  lines.sort(
    (a, b) =>
      a.warehouse.localeCompare(b.warehouse) ||
      (a.size ?? "").localeCompare(b.size ?? "", undefined, { numeric: true }),
  );
  return { lines, sized: true };
}

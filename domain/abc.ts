// ABC classes by revenue: sorted by revenue (highest first, ties by product id), a product is A while the
// revenue before it is under 80% of the total, B under 95%, else C. So the product that crosses 80% is still A
// (the classic 80/15/5). Negative revenue counts as 0. abc-sql.ts computes the same classes in the database.
export type AbcClass = "A" | "B" | "C";

export const ABC_CLASSES: readonly AbcClass[] = ["A", "B", "C"];

export interface AbcBounds {
  a: number;
  b: number;
}

export const ABC_BOUNDS: AbcBounds = { a: 0.8, b: 0.95 };

export interface AbcInput {
  productId: number;
  revenue: number;
}

export interface AbcLine extends AbcInput {
  share: number;
  cumulativeShare: number;
  abcClass: AbcClass;
}

/** A product's class from the revenue before it and the total (all in float8 / double, summed in rank order). */
export function abcClassOf(before: number, total: number, bounds: AbcBounds = ABC_BOUNDS): AbcClass {
  const shareBefore = total > 0 ? before / total : 1;
  return total > 0 && shareBefore < bounds.a ? "A" : total > 0 && shareBefore < bounds.b ? "B" : "C";
}

/**
 * Its share of the total and the cumulative share through it, to 6 digits (0 when there is no revenue): a tail
 * product of thousands holds a few millionths, which 4 digits rounded to 0.
 */
export function abcShares(counted: number, through: number, total: number) {
  return {
    share: total > 0 ? round(counted / total, 6) : 0,
    cumulativeShare: total > 0 ? round(through / total, 6) : 0,
  };
}

export function classifyAbc(products: AbcInput[], bounds: AbcBounds = ABC_BOUNDS): AbcLine[] {
  const sorted = [...products].sort((x, y) => y.revenue - x.revenue || x.productId - y.productId);
  const total = sorted.reduce((sum, product) => sum + Math.max(0, product.revenue), 0);
  let before = 0;
  return sorted.map((product) => {
    const revenue = Math.max(0, product.revenue);
    const abcClass = abcClassOf(before, total, bounds);
    before += revenue;
    return { ...product, ...abcShares(revenue, before, total), abcClass };
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

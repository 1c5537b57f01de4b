// ABC classes by revenue: sorted by revenue, a product is A while the revenue before it is under 80%
// of the total, B under 95%, else C. So the product that crosses 80% is still A (the classic 80/15/5).
export type AbcClass = "A" | "B" | "C";

export interface AbcInput {
  productId: number;
  revenue: number;
}

export interface AbcLine extends AbcInput {
  share: number;
  cumulativeShare: number;
  abcClass: AbcClass;
}

export function classifyAbc(products: AbcInput[], bounds = { a: 0.8, b: 0.95 }): AbcLine[] {
  const sorted = [...products].sort((x, y) => y.revenue - x.revenue || x.productId - y.productId);
  const total = sorted.reduce((sum, product) => sum + Math.max(0, product.revenue), 0);
  let before = 0;
  return sorted.map((product) => {
    const revenue = Math.max(0, product.revenue);
    const shareBefore = total > 0 ? before / total : 1;
    before += revenue;
    const abcClass: AbcClass =
      total > 0 && shareBefore < bounds.a ? "A" : total > 0 && shareBefore < bounds.b ? "B" : "C";
    return {
      ...product,
      share: total > 0 ? round(revenue / total, 4) : 0,
      cumulativeShare: total > 0 ? round(before / total, 4) : 0,
      abcClass,
    };
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

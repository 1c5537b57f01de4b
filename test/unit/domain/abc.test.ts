// ABC classes by revenue (80/15/5) on a hand-computed example.
import { describe, expect, it } from "vitest";
import { classifyAbc } from "../../../domain/abc";

describe("classifyAbc", () => {
  it("puts the product that crosses 80% in A, the next up to 95% in B, the rest in C", () => {
    // Total 1000: 500 (0→50%) A, 250 (50→75%) A, 100 (75→85%) A, 80 (85→93%) B, 40 (93→97%) B, 30 (97→100%) C.
    const lines = classifyAbc([
      { productId: 6, revenue: 30 },
      { productId: 1, revenue: 500 },
      { productId: 3, revenue: 100 },
      { productId: 2, revenue: 250 },
      { productId: 5, revenue: 40 },
      { productId: 4, revenue: 80 },
    ]);
    expect(lines.map((line) => [line.productId, line.abcClass])).toEqual([
      [1, "A"],
      [2, "A"],
      [3, "A"],
      [4, "B"],
      [5, "B"],
      [6, "C"],
    ]);
    expect(lines[2]).toMatchObject({ share: 0.1, cumulativeShare: 0.85 });
  });

  it("classes everything C when there is no revenue", () => {
    expect(classifyAbc([{ productId: 1, revenue: 0 }]).map((line) => line.abcClass)).toEqual(["C"]);
  });
});

// A WB product's stock per warehouse names each line's size and keeps a warehouse's sizes together, so the
// product page no longer repeats "Коледино" with nothing telling its lines apart.
import { describe, expect, it } from "vitest";
import type { ProductDetail } from "../../../web/src/api/types";
import { stockWithSizes } from "../../../web/src/lib/stock-sizes";

type Line = ProductDetail["stock"][number];
const line = (listingId: number, warehouse: string, available: number) =>
  ({ listingId, warehouse, available }) as Line;
const listing = (id: number, size: string | null) => ({ id, size }) as ProductDetail["listings"][number];

describe("stock with sizes", () => {
  it("gives each line its size and groups a warehouse's sizes, smallest first", () => {
    const { lines, sized } = stockWithSizes({
      listings: [listing(1, "44"), listing(2, "42"), listing(3, "46")],
      stock: [
        line(1, "Коледино", 30),
        line(3, "Электросталь", 20),
        line(2, "Коледино", 10),
        line(2, "Электросталь", 5),
      ],
    });
    expect(sized).toBe(true);
    expect(lines.map((l) => `${l.warehouse} ${l.size} ${l.available}`)).toEqual([
      "Коледино 42 10",
      "Коледино 44 30",
      "Электросталь 42 5",
      "Электросталь 46 20",
    ]);
  });

  it("keeps the API's order (most stock first) and no size column for a product without sizes", () => {
    const { lines, sized } = stockWithSizes({
      listings: [listing(1, null)],
      stock: [line(1, "Хоругвино", 30), line(1, "Казань", 10)],
    });
    expect(sized).toBe(false);
    expect(lines.map((l) => l.warehouse)).toEqual(["Хоругвино", "Казань"]);
  });
});

// A rendered feed's pages are byte for byte what JSON.stringify makes of the same rows, at every boundary.

import { describe, expect, it } from "vitest";
import { RenderedFeed } from "../../../dev/sim/rendered-feed";

const rows = [
  { sku: 1, warehouse_name: "Коледино", item_name: 'Чай "Утро" 🌅', free_to_sell_amount: 3 },
  { sku: 2, warehouse_name: "Tula", item_name: "", free_to_sell_amount: 0 },
  { sku: 3, warehouse_name: "Электросталь", item_name: "a\\b\nc", free_to_sell_amount: null },
  { sku: 4, warehouse_name: "Kazan", item_name: "x", free_to_sell_amount: 12 },
];
const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

describe("RenderedFeed", () => {
  it("renders every slice as JSON.stringify would, multi-byte text included", () => {
    const feed = RenderedFeed.of(rows);
    expect(feed.length).toBe(4);
    for (let from = 0; from <= rows.length; from++) {
      for (let to = from; to <= rows.length + 2; to++) {
        expect(text(feed.page(from, to))).toBe(JSON.stringify(rows.slice(from, to)));
      }
    }
  });

  it("wraps a page in the vendor's envelope", () => {
    const page = RenderedFeed.of(rows).page(1, 3, '{"result":{"rows":', "}}");
    expect(JSON.parse(text(page))).toEqual({ result: { rows: rows.slice(1, 3) } });
  });

  it("answers an empty array past the end and for an empty feed", () => {
    expect(text(RenderedFeed.of(rows).page(9, 12))).toBe("[]");
    expect(text(RenderedFeed.of([]).page(0, 1000))).toBe("[]");
  });
});

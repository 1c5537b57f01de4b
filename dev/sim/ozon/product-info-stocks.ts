// POST /v4/product/info/stocks: per product FBO totals and the seller's own FBS stock, cursor paging.

import { z } from "zod";
import { malformRows } from "../malform.js";
import { decodeCursor, encodeCursor, firstAfter, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { isCurrent } from "../vendor-mode.js";
import { ozonErrors } from "./errors.js";
import { filterProducts, productFilterSchema } from "./products.js";

const requestSchema = z.object({
  filter: productFilterSchema,
  limit: z.number().int().min(1).max(1000),
  cursor: z.string().default(""),
});

export function productInfoStocks(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { filter, limit, cursor } = parsed.data;
  const products = filterProducts(call.state, filter);
  let start = 0;
  if (cursor !== "") {
    const key = decodeCursor<{ after: number }>(cursor);
    if (!key || typeof key.after !== "number") return ozonErrors.badRequest("cursor: invalid value");
    start = firstAfter(products, (p) => p.productId > key.after);
  }
  const from = Math.max(0, start - call.faults.repeatBoundary);
  const page = products.slice(from, start + limit);
  const more = start + limit < products.length;
  const last = page[page.length - 1];
  let nextCursor = more && last ? encodeCursor({ after: last.productId }) : "";
  if (call.faults.repeatCursor && cursor !== "") nextCursor = cursor;
  if (call.faults.hasNextFalseWithCursor && last) nextCursor = encodeCursor({ after: last.productId });
  if (call.faults.emptyCursor) nextCursor = "";
  const current = isCurrent(call.state);
  let items = page.map((listing) => {
    const cells = call.state.world.stock.ozonByListing[listing.index] ?? [];
    const fbo = cells.filter((c) => c.warehouse.type === "fbo");
    const fbs = cells.filter((c) => c.warehouse.type === "fbs");
    const stocks = [
      {
        sku: listing.sku,
        present: fbo.reduce((s, c) => s + c.available + c.reserved, 0),
        reserved: fbo.reduce((s, c) => s + c.reserved, 0),
        type: "fbo",
        shipment_type: "SHIPMENT_TYPE_GENERAL",
        ...(current ? {} : { warehouse_ids: [] }),
      },
      ...fbs.map((c) => ({
        sku: listing.sku,
        present: c.available + c.reserved,
        reserved: c.reserved,
        type: "fbs",
        shipment_type: "SHIPMENT_TYPE_GENERAL",
        // Deprecated in the spec and absent from its current example: current mode leaves it out.
        ...(current ? {} : { warehouse_ids: [c.warehouse.id] }),
      })),
    ];
    return { offer_id: listing.offerId, product_id: listing.productId, stocks };
  });
  if (call.faults.malformed) items = malformRows(items, call.faults.malformed, call.faults.random);
  // `total` was removed on 2026-11-23 (O2 release notes); `total_items` replaces it.
  const count = current ? { total_items: products.length } : { total: products.length };
  return jsonReply({ cursor: nextCursor, ...count, items });
}

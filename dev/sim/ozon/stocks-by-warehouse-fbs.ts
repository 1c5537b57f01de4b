// POST /v2/product/info/stocks-by-warehouse/fbs: stock on the seller's own (FBS/rFBS) warehouses for up to 1000
// skus or offer ids, one row per product × warehouse with the warehouse's id and name; cursor + has_next paging.
import { z } from "zod";
import { malformRows } from "../malform.js";
import { decodeCursor, encodeCursor, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { inFeed } from "../stock.js";
import { ozonErrors } from "./errors.js";
import { ozonProductsSorted } from "./products.js";

const ids = z.array(z.string().regex(/^\d+$/, "expected an integer as a string")).max(1000);
const requestSchema = z
  .strictObject({
    sku: ids.optional(),
    offer_id: z.array(z.string()).max(1000).optional(),
    limit: z.number().int().min(1).max(1000),
    cursor: z.string().default(""),
  })
  .refine((r) => (r.sku === undefined) !== (r.offer_id === undefined), {
    message: "exactly one of sku or offer_id is required",
  });

export function stocksByWarehouseFbs(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { sku, offer_id, limit, cursor } = parsed.data;
  const skus = new Set((sku ?? []).map(Number));
  const offers = new Set(offer_id ?? []);
  const cells = ozonProductsSorted(call.state)
    .filter((l) => (sku ? skus.has(l.sku) : offers.has(l.offerId)))
    .flatMap((l) =>
      (call.state.world.stock.ozonByListing[l.index] ?? []).filter(
        (c) => c.warehouse.type === "fbs" && inFeed(c),
      ),
    );
  let start = 0;
  if (cursor !== "") {
    const key = decodeCursor<{ next: number }>(cursor);
    if (!key || typeof key.next !== "number") return ozonErrors.badRequest("cursor: invalid value");
    start = key.next;
  }
  const from = Math.max(0, start - call.faults.repeatBoundary);
  const page = cells.slice(from, start + limit);
  let hasNext = start + limit < cells.length;
  let next = hasNext ? encodeCursor({ next: start + limit }) : "";
  if (call.faults.repeatCursor && cursor !== "") next = cursor;
  if (call.faults.hasNextFalseWithCursor) {
    hasNext = false;
    next = encodeCursor({ next: start + limit });
  }
  if (call.faults.emptyCursor && hasNext) next = "";
  let products = page.map((c) => ({
    sku: c.listing.sku,
    offer_id: c.listing.offerId,
    product_id: c.listing.productId,
    warehouse_id: c.warehouse.id,
    warehouse_name: c.warehouse.name,
    present: c.available + c.reserved,
    reserved: c.reserved,
    free_stock: c.available,
  }));
  if (call.faults.malformed) products = malformRows(products, call.faults.malformed, call.faults.random);
  return jsonReply({ cursor: next, has_next: hasNext, products });
}

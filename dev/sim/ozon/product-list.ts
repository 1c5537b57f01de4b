// POST /v3/product/list: products with an opaque last_id (it contains a Cyrillic letter, like the vendor's example).

import { z } from "zod";
import { malformRows } from "../malform.js";
import { firstAfter, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { isCurrent } from "../vendor-mode.js";
import { ozonErrors } from "./errors.js";
import { filterProducts, hasStock, productFilterSchema } from "./products.js";

const requestSchema = z.object({
  filter: productFilterSchema,
  last_id: z.string().default(""),
  limit: z.number().int().min(1).max(1000).default(100),
});

/** "с" (Cyrillic) + base64 of the last product_id: opaque to clients, non-ASCII on purpose. */
export function encodeLastId(productId: number): string {
  return `с${Buffer.from(String(productId)).toString("base64")}`;
}

function decodeLastId(text: string): number | undefined {
  if (!text.startsWith("с")) return undefined;
  const id = Number(Buffer.from(text.slice(1), "base64").toString("utf8"));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

export function productList(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { filter, last_id, limit } = parsed.data;
  const products = filterProducts(call.state, filter);
  let start = 0;
  if (last_id !== "") {
    const after = decodeLastId(last_id);
    if (after === undefined) return ozonErrors.badRequest("last_id: invalid value");
    start = firstAfter(products, (p) => p.productId > after);
  }
  const from = Math.max(0, start - call.faults.repeatBoundary);
  const page = products.slice(from, start + limit);
  const last = page[page.length - 1];
  let nextLastId = last ? encodeLastId(last.productId) : "";
  const more = start + limit < products.length;
  if (call.faults.repeatCursor && last_id !== "") nextLastId = last_id;
  if (call.faults.emptyCursor && more) nextLastId = "";
  const current = isCurrent(call.state);
  let items = page.map((l) => ({
    product_id: l.productId,
    offer_id: l.offerId,
    archived: l.archived,
    has_fbo_stocks: hasStock(call.state, l, "fbo"),
    has_fbs_stocks: hasStock(call.state, l, "fbs"),
    is_discounted: false,
    quants: [],
    // The spec's items carry no sku; the older notes had one (legacy mode).
    ...(current ? {} : { sku: l.sku }),
  }));
  if (call.faults.malformed) items = malformRows(items, call.faults.malformed, call.faults.random);
  // `total` was removed on 2026-11-23 (O2 release notes); `total_items` replaces it.
  const count = current ? { total_items: products.length } : { total: products.length };
  return jsonReply({ result: { items, ...count, last_id: nextLastId } });
}

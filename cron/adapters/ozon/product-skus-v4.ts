// The seller's products with their SKUs, read from POST /v4/product/info/stocks: the spec's /v3/product/list
// items carry no `sku` (our older notes and the simulator's legacy mode had one), while each v4 stock entry
// names its product's sku. Walked like the product list: visibility "ALL", then "ARCHIVED" (see product-list-v3).
import { z } from "zod";
import type { PageContext } from "../adapter";
import { issueReasons, lenientId } from "../lenient";
import { ozonPost } from "./ozon-errors";
import type { ProductListPage, ProductWalk } from "./product-list-v3";

export const OZON_PRODUCT_SKUS_V4_ID = "ozon.v4.product_info_stocks.skus";

const Item = z.object({
  product_id: lenientId,
  offer_id: z.string().trim().min(1, "offer_id is empty"),
  stocks: z.array(z.object({ sku: z.union([lenientId, z.literal(0)]).nullish() }).passthrough()).nullish(),
});

const ENDPOINT = {
  id: OZON_PRODUCT_SKUS_V4_ID,
  path: "/v4/product/info/stocks",
  envelope: z.object({
    cursor: z.string().nullish(),
    // Present (null is read as empty): a moved wrapper must not read as the end of the list.
    items: z.array(z.unknown()).nullable(),
  }),
  expected: "items/cursor",
};

/** One page of products with SKUs at `walk` (its lastId is v4's cursor), and where the walk goes next. */
export async function fetchSkuWalkPage(
  context: PageContext,
  walk: ProductWalk,
  limit: number,
): Promise<{ list: ProductListPage; next: ProductWalk | null }> {
  const answer = await ozonPost(context, ENDPOINT, {
    filter: { visibility: walk.visibility },
    limit,
    cursor: walk.lastId,
  });
  const items = answer.items ?? [];
  const list: ProductListPage = {
    products: [],
    unreadable: [],
    withoutSku: 0,
    offerIds: [],
    next: null,
    read: walk.read,
  };
  for (const raw of items) {
    const item = Item.safeParse(raw);
    if (!item.success) {
      list.unreadable.push({ raw, reasons: issueReasons(item.error) });
      continue;
    }
    list.offerIds.push(item.data.offer_id);
    const sku = item.data.stocks?.map((s) => s.sku).find((s): s is number => typeof s === "number" && s > 0);
    if (sku === undefined) list.withoutSku++;
    else list.products.push({ productId: item.data.product_id, offerId: item.data.offer_id, sku });
  }
  list.read = walk.read + items.length;
  const returned = answer.cursor ?? "";
  // Paging rule: an empty page or an empty cursor ends the pass; a cursor equal to the one sent would loop, so
  // it ends the pass as incomplete.
  if (items.length > 0 && returned !== "") {
    if (returned === walk.lastId)
      list.incomplete = `the product stocks cursor came back unchanged after ${list.read} products; stopped`;
    else list.next = returned;
  }
  if (list.next) return { list, next: { ...walk, lastId: list.next, read: list.read } };
  return { list, next: walk.visibility === "ALL" ? { visibility: "ARCHIVED", lastId: "", read: 0 } : null };
}

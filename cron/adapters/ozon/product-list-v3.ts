// Ozon POST /v3/product/list: the seller's products (product_id, offer_id, sku) with opaque `last_id` paging.
// Not an adapter of its own: the analytics adapters read it for the SKUs and articles their endpoints lack.
import { z } from "zod";
import type { PageContext } from "../adapter";
import { issueReasons, lenientCount, lenientId } from "../lenient";
import { ozonPost } from "./ozon-errors";

export const OZON_PRODUCT_LIST_V3_ID = "ozon.v3.product_list";
export const PRODUCT_LIST_MAX = 1000;

export interface OzonProduct {
  productId: number;
  offerId: string;
  sku: number;
}

const Item = z.object({
  product_id: lenientId,
  offer_id: z.string().trim().min(1, "offer_id is empty"),
  // A product not yet on sale has no sku (missing, null or 0): it has no stock and no sales to ask about.
  sku: z.union([lenientId, z.literal(0), z.literal("0"), z.literal("")]).nullish(),
});

const ENDPOINT = {
  id: OZON_PRODUCT_LIST_V3_ID,
  path: "/v3/product/list",
  envelope: z.object({
    result: z.object({
      // Present (null is read as empty): a moved wrapper must not read as the end of the list.
      items: z.array(z.unknown()).nullable(),
      total: lenientCount.nullish(),
      last_id: z.string().nullish(),
    }),
  }),
  expected: "result.items",
};

export interface ProductListPage {
  products: OzonProduct[];
  /** Items that could not be read, with their reasons. */
  unreadable: { raw: unknown; reasons: string[] }[];
  /** Readable items without a sku (not on sale yet). */
  withoutSku: number;
  /** The `last_id` to send for the next page; null when the list ended (or had to stop). */
  next: string | null;
  /** Products read so far, this page included. */
  read: number;
  /** Set when the list stopped before its end: the vendor repeated or dropped the `last_id`. */
  incomplete?: string | undefined;
}

/** One page of the product list after `lastId` ("" = the first page); `read` counts the items of earlier pages. */
export async function fetchProductListPage(
  context: PageContext,
  lastId: string,
  limit: number,
  read: number,
): Promise<ProductListPage> {
  const answer = await ozonPost(context, ENDPOINT, { filter: { visibility: "ALL" }, last_id: lastId, limit });
  const { items: rawItems, total, last_id } = answer.result;
  const items = rawItems ?? [];
  const page: ProductListPage = { products: [], unreadable: [], withoutSku: 0, next: null, read };
  for (const raw of items) {
    const item = Item.safeParse(raw);
    if (!item.success) page.unreadable.push({ raw, reasons: issueReasons(item.error) });
    else if (typeof item.data.sku !== "number" || item.data.sku === 0) page.withoutSku++;
    else
      page.products.push({
        productId: item.data.product_id,
        offerId: item.data.offer_id,
        sku: item.data.sku,
      });
  }
  page.read = read + items.length;
  const returned = last_id ?? "";
  // Paging rule: an empty page or an empty last_id ends the list. A last_id equal to the one sent ends it too
  // when the page was short (only repeated boundary items came back: nothing follows); on a full page it would
  // loop forever, and an empty last_id while `total` says more follow would skip the rest: both stop incomplete.
  if (items.length > 0 && returned !== "") {
    if (returned === lastId && items.length < limit) page.next = null;
    else if (returned === lastId)
      page.incomplete = `the product list's last_id came back unchanged after ${page.read} of ${total ?? "?"} products; stopped`;
    else page.next = returned;
  } else if (items.length > 0 && total != null && page.read < total) {
    page.incomplete = `the product list's last_id came back empty after ${page.read} of ${total} products; the rest is unread`;
  }
  return page;
}

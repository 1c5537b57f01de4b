// Ozon POST /v3/product/list: the seller's products (product_id, offer_id, sku) with opaque `last_id` paging.
// Not an adapter of its own: the analytics adapters read it for the SKUs and articles their endpoints lack.
// Visibility "ALL" leaves archived products out (2026); they can still hold stock and have sales, so a walk
// over the seller's products reads "ALL" and then "ARCHIVED".
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
      // `total` was removed on 2026-11-23 for `total_items` (O2 release notes): either is read.
      total: lenientCount.nullish(),
      total_items: lenientCount.nullish(),
      last_id: z.string().nullish(),
    }),
  }),
  expected: "result.items",
};

export interface ProductListPage {
  products: OzonProduct[];
  /** Items that could not be read, with their reasons. */
  unreadable: { raw: unknown; reasons: string[] }[];
  /** Readable items without a sku (not on sale yet, or a list that names none: the spec's has no sku). */
  withoutSku: number;
  /** The offer ids of every readable item, with or without a sku. */
  offerIds: string[];
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
  visibility: ListVisibility = "ALL",
): Promise<ProductListPage> {
  const answer = await ozonPost(context, ENDPOINT, { filter: { visibility }, last_id: lastId, limit });
  const { items: rawItems, last_id } = answer.result;
  const total = answer.result.total_items ?? answer.result.total;
  const items = rawItems ?? [];
  const page: ProductListPage = {
    products: [],
    unreadable: [],
    withoutSku: 0,
    offerIds: [],
    next: null,
    read,
  };
  for (const raw of items) {
    const item = Item.safeParse(raw);
    if (item.success) page.offerIds.push(item.data.offer_id);
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

export type ListVisibility = "ALL" | "ARCHIVED";

/** Where a walk over all the seller's products stands: the visibility pass, its last_id and items read in it. */
export interface ProductWalk {
  visibility: ListVisibility;
  lastId: string;
  read: number;
}

export const firstProductWalk = (): ProductWalk => ({ visibility: "ALL", lastId: "", read: 0 });

/** A walk position from a plain-JSON cursor (a cursor of an older run, without a visibility, is an "ALL" pass). */
export function productWalkOf(cursor: Record<string, unknown>): ProductWalk {
  return {
    visibility: cursor.visibility === "ARCHIVED" ? "ARCHIVED" : "ALL",
    lastId: typeof cursor.lastId === "string" ? cursor.lastId : "",
    read: typeof cursor.read === "number" ? cursor.read : 0,
  };
}

/** One page of the walk and where the walk goes next: the pass's next page, the archived pass, or the end. */
export async function fetchProductWalkPage(
  context: PageContext,
  walk: ProductWalk,
  limit: number,
): Promise<{ list: ProductListPage; next: ProductWalk | null }> {
  const list = await fetchProductListPage(context, walk.lastId, limit, walk.read, walk.visibility);
  if (list.next) return { list, next: { ...walk, lastId: list.next, read: list.read } };
  return { list, next: walk.visibility === "ALL" ? { visibility: "ARCHIVED", lastId: "", read: 0 } : null };
}

// The seller's products by sku, for feeds whose rows name only the sku (/v1/analytics/data): read whole from
// /v3/product/list on first need and kept for the page context's life (a pass in-process, a page in the Worker).
import type { PageContext } from "../adapter";
import { fetchProductListPage, type OzonProduct, PRODUCT_LIST_MAX } from "./product-list-v3";

export interface SkuProducts {
  bySku: ReadonlyMap<number, OzonProduct>;
  /** Set when the list could not be read to its end: some SKUs may be missing for that reason. */
  incomplete?: string | undefined;
}

const read = new WeakMap<PageContext, SkuProducts>();

export async function productsBySku(context: PageContext): Promise<SkuProducts> {
  const known = read.get(context);
  if (known) return known;
  const bySku = new Map<number, OzonProduct>();
  let lastId = "";
  let count = 0;
  let incomplete: string | undefined;
  for (;;) {
    const page = await fetchProductListPage(context, lastId, PRODUCT_LIST_MAX, count);
    for (const product of page.products) bySku.set(product.sku, product);
    count = page.read;
    incomplete = page.incomplete;
    if (!page.next) break;
    lastId = page.next;
  }
  const products = { bySku, incomplete };
  read.set(context, products);
  return products;
}

// The seller's products by sku, for feeds whose rows name only the sku (/v1/analytics/data): read whole from
// /v4/product/info/stocks (archived products too; the product list names no sku) on first need and kept for the page context's life (a pass in-process, a page in the Worker).
import type { PageContext } from "../adapter";
import { firstProductWalk, type OzonProduct, PRODUCT_LIST_MAX, type ProductWalk } from "./product-list-v3";
import { fetchSkuWalkPage } from "./product-skus-v4";

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
  let walk: ProductWalk | null = firstProductWalk();
  let incomplete: string | undefined;
  while (walk) {
    const { list, next } = await fetchSkuWalkPage(context, walk, PRODUCT_LIST_MAX);
    for (const product of list.products) bySku.set(product.sku, product);
    incomplete ??= list.incomplete;
    walk = next;
  }
  const products = { bySku, incomplete };
  read.set(context, products);
  return products;
}

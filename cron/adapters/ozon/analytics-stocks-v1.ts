// Ozon POST /v1/analytics/stocks (the replacement of /v2/analytics/stock_on_warehouses): FBO stock per sku ×
// warehouse for at most 100 SKUs a call, the SKUs taken from /v3/product/list. One page = one product-list page
// of ≤100 products and one stocks call for their SKUs (two vendor requests; more only when the list answers
// with more items than asked); the cursor is the list's last_id, so a page is restartable from it.
// The endpoint reports no reserved (ordered, not delivered) stock: rows carry reserved 0.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { StockRecord } from "../stock-record";
import { ozonPost } from "./ozon-errors";
import { ozonListing } from "./ozon-listing";
import { firstProductWalk, type OzonProduct, productWalkOf } from "./product-list-v3";
import { fetchSkuWalkPage } from "./product-skus-v4";

export const OZON_ANALYTICS_STOCKS_V1_ID = "ozon.v1.analytics_stocks";
/** The endpoint's cap on SKUs per call: also the product-list page size, so one page asks one chunk. */
export const SKUS_PER_CALL = 100;
/** No vendor limit is documented; clients pace about one 100-SKU call per second. */
export const ANALYTICS_STOCKS_BUDGET = { requests: 1, perMs: 1000 };

const Row = z.object({
  sku: lenientId,
  offer_id: optionalText,
  name: optionalText,
  warehouse_name: z.string().trim().min(1, "warehouse name is empty"),
  available_stock_count: lenientCount,
  transit_stock_count: lenientCount,
});
const NUMERIC = ["sku", "available_stock_count", "transit_stock_count"] as const;

const ENDPOINT = {
  id: OZON_ANALYTICS_STOCKS_V1_ID,
  path: "/v1/analytics/stocks",
  budget: ANALYTICS_STOCKS_BUDGET,
  // `items` must be present (null is read as empty): a moved wrapper must not read as "no stock".
  envelope: z.object({ items: z.array(z.unknown()).nullable() }),
  expected: "items",
};

/** One stock row; the article comes from the row, else from the product list page that asked for its sku. */
export function readAnalyticsStocksRow(
  raw: unknown,
  products: ReadonlyMap<number, OzonProduct>,
): RowOutcome<StockRecord> {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const row = parsed.data;
  const product = products.get(row.sku);
  const article = row.offer_id || product?.offerId || "";
  return {
    ok: true,
    record: {
      listing: ozonListing({ sku: row.sku, offerId: article, name: row.name, productId: product?.productId }),
      warehouseName: row.warehouse_name,
      available: row.available_stock_count,
      reserved: 0,
      inTransit: row.transit_stock_count,
      total: null,
      drift: driftedFields(raw, NUMERIC),
    },
  };
}

async function fetchStocks(context: PageContext, skus: readonly number[]): Promise<unknown[]> {
  const answer = await ozonPost(context, ENDPOINT, {
    skus: skus.map(String),
    warehouse_ids: [],
    cluster_ids: [],
  });
  return answer.items ?? [];
}

export const ozonAnalyticsStocksV1: StockAdapter = {
  id: OZON_ANALYTICS_STOCKS_V1_ID,
  marketplace: "ozon",
  kind: "stock",
  source: "ozon.fbo",
  // Every product of the seller (archived too) is asked each run: one pass lists all FBO stock, and an
  // incremental run reads it all as well (the endpoint has no "changed since").
  listsAllStock: true,
  incrementalListsAll: true,
  firstCursor: () => ({ ...firstProductWalk() }),
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const limit = Math.min(SKUS_PER_CALL, Math.max(1, context.pageLimit ?? SKUS_PER_CALL));
    const { list, next: walk } = await fetchSkuWalkPage(context, productWalkOf(cursor), limit);
    const products = new Map(list.products.map((p) => [p.sku, p] as const));
    // One chunk normally; a list page that came back longer than asked (boundary items repeated) takes more.
    const skus = [...products.keys()];
    const rawRows: unknown[] = [];
    for (let at = 0; at < skus.length; at += SKUS_PER_CALL)
      rawRows.push(...(await fetchStocks(context, skus.slice(at, at + SKUS_PER_CALL))));
    const rows: RowOutcome<StockRecord>[] = list.unreadable.map(({ raw, reasons }) => ({
      ok: false,
      raw,
      reasons: reasons.map((reason) => `product list: ${reason}`),
    }));
    for (const raw of rawRows) rows.push(readAnalyticsStocksRow(raw, products));
    const notes: string[] = [];
    // A product that could not be read, or a page of products none of which has a sku (the list's shape may
    // have changed), leaves stock unasked: the pass must not count as a complete listing then.
    let incomplete = list.incomplete;
    if (list.unreadable.length > 0)
      incomplete ??= `${list.unreadable.length} product list item(s) could not be read: their stock was not asked`;
    if (list.products.length === 0 && list.withoutSku > 0)
      incomplete ??= `no product on a product list page has a sku (${list.withoutSku} products): their stock was not asked`;
    if (incomplete) notes.push(incomplete);
    const next = walk ? { ...walk } : null;
    return { rows, next, notes, incomplete };
  },
};

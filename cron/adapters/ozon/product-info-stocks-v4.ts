// Ozon POST /v4/product/info/stocks: stock per product on the seller's own warehouses (FBS/rFBS), cursor
// paging. Each item carries one entry per stock type; the `fbo`/`fbp` entries are sums over Ozon's warehouses
// without a warehouse (the FBO adapters list those per warehouse), so only `fbs`/`rfbs` entries become rows.
// The response names no warehouse. `warehouse_ids` is deprecated in the spec and absent from its current example:
// an entry with exactly one id is placed at the alias "Ozon FBS <id>", any other at "Ozon FBS" (the sum over the
// seller's warehouses); both are provisional until an operator maps them. The per-warehouse FBS stock with the
// warehouses' names comes from /v2/product/info/stocks-by-warehouse/fbs (stocks-by-warehouse-fbs-v2.ts).
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { StockRecord } from "../stock-record";
import { ozonPost } from "./ozon-errors";
import { ozonListing } from "./ozon-listing";

export const OZON_PRODUCT_INFO_STOCKS_V4_ID = "ozon.v4.product_info_stocks";
export const V4_PAGE_LIMIT = 1000;
/** Stock types on the seller's own warehouses; the others are Ozon's (read per warehouse by the FBO adapters). */
const OWN_TYPES = new Set(["fbs", "rfbs"]);

/** The alias a seller warehouse id is loaded under (the response carries no warehouse name). */
export const ozonFbsWarehouseAlias = (warehouseId: number | string) => `Ozon FBS ${warehouseId}`;
/** Where an entry without one warehouse id is loaded: the seller's FBS warehouses together. */
export const OZON_FBS_ALL_WAREHOUSES = "Ozon FBS";

const Item = z.object({
  offer_id: z.string().trim().min(1, "offer_id is empty"),
  product_id: lenientId,
  stocks: z.array(z.unknown()).nullish(),
});

const Stock = z.object({
  sku: lenientId,
  present: lenientCount,
  reserved: lenientCount,
  type: z.string(),
  warehouse_ids: z.array(lenientId).nullish(),
});
const NUMERIC = ["sku", "present", "reserved"] as const;

const ENDPOINT = {
  id: OZON_PRODUCT_INFO_STOCKS_V4_ID,
  path: "/v4/product/info/stocks",
  envelope: z.object({
    cursor: optionalText,
    // `total` was removed on 2026-11-23 for `total_items` (O2 release notes): either is read.
    total: lenientCount.nullish(),
    total_items: lenientCount.nullish(),
    // Present (null is read as empty): a moved wrapper must not read as an empty listing (which zeroes stock).
    items: z.array(z.unknown()).nullable(),
  }),
  expected: "items/cursor",
};

/** The rows of one item: one per own-warehouse stock entry; a damaged item or entry is one reject. */
export function readProductInfoStocksItem(raw: unknown): RowOutcome<StockRecord>[] {
  const item = Item.safeParse(raw);
  if (!item.success) return [{ ok: false, raw, reasons: issueReasons(item.error) }];
  const { offer_id, product_id } = item.data;
  const itemDrift = driftedFields(raw, ["product_id"]);
  const rows: RowOutcome<StockRecord>[] = [];
  for (const rawStock of item.data.stocks ?? []) {
    const parsed = Stock.safeParse(rawStock);
    if (!parsed.success) {
      const reasons = issueReasons(parsed.error).map((reason) => `stocks.${reason}`);
      rows.push({ ok: false, raw: { offer_id, product_id, stock: rawStock }, reasons });
      continue;
    }
    const stock = parsed.data;
    if (!OWN_TYPES.has(stock.type.toLowerCase())) continue;
    const warehouses = stock.warehouse_ids ?? [];
    rows.push({
      ok: true,
      record: {
        listing: ozonListing({ sku: stock.sku, offerId: offer_id, name: "", productId: product_id }),
        warehouseName:
          warehouses.length === 1 ? ozonFbsWarehouseAlias(warehouses[0] ?? 0) : OZON_FBS_ALL_WAREHOUSES,
        available: stock.present - stock.reserved,
        reserved: stock.reserved,
        inTransit: 0,
        total: stock.present,
        drift: [...itemDrift, ...driftedFields(rawStock, NUMERIC)],
      },
    });
  }
  return rows;
}

export const ozonProductInfoStocksV4: StockAdapter = {
  id: OZON_PRODUCT_INFO_STOCKS_V4_ID,
  marketplace: "ozon",
  kind: "stock",
  source: "ozon.fbs",
  listsAllStock: true,
  incrementalListsAll: true,
  firstCursor: () => ({ cursor: "", read: 0 }),
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const sent = typeof cursor.cursor === "string" ? cursor.cursor : "";
    const read = typeof cursor.read === "number" ? cursor.read : 0;
    const limit = Math.min(V4_PAGE_LIMIT, Math.max(1, context.pageLimit ?? V4_PAGE_LIMIT));
    const answer = await ozonPost(context, ENDPOINT, { filter: { visibility: "ALL" }, limit, cursor: sent });
    const items = answer.items ?? [];
    const total = answer.total_items ?? answer.total ?? null;
    const returned = answer.cursor;
    const readNow = read + items.length;
    const notes: string[] = [];
    let incomplete: string | undefined;
    let next: Cursor | null = null;
    // Paging rule: an empty page or an empty cursor ends the listing; a cursor equal to the one sent would
    // loop forever, so it ends the listing too (as incomplete).
    if (items.length > 0 && returned !== "") {
      if (returned === sent) {
        incomplete = `the cursor came back unchanged after ${readNow} of ${total ?? "?"} products; stopped`;
        notes.push(incomplete);
      } else next = { cursor: returned, read: readNow };
    } else if (items.length >= limit && total !== null && readNow < total) {
      incomplete = `an empty cursor on a full page after ${readNow} of ${total} products; the rest is unread`;
      notes.push(incomplete);
    }
    return { rows: items.flatMap(readProductInfoStocksItem), next, notes, incomplete };
  },
};

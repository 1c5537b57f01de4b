// Ozon POST /v2/product/info/stocks-by-warehouse/fbs: stock on each of the seller's own (FBS/rFBS) warehouses,
// with the warehouse's id and name, for up to 1000 skus a call. The spec marks it current (its v1 was switched
// off on 2026-04-07); /v1/product/info/warehouse/stocks is current too but asks one warehouse at a time and
// names none, so this one is used. It is asked by offer_id (the product list names no sku), from a walk over
// the product list (archived products too).
//
// Cursor (plain JSON): the product walk's position, plus — while one product page's stock takes several calls —
// that page's offer ids and the stock cursor the vendor returned.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { StockRecord } from "../stock-record";
import { ozonPost } from "./ozon-errors";
import { ozonListing } from "./ozon-listing";
import { ozonFbsWarehouseAlias } from "./product-info-stocks-v4";
import { fetchProductWalkPage, firstProductWalk, type ProductWalk, productWalkOf } from "./product-list-v3";

export const OZON_STOCKS_BY_WAREHOUSE_FBS_V2_ID = "ozon.v2.stocks_by_warehouse_fbs";
/** Products per product-list page (their offer ids go into one stock call). */
export const FBS_PRODUCTS_PER_PAGE = 500;
/** Stock rows per call: the spec's maximum. */
export const FBS_STOCK_LIMIT = 1000;

const Row = z.object({
  sku: lenientId,
  offer_id: z.string().trim().min(1, "offer_id is empty"),
  product_id: lenientId.nullish(),
  warehouse_id: lenientId,
  warehouse_name: optionalText,
  present: lenientCount.pipe(z.number().nonnegative("present must not be negative")),
  reserved: lenientCount.pipe(z.number().nonnegative("reserved must not be negative")),
});
const NUMERIC = ["sku", "present", "reserved", "warehouse_id"] as const;

const ENDPOINT = {
  id: OZON_STOCKS_BY_WAREHOUSE_FBS_V2_ID,
  path: "/v2/product/info/stocks-by-warehouse/fbs",
  envelope: z.object({
    cursor: optionalText,
    has_next: z.boolean().nullish(),
    // Present (null is read as empty): a moved wrapper must not read as an empty listing (which zeroes stock).
    products: z.array(z.unknown()).nullable(),
  }),
  expected: "products",
};

export function readFbsWarehouseRow(raw: unknown): RowOutcome<StockRecord> {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const row = parsed.data;
  return {
    ok: true,
    record: {
      listing: ozonListing({
        sku: row.sku,
        offerId: row.offer_id,
        name: "",
        productId: row.product_id ?? undefined,
      }),
      // The seller's own name for the warehouse; its id's alias only when the name is missing.
      warehouseName: row.warehouse_name || ozonFbsWarehouseAlias(row.warehouse_id),
      available: row.present - row.reserved,
      reserved: row.reserved,
      inTransit: 0,
      total: row.present,
      drift: driftedFields(raw, NUMERIC),
    },
  };
}

const Pending = z.object({ offers: z.array(z.string().min(1)).min(1), stockCursor: z.string().min(1) });

/** The walk after the product page being read (null: it was the last), and that page's unfinished stock. */
interface FbsCursor {
  walk: ProductWalk | null;
  pending?: z.infer<typeof Pending>;
}

function readCursor(cursor: Cursor): FbsCursor {
  const walk = cursor.walk === null ? null : productWalkOf((cursor.walk as Cursor | undefined) ?? {});
  const pending = Pending.safeParse(cursor.pending);
  return pending.success ? { walk, pending: pending.data } : { walk };
}

export const ozonStocksByWarehouseFbsV2: StockAdapter = {
  id: OZON_STOCKS_BY_WAREHOUSE_FBS_V2_ID,
  marketplace: "ozon",
  kind: "stock",
  source: "ozon.fbs",
  listsAllStock: true,
  incrementalListsAll: true,
  firstCursor: () => ({ walk: { ...firstProductWalk() } }),
  async fetchPage(context: PageContext, raw: Cursor): Promise<Page<StockRecord>> {
    const cursor = readCursor(raw);
    const rows: RowOutcome<StockRecord>[] = [];
    let incomplete: string | undefined;
    let after = cursor.walk;
    let offers = cursor.pending?.offers ?? [];
    const stockCursor = cursor.pending?.stockCursor ?? "";
    if (!cursor.pending) {
      if (!cursor.walk) return { rows, next: null, notes: [] };
      const limit = Math.min(FBS_PRODUCTS_PER_PAGE, Math.max(1, context.pageLimit ?? FBS_PRODUCTS_PER_PAGE));
      const { list, next } = await fetchProductWalkPage(context, cursor.walk, limit);
      after = next;
      offers = list.offerIds;
      for (const item of list.unreadable)
        rows.push({ ok: false, raw: item.raw, reasons: item.reasons.map((r) => `product list: ${r}`) });
      incomplete = list.incomplete;
      if (list.unreadable.length > 0)
        incomplete ??= `${list.unreadable.length} product list item(s) could not be read: their stock was not asked`;
    }
    let pending: FbsCursor["pending"];
    if (offers.length > 0) {
      const answer = await ozonPost(context, ENDPOINT, {
        offer_id: offers,
        limit: FBS_STOCK_LIMIT,
        cursor: stockCursor,
      });
      rows.push(...(answer.products ?? []).map(readFbsWarehouseRow));
      // Paging rule: has_next with a new cursor asks again for the same skus; a cursor that is empty or the one
      // sent cannot move, so the rest of these products' stock stays unread (and the pass incomplete).
      if (answer.has_next === true) {
        if (answer.cursor !== "" && answer.cursor !== stockCursor)
          pending = { offers, stockCursor: answer.cursor };
        else
          incomplete ??= `the stock cursor came back ${answer.cursor === "" ? "empty" : "unchanged"} with has_next; the rest of these products' stock is unread`;
      }
    }
    const next: Cursor | null = pending ? { walk: after, pending } : after ? { walk: after } : null;
    return { rows, next, notes: incomplete ? [incomplete] : [], incomplete };
  },
};

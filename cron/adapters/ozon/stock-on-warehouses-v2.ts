// Ozon POST /v2/analytics/stock_on_warehouses (being switched off in favour of /v1/analytics/stocks): FBO
// stock per sku × warehouse, offset paging. Pages overlap by a few rows, so rows that shift between pages
// while the data changes underneath are read twice (deduplicated by the loader) rather than skipped.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import { nextOffset, offsetWindow } from "../offset-paging";
import type { StockRecord } from "../stock-record";
import { ozonPost } from "./ozon-errors";
import { ozonListing } from "./ozon-listing";

export const OZON_STOCK_V2_ID = "ozon.v2.stock_on_warehouses";
export const PAGE_LIMIT = 1000;
export const PAGE_OVERLAP = 50;

const Row = z.object({
  sku: lenientId,
  item_code: optionalText,
  item_name: optionalText,
  free_to_sell_amount: lenientCount,
  promised_amount: lenientCount,
  reserved_amount: lenientCount,
  warehouse_name: z.string().min(1, "warehouse name is empty"),
});
const NUMERIC = ["sku", "free_to_sell_amount", "promised_amount", "reserved_amount"] as const;

// `rows` must be present (null is read as empty): a moved wrapper must not read as an empty listing, which
// would zero all stock at the end of the run.
const ENDPOINT = {
  id: OZON_STOCK_V2_ID,
  path: "/v2/analytics/stock_on_warehouses",
  envelope: z.object({ result: z.object({ rows: z.array(z.unknown()).nullable() }) }),
  expected: "result.rows",
};

export function readStockOnWarehousesRow(raw: unknown): RowOutcome<StockRecord> {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const row = parsed.data;
  return {
    ok: true,
    record: {
      listing: ozonListing({ sku: row.sku, offerId: row.item_code, name: row.item_name }),
      warehouseName: row.warehouse_name,
      available: row.free_to_sell_amount,
      reserved: row.reserved_amount,
      inTransit: row.promised_amount,
      total: null,
      drift: driftedFields(raw, NUMERIC),
    },
  };
}

export const ozonStockOnWarehousesV2: StockAdapter = {
  id: OZON_STOCK_V2_ID,
  marketplace: "ozon",
  kind: "stock",
  source: "ozon.fbo",
  listsAllStock: true,
  incrementalListsAll: true,
  pageRows: PAGE_LIMIT,
  firstCursor: () => ({ offset: 0 }),
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const page = offsetWindow(context, cursor, PAGE_LIMIT, PAGE_OVERLAP);
    const answer = await ozonPost(context, ENDPOINT, {
      limit: page.limit,
      offset: page.offset,
      warehouse_type: "ALL",
    });
    const rawRows = answer.result.rows ?? [];
    const next = nextOffset(page, rawRows.length);
    return { rows: rawRows.map(readStockOnWarehousesRow), next, notes: [] };
  },
};

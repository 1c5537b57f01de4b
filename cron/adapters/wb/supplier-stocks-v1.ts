// Wildberries GET /api/v1/supplier/stocks (statistics API; deprecated and switched off on 2026-06-23 in
// production, answering 404): keyset paging by lastChangeDate (Moscow time, no offset) with a `>=` filter,
// so the boundary rows come again; 1 request per minute.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import { interned } from "../interned";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { StockRecord } from "../stock-record";
import { keysetStart, readKeysetPage, WB_EPOCH } from "./keyset";
import { wbListingIdentity } from "./sales-row";
import { wbUrl } from "./wb-errors";

export { moscowDateTime, WB_EPOCH } from "./keyset";

export const WB_SUPPLIER_STOCKS_ID = "wb.v1.supplier_stocks";
const PATH = "/api/v1/supplier/stocks";
const BUDGET = { requests: 1, perMs: 60_000 };

const Row = z.object({
  lastChangeDate: z.string().min(10),
  warehouseName: z.string().min(1, "warehouse name is empty"),
  supplierArticle: optionalText,
  nmId: lenientId,
  barcode: optionalText,
  quantity: lenientCount,
  inWayToClient: lenientCount,
  inWayFromClient: lenientCount,
  quantityFull: lenientCount.nullish(),
  techSize: optionalText,
  brand: optionalText,
  category: optionalText,
  subject: optionalText,
});
const NUMERIC = ["nmId", "quantity", "inWayToClient", "inWayFromClient", "quantityFull"] as const;

export function readSupplierStocksRow(raw: unknown): RowOutcome<StockRecord> {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const row = parsed.data;
  return {
    ok: true,
    record: {
      listing: wbListingIdentity(row),
      warehouseName: interned(row.warehouseName),
      available: row.quantity,
      reserved: row.inWayToClient,
      inTransit: row.inWayFromClient,
      total: row.quantityFull ?? null,
      drift: driftedFields(raw, NUMERIC),
    },
  };
}

export const wbSupplierStocksV1: StockAdapter = {
  id: WB_SUPPLIER_STOCKS_ID,
  marketplace: "wb",
  kind: "stock",
  source: "wb.fbo",
  listsAllStock: true,
  incrementalListsAll: false,
  firstCursor: (start) => keysetStart(start, WB_EPOCH),
  fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const dateFrom = typeof cursor.dateFrom === "string" ? cursor.dateFrom : WB_EPOCH;
    return readKeysetPage(
      context,
      {
        id: WB_SUPPLIER_STOCKS_ID,
        budget: scaledBudget(BUDGET, context.rateScale),
        url: `${wbUrl(context.baseUrl, "statistics", PATH)}?dateFrom=${encodeURIComponent(dateFrom)}`,
        dateFrom,
      },
      readSupplierStocksRow,
    );
  },
};

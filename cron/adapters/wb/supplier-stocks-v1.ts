// Wildberries GET /api/v1/supplier/stocks (statistics API; deprecated and switched off on 2026-06-23 in
// production, answering 404): keyset paging by lastChangeDate (Moscow time, no offset) with a `>=` filter,
// so the boundary rows come again; 1 request per minute.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import { interned } from "../interned";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { StockRecord } from "../stock-record";
import { addStamp, keysetStart, keysetStep, noStamps, WB_EPOCH } from "./keyset";
import { wbListingIdentity } from "./sales-row";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

export { moscowDateTime, WB_EPOCH } from "./keyset";

export const WB_SUPPLIER_STOCKS_ID = "wb.v1.supplier_stocks";
const PATH = "/api/v1/supplier/stocks";
const BUDGET = { requests: 1, perMs: 60_000 };
/** The body is the array of rows: streamed row by row, never parsed whole. */
const ROWS = { path: [], expected: "array of rows" } as const;

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
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const dateFrom = typeof cursor.dateFrom === "string" ? cursor.dateFrom : WB_EPOCH;
    const rows: RowOutcome<StockRecord>[] = [];
    let stamps = noStamps();
    const answer = await context.client.callRows(
      WB_SUPPLIER_STOCKS_ID,
      scaledBudget(BUDGET, context.rateScale),
      {
        method: "GET",
        url: `${wbUrl(context.baseUrl, "statistics", PATH)}?dateFrom=${encodeURIComponent(dateFrom)}`,
        headers: wbHeaders(context.credentials.wb),
      },
      mapWbError,
      ROWS,
      () => {
        rows.length = 0;
        stamps = noStamps();
        return (raw) => {
          addStamp(stamps, raw);
          rows.push(readSupplierStocksRow(raw));
        };
      },
    );
    // Only an array is a listing (`[]` ends it): anything else must not read as "no stock".
    if (!answer || (answer.rows === 0 && !Array.isArray(answer.small)))
      throw malformedWbResponse(WB_SUPPLIER_STOCKS_ID, ROWS.expected, answer?.small ?? null);
    const step = keysetStep(stamps, dateFrom);
    return { rows, next: step.next, notes: step.notes, watermark: step.newest };
  },
};

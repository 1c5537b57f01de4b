// Wildberries GET /api/v1/supplier/stocks (statistics API; deprecated and switched off on 2026-06-23 in
// production, answering 404): keyset paging by lastChangeDate (Moscow time, no offset) with a `>=` filter,
// so the boundary rows come again; 1 request per minute.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import { type StockRecord, wbListingKey } from "../stock-record";
import { mapWbError, wbHeaders, wbUrl } from "./wb-errors";

export const WB_SUPPLIER_STOCKS_ID = "wb.v1.supplier_stocks";
const PATH = "/api/v1/supplier/stocks";
/** The earliest dateFrom the API accepts: a full listing. */
export const WB_EPOCH = "2019-06-20T00:00:00";
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
  const size = row.techSize || "0";
  return {
    ok: true,
    record: {
      listing: {
        externalKey: wbListingKey(row.nmId, size),
        article: row.supplierArticle,
        name: row.subject || row.category,
        wbNmId: row.nmId,
        barcode: row.barcode || undefined,
        size,
        brand: row.brand || undefined,
        category: row.category || undefined,
      },
      warehouseName: row.warehouseName,
      available: row.quantity,
      reserved: row.inWayToClient,
      inTransit: row.inWayFromClient,
      total: row.quantityFull ?? null,
      drift: driftedFields(raw, NUMERIC),
    },
  };
}

/** Moscow wall time without offset, as the statistics API reads dateFrom. */
export function moscowDateTime(ms: number): string {
  return new Date(ms + 3 * 3_600_000).toISOString().slice(0, 19);
}

function lastChangeOf(raw: unknown): string | null {
  const value = raw && typeof raw === "object" ? (raw as { lastChangeDate?: unknown }).lastChangeDate : null;
  return typeof value === "string" ? value : null;
}

export const wbSupplierStocksV1: StockAdapter = {
  id: WB_SUPPLIER_STOCKS_ID,
  marketplace: "wb",
  kind: "stock",
  listsAllStock: true,
  firstCursor: () => ({ dateFrom: WB_EPOCH }),
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const dateFrom = typeof cursor.dateFrom === "string" ? cursor.dateFrom : WB_EPOCH;
    const body = await context.client.call(
      WB_SUPPLIER_STOCKS_ID,
      scaledBudget(BUDGET, context.rateScale),
      {
        method: "GET",
        url: `${wbUrl(context.baseUrl, "statistics", PATH)}?dateFrom=${encodeURIComponent(dateFrom)}`,
        headers: wbHeaders(context.credentials.wb),
      },
      mapWbError,
    );
    if (!Array.isArray(body))
      throw new Error(
        `${WB_SUPPLIER_STOCKS_ID}: expected an array, got ${JSON.stringify(body).slice(0, 200)}`,
      );
    const notes: string[] = [];
    // Rows strictly after the boundary move the cursor; a page holding only boundary rows is the end.
    const stamps = body.map(lastChangeOf).filter((stamp): stamp is string => stamp !== null);
    const newest = stamps.reduce<string | null>(
      (max, stamp) => (max === null || stamp > max ? stamp : max),
      null,
    );
    const next = newest !== null && newest > dateFrom ? { dateFrom: newest } : null;
    if (
      body.length > 0 &&
      next === null &&
      stamps.length === body.length &&
      stamps.every((s) => s === dateFrom) &&
      body.length > 1000
    ) {
      notes.push(
        `${body.length} rows share lastChangeDate ${dateFrom}; rows past the vendor's cut cannot be reached`,
      );
    }
    return { rows: body.map(readSupplierStocksRow), next, notes };
  },
};

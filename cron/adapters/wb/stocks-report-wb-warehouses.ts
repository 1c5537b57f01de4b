// Wildberries POST /api/analytics/v1/stocks-report/wb-warehouses (seller-analytics host): stock per size
// (chrtId) × warehouse, offset/limit paging ending on a short page (unconfirmed), 3 requests per minute.
// Rows carry nmId and chrtId but no barcode, article or size: each row is joined to a WB listing the account
// already knows by nmId + chrtId; a row without one is rejected with a reason naming the pair, and the pass
// then does not count as a complete listing (stock it could not place is never zeroed by mistake).
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { type KnownListings, scaledBudget, wbChrtKey } from "../adapter";
import { interned } from "../interned";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import { nextOffset, offsetWindow } from "../offset-paging";
import type { StockRecord } from "../stock-record";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

export const WB_STOCKS_REPORT_ID = "wb.v1.stocks_report_wb_warehouses";
const PATH = "/api/analytics/v1/stocks-report/wb-warehouses";
/** 3 per minute with a burst of 1: one request per 20 s. */
const BUDGET = { requests: 1, perMs: 20_000 };
/**
 * Rows asked per page. The vendor allows 250,000; the body is streamed, but a page's records are kept until it
 * is loaded, in one queue consumer whose isolate has 128 MB. 20,000 rows (~3.6 MB of JSON) leave room; at 3
 * requests a minute, 100,000 cells take 5 pages, under two minutes.
 */
export const REPORT_PAGE_LIMIT = 20_000;
/** Pages overlap by a few rows, so rows shifting between pages are read twice rather than skipped. */
export const REPORT_PAGE_OVERLAP = 50;

const Row = z.object({
  nmId: lenientId,
  chrtId: lenientId,
  // The spec's single warehouse is -999999 "Склад WB": not a positive id.
  warehouseId: z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).nullish(),
  warehouseName: z.string().trim().min(1, "warehouse name is empty"),
  regionName: optionalText,
  quantity: lenientCount,
  inWayToClient: lenientCount,
  inWayFromClient: lenientCount,
});
const NUMERIC = ["nmId", "chrtId", "quantity", "inWayToClient", "inWayFromClient"] as const;

// `items` must be present (null is read as empty): a moved wrapper must not read as an empty listing, which
// would zero all stock at the end of the run.
const Response = z.object({ data: z.object({ items: z.array(z.unknown()).nullable() }) });
/** Where the rows are: streamed row by row, never parsed whole. */
const ROWS = { path: ["data", "items"], expected: "data.items" } as const;

export const unknownChrtReason = (nmId: number, chrtId: number) =>
  `nmId ${nmId} chrtId ${chrtId}: no known WB listing with this nmId + chrtId (stocks-report rows carry no barcode or article; the listing must be known first)`;

export function readStocksReportRow(raw: unknown, known: KnownListings | undefined): RowOutcome<StockRecord> {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const row = parsed.data;
  const listing = known?.wbByChrt.get(wbChrtKey(row.nmId, row.chrtId));
  if (!listing) return { ok: false, raw, reasons: [unknownChrtReason(row.nmId, row.chrtId)] };
  return {
    ok: true,
    record: {
      listing: { ...listing, wbNmId: row.nmId, wbChrtId: row.chrtId },
      warehouseName: interned(row.warehouseName),
      available: row.quantity,
      reserved: row.inWayToClient,
      inTransit: row.inWayFromClient,
      total: null,
      drift: driftedFields(raw, NUMERIC),
    },
  };
}

export const wbStocksReportWbWarehouses: StockAdapter = {
  id: WB_STOCKS_REPORT_ID,
  marketplace: "wb",
  kind: "stock",
  source: "wb.fbo",
  needsKnownListings: true,
  listsAllStock: true,
  incrementalListsAll: true,
  firstCursor: () => ({ offset: 0 }),
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>> {
    const page = offsetWindow(context, cursor, REPORT_PAGE_LIMIT, REPORT_PAGE_OVERLAP);
    const rows: RowOutcome<StockRecord>[] = [];
    // Each row is read (and joined to its known listing) as it streams in: the page keeps records, not the body.
    const answer = await context.client.callRows(
      WB_STOCKS_REPORT_ID,
      scaledBudget(BUDGET, context.rateScale),
      {
        method: "POST",
        url: wbUrl(context.baseUrl, "analytics", PATH),
        headers: wbHeaders(context.credentials.wb),
        body: { nmIds: [], chrtIds: [], limit: page.limit, offset: page.offset },
      },
      mapWbError,
      ROWS,
      () => {
        rows.length = 0;
        return (raw) => rows.push(readStocksReportRow(raw, context.knownListings));
      },
    );
    // No row came: the (small) body must still be the wrapper with items, else it is not an empty listing.
    if (!answer || (answer.rows === 0 && !Response.safeParse(answer.small).success))
      throw malformedWbResponse(WB_STOCKS_REPORT_ID, ROWS.expected, answer?.small ?? null);
    const next = nextOffset(page, rows.length);
    const unknown = rows.filter(
      (row) => !row.ok && row.reasons.some((reason) => reason.includes("no known WB listing")),
    ).length;
    const incomplete =
      unknown > 0
        ? `${unknown} rows of WB listings not known by nmId + chrtId were skipped; stock not seen is not zeroed`
        : undefined;
    return { rows, next, notes: incomplete ? [incomplete] : [], incomplete };
  },
};

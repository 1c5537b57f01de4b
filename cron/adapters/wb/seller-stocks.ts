// Wildberries seller-warehouse (FBS) stock from the marketplace host: GET /api/v3/warehouses lists the seller's
// own warehouses, then POST /api/v3/stocks/{warehouseId} answers the stock of up to 1,000 sizes (chrtIds) per
// request. The sizes asked are the account's known WB listings (from the product cards, read earlier in the run);
// the stock lands on each warehouse under the name the seller gave it.
//
// Cursor steps (plain JSON): {step:"warehouses"} lists the warehouses (a page without rows); then
// {warehouses, at, batch} asks warehouse `at` for the `batch`-th slice of the known chrtIds, in chrtId order.
import { z } from "zod";
import type { Cursor, KnownListings, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import { issueReasons, lenientCount, lenientId } from "../lenient";
import type { ListingIdentity, StockRecord } from "../stock-record";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

export const WB_SELLER_STOCKS_ID = "wb.v3.seller_stocks";
/**
 * 300 requests a minute shared by the seller-warehouse methods, 200 ms apart, burst 20 (a 4xx answer counts as
 * 10): one request per 200 ms. Both calls draw from one budget id, as WB counts them together.
 */
const BUDGET = { requests: 1, perMs: 200 };
/** What /api/v3/warehouses says of every warehouse it lists: the seller's own (its cluster is not given). */
const SELLER_WAREHOUSE = { type: "fbs", cluster: null, region: null } as const;
/** The spec's `maxItems` of `chrtIds`. */
export const SELLER_STOCKS_BATCH = 1_000;

const Warehouse = z.object({
  id: lenientId,
  name: z.string().trim().min(1, "warehouse name is empty"),
});
const StockRow = z.object({ chrtId: lenientId, amount: lenientCount });
// The wrappers must be present: a moved one must not read as "no stock", which would zero the seller's cells.
const StocksResponse = z.object({ stocks: z.array(z.unknown()).nullable() });

const SellerCursor = z.union([
  z.object({ step: z.literal("warehouses") }),
  z.object({
    warehouses: z.array(z.object({ id: z.number().int().positive(), name: z.string().min(1) })),
    at: z.number().int().nonnegative(),
    batch: z.number().int().nonnegative(),
  }),
]);
type Walk = { warehouses: { id: number; name: string }[]; at: number; batch: number };

/** The known WB listings by chrtId, in chrtId order (the batches of one run always slice the same list). */
function listingsByChrt(known: KnownListings | undefined): Map<number, ListingIdentity> {
  const byChrt = new Map<number, ListingIdentity>();
  for (const listing of known?.wbByChrt.values() ?? [])
    if (listing.wbChrtId !== undefined) byChrt.set(listing.wbChrtId, listing);
  return new Map([...byChrt].sort(([a], [b]) => a - b));
}

function batchSize(context: PageContext): number {
  return Math.min(SELLER_STOCKS_BATCH, Math.max(20, context.pageLimit ?? SELLER_STOCKS_BATCH));
}

async function listWarehouses(context: PageContext): Promise<Page<StockRecord>> {
  const body = await context.client.call(
    WB_SELLER_STOCKS_ID,
    scaledBudget(BUDGET, context.rateScale),
    {
      method: "GET",
      url: wbUrl(context.baseUrl, "marketplace", "/api/v3/warehouses"),
      headers: wbHeaders(context.credentials.wb),
    },
    mapWbError,
  );
  if (!Array.isArray(body)) throw malformedWbResponse(WB_SELLER_STOCKS_ID, "list of warehouses", body);
  const warehouses: Walk["warehouses"] = [];
  const rows: RowOutcome<StockRecord>[] = [];
  for (const raw of body) {
    const parsed = Warehouse.safeParse(raw);
    if (parsed.success) warehouses.push(parsed.data);
    else rows.push({ ok: false, raw, reasons: issueReasons(parsed.error) });
  }
  const page: Page<StockRecord> = { rows, notes: [], next: null };
  if (rows.length > 0) {
    // Its stock is neither read nor zeroed.
    page.incomplete = `${rows.length} WB seller warehouses could not be read; their stock is not zeroed`;
    page.notes.push(page.incomplete);
  }
  if (warehouses.length > 0) page.next = { warehouses, at: 0, batch: 0 };
  return page;
}

async function warehouseStock(context: PageContext, walk: Walk): Promise<Page<StockRecord>> {
  const warehouse = walk.warehouses[walk.at];
  if (!warehouse) return { rows: [], notes: [], next: null };
  const known = listingsByChrt(context.knownListings);
  const size = batchSize(context);
  const chrtIds = [...known.keys()].slice(walk.batch * size, (walk.batch + 1) * size);
  const more = (walk.batch + 1) * size < known.size;
  const next: Cursor | null = more
    ? { ...walk, batch: walk.batch + 1 }
    : walk.at + 1 < walk.warehouses.length
      ? { ...walk, at: walk.at + 1, batch: 0 }
      : null;
  if (chrtIds.length === 0) return { rows: [], notes: [], next };
  const body = await context.client.call(
    WB_SELLER_STOCKS_ID,
    scaledBudget(BUDGET, context.rateScale),
    {
      method: "POST",
      url: wbUrl(context.baseUrl, "marketplace", `/api/v3/stocks/${warehouse.id}`),
      headers: wbHeaders(context.credentials.wb),
      body: { chrtIds },
    },
    mapWbError,
  );
  const parsed = StocksResponse.safeParse(body);
  if (!parsed.success) throw malformedWbResponse(WB_SELLER_STOCKS_ID, "stocks", body);
  const rows = (parsed.data.stocks ?? []).map((raw): RowOutcome<StockRecord> => {
    const row = StockRow.safeParse(raw);
    if (!row.success) return { ok: false, raw, reasons: issueReasons(row.error) };
    const listing = known.get(row.data.chrtId);
    if (!listing)
      return { ok: false, raw, reasons: [`chrtId ${row.data.chrtId}: not one of the sizes asked for`] };
    return {
      ok: true,
      record: {
        listing,
        warehouseName: warehouse.name,
        listedWarehouse: SELLER_WAREHOUSE,
        available: row.data.amount,
        // WB reports one amount per size on a seller's warehouse: nothing reserved or on its way here.
        reserved: 0,
        inTransit: 0,
        total: null,
        drift: typeof (raw as { amount?: unknown }).amount === "string" ? ["amount"] : [],
      },
    };
  });
  const unread = rows.filter((row) => !row.ok).length;
  const page: Page<StockRecord> = { rows, notes: [], next };
  if (unread > 0) {
    page.incomplete = `WB seller warehouse ${warehouse.id}: ${unread} stock rows could not be read; stock not seen is not zeroed`;
    page.notes.push(page.incomplete);
  }
  return page;
}

export const wbSellerStocks: StockAdapter = {
  id: WB_SELLER_STOCKS_ID,
  marketplace: "wb",
  kind: "stock",
  source: "wb.fbs",
  needsKnownListings: true,
  // Every known size is asked on every warehouse, in a full run and an incremental one alike.
  listsAllStock: true,
  incrementalListsAll: true,
  firstCursor: () => ({ step: "warehouses" }),
  async fetchPage(context: PageContext, raw: Cursor): Promise<Page<StockRecord>> {
    const parsed = SellerCursor.safeParse(raw);
    if (!parsed.success)
      throw new Error(`${WB_SELLER_STOCKS_ID}: unreadable cursor ${JSON.stringify(raw).slice(0, 200)}`);
    const cursor = parsed.data;
    return "step" in cursor ? listWarehouses(context) : warehouseStock(context, cursor);
  },
};

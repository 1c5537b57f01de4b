// Wildberries POST /content/v2/get/cards/list (content host): the seller's product cards, one listing per size
// (nmID + chrtID, techSize, barcodes, vendorCode). WB's stock feeds that name only nmId/chrtId (stocks-report,
// seller-warehouse stock) are placed through these listings, so a run reads the cards before any stock.
//
// Paging is WB's cursor: ascending by updatedAt, at most 100 cards a page; the reply's cursor (updatedAt + nmID)
// goes into the next request, and a reply with cursor.total < limit is the last. A cursor that does not move
// past the one sent (a repeat, or one that goes back) ends the pass as incomplete instead of looping.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import { issueReasons, lenientId, optionalText } from "../lenient";
import type { ListingIdentity, StockRecord } from "../stock-record";
import { wbListingKey } from "../stock-record";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

export const WB_CONTENT_CARDS_ID = "wb.v2.content_cards";
const PATH = "/content/v2/get/cards/list";
/** 100 requests a minute, 600 ms apart, burst 5: one request per 600 ms. */
const BUDGET = { requests: 1, perMs: 600 };
/** The spec's maximum `settings.cursor.limit`. */
export const CARDS_PAGE_LIMIT = 100;
/** A backstop against a cursor cycle the order check cannot see: 2,000 pages are 200,000 cards. */
export const MAX_CARD_PAGES = 2_000;

const Size = z.object({
  chrtID: lenientId,
  // A missing size would file the listing under another key (size "0"): the card is rejected instead.
  techSize: z.string({ error: "techSize is missing: the size is unknown" }),
  skus: z.array(z.string()).nullish(),
});
const Card = z.object({
  nmID: lenientId,
  // The listing's product key: a card without the seller's article cannot be joined to a product.
  vendorCode: z.string().trim().min(1, "vendorCode is empty: the card has no seller article"),
  title: optionalText,
  brand: optionalText,
  subjectName: optionalText,
  sizes: z.array(Size).min(1, "the card has no sizes"),
});

// `cards` and `cursor` must be present: a moved wrapper must not read as "no cards" (an empty catalog).
const Response = z.object({
  cards: z.array(z.unknown()).nullable(),
  cursor: z.object({
    updatedAt: z.string().nullish(),
    nmID: z.number().int().nullish(),
    total: z.number().int().nonnegative(),
  }),
});

const CardsCursor = z.object({
  updatedAt: z.string().optional(),
  nmID: z.number().int().optional(),
  /** nmIDs of the cursors already returned at this updatedAt (a cycle among them is caught). */
  seenAt: z.array(z.number().int()).default([]),
  pages: z.number().int().nonnegative().default(0),
});

/** Each size of a card as a listing (the seller's article is the card's vendorCode); a bad card is one reject. */
export function readCard(raw: unknown): { listings: ListingIdentity[]; reject?: RowOutcome<StockRecord> } {
  const parsed = Card.safeParse(raw);
  if (!parsed.success)
    return { listings: [], reject: { ok: false, raw, reasons: issueReasons(parsed.error) } };
  const card = parsed.data;
  const listings = card.sizes.map((size): ListingIdentity => {
    const techSize = size.techSize || "0";
    const barcode = size.skus?.find((sku) => sku.trim() !== "");
    return {
      externalKey: wbListingKey(card.nmID, techSize),
      article: card.vendorCode,
      name: card.title,
      wbNmId: card.nmID,
      wbChrtId: size.chrtID,
      size: techSize,
      ...(barcode ? { barcode } : {}),
      ...(card.brand ? { brand: card.brand } : {}),
      ...(card.subjectName ? { category: card.subjectName } : {}),
    };
  });
  return { listings };
}

/**
 * Whether the reply's cursor moves on from the one sent: a later updatedAt (the request sorts ascending), or the
 * same updatedAt with an nmID not returned at that time before. The spec does not say how cards with one
 * updatedAt are ordered, so the nmIDs already seen at the current updatedAt ride along in the cursor.
 */
export function cursorMoved(
  sent: { updatedAt?: string | undefined; seenAt: number[] },
  next: { updatedAt: string; nmID: number },
): boolean {
  if (sent.updatedAt === undefined) return true;
  const before = Date.parse(sent.updatedAt);
  const after = Date.parse(next.updatedAt);
  if (Number.isNaN(before) || Number.isNaN(after)) return false;
  return after > before || (after === before && !sent.seenAt.includes(next.nmID));
}

export const wbContentCards: StockAdapter = {
  id: WB_CONTENT_CARDS_ID,
  marketplace: "wb",
  kind: "stock",
  // The catalog, not stock: its own source, listed first so the stock feeds after it find the listings.
  source: "wb.cards",
  // It lists no stock: a run never zeroes anything on its account.
  listsAllStock: false,
  incrementalListsAll: true,
  firstCursor: () => ({ pages: 0 }),
  async fetchPage(context: PageContext, raw: Cursor): Promise<Page<StockRecord>> {
    const parsed = CardsCursor.safeParse(raw);
    if (!parsed.success)
      throw new Error(`${WB_CONTENT_CARDS_ID}: unreadable cursor ${JSON.stringify(raw).slice(0, 200)}`);
    const cursor = parsed.data;
    const limit = Math.min(CARDS_PAGE_LIMIT, Math.max(1, context.pageLimit ?? CARDS_PAGE_LIMIT));
    const body = await context.client.call(
      WB_CONTENT_CARDS_ID,
      scaledBudget(BUDGET, context.rateScale),
      {
        method: "POST",
        url: wbUrl(context.baseUrl, "content", PATH),
        headers: wbHeaders(context.credentials.wb),
        body: {
          settings: {
            sort: { ascending: true },
            cursor: {
              limit,
              ...(cursor.updatedAt !== undefined ? { updatedAt: cursor.updatedAt, nmID: cursor.nmID } : {}),
            },
            filter: { withPhoto: -1 },
          },
        },
      },
      mapWbError,
    );
    const reply = Response.safeParse(body);
    if (!reply.success) throw malformedWbResponse(WB_CONTENT_CARDS_ID, "cards and cursor.total", body);
    const listings: ListingIdentity[] = [];
    const rows: RowOutcome<StockRecord>[] = [];
    for (const card of reply.data.cards ?? []) {
      const read = readCard(card);
      listings.push(...read.listings);
      if (read.reject) rows.push(read.reject);
    }
    const page: Page<StockRecord> = { rows, listings, next: null, notes: [] };
    const { updatedAt, nmID, total } = reply.data.cursor;
    if (total < limit) return page;
    const pages = cursor.pages + 1;
    const moved =
      Boolean(updatedAt && nmID) && cursorMoved(cursor, { updatedAt: updatedAt ?? "", nmID: nmID ?? 0 });
    if (!moved || pages >= MAX_CARD_PAGES) {
      const why = moved
        ? `the walk reached ${MAX_CARD_PAGES} pages`
        : `the reply's cursor ${JSON.stringify({ updatedAt, nmID })} does not move past ${JSON.stringify({ updatedAt: cursor.updatedAt, nmID: cursor.nmID })}`;
      page.incomplete = `WB cards: ${why} after ${pages} pages; the card list ends here`;
      page.notes.push(page.incomplete);
      return page;
    }
    const seenAt = updatedAt === cursor.updatedAt ? [...cursor.seenAt, nmID] : [nmID];
    page.next = { updatedAt, nmID, seenAt, pages };
    return page;
  },
};

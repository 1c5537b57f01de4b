// A page step reads the feed ahead: small vendor pages (Ozon's postings come 100 to a page, product cards 100)
// are fetched one after another, within the account's request budget, until the group holds enough rows, and
// then load together as one page of the run (one claim, one round trip per part, one hand-on), so a sync's wall
// time follows the vendors' limits rather than one queue hop and three round trips per vendor page.
// Every vendor page in the group is judged as it would be alone: consecutive pages must join (page-join.ts),
// cursors must not come back (cursor-cycle.ts); a page that does not join, a repeated cursor, the feed's end or
// a vendor error on a later page ends the group there, and what follows is the next step's (which meets that
// error itself and handles it as any page's). A redelivery reads the group again from the same cursor: its
// claim is keyed by the step's page, so it changes nothing whatever the vendor answers the second time.
import type { Cursor, Page, RowOutcome } from "../adapters/adapter";
import type { SalesRecord } from "../adapters/sales-record";
import type { ListingIdentity, StockRecord } from "../adapters/stock-record";
import type { PageMessage } from "../messages";
import { guardCursor } from "./cursor-cycle";
import { type PagingVerdict, pagingVerdict } from "./page-join";

/** How far one step reads ahead. */
export interface GroupLimits {
  /** Vendor rows after which no further page is fetched (a page's memory and its load's CPU follow them). */
  maxRows: number;
  /** Vendor pages after which no further page is fetched. */
  maxPages: number;
  /** Time after which no further page is fetched (the step's share of the delivery's budget). */
  maxMs: number;
}

/**
 * 20,000 rows is a stocks-report page, whose streamed heap measured +6 MB; a big page (WB's 80,000 orders)
 * is never grouped, as the group is full after it.
 */
export const DEFAULT_GROUP: GroupLimits = { maxRows: 20_000, maxPages: 200, maxMs: 8_000 };

/** One vendor page alone (the turnover report, and tests that count one claim per vendor page). */
export const SINGLE_PAGE: GroupLimits = { maxRows: 1, maxPages: 1, maxMs: 0 };

export interface PageGroup<R> {
  /** The group's rows in order, each vendor page's repeated overlap (joined) left out. */
  rows: RowOutcome<R>[];
  /** Rows the vendor answered (the overlaps included). */
  extracted: number;
  /** Vendor pages read. */
  pages: number;
  /** Where the feed's next page starts; null after its last page (or a cursor that came back). */
  next: Cursor | null;
  /** The last vendor page's join verdict: what the next page must start with, or a new walk. */
  paging: PagingVerdict;
  cursors: string[];
  /** The adapters' paging notes and the engine's (pages that did not join, a cursor that came back). */
  notes: string[];
  /** The newest change stamp of the group's pages. */
  watermark: string | null;
  /** A page left stock unread or unplaced, or the paging cannot vouch for the listing. */
  incomplete: boolean;
  listings: ListingIdentity[];
}

const newer = (a: string | null, b: string | null | undefined) =>
  b != null && (a === null || b > a) ? b : a;

/** Reads vendor pages from `message`'s position while `limits` allow; the first page's errors are thrown. */
export async function fetchGroup<R extends StockRecord | SalesRecord>(
  message: PageMessage,
  fetchPage: (cursor: Cursor) => Promise<Page<R>>,
  limits: GroupLimits,
): Promise<PageGroup<R>> {
  const startedAt = Date.now();
  const group: PageGroup<R> = {
    rows: [],
    extracted: 0,
    pages: 0,
    next: null,
    paging: { rewalk: false, incomplete: false, joinKeys: [], note: null, repeated: 0 },
    cursors: message.cursors ?? [],
    notes: [],
    watermark: null,
    incomplete: false,
    listings: [],
  };
  let at = message;
  let page = await fetchPage(message.cursor);
  for (;;) {
    const paging = pagingVerdict(at, page.rows, page.next);
    const cursor = guardCursor(at, page.next);
    for (let i = paging.repeated; i < page.rows.length; i++) group.rows.push(page.rows[i] as RowOutcome<R>);
    group.extracted += page.rows.length;
    group.pages++;
    group.next = cursor.next;
    group.paging = paging;
    group.cursors = cursor.cursors;
    group.notes.push(...page.notes, ...[paging.note, cursor.note].filter((note) => note !== null));
    group.watermark = newer(group.watermark, page.watermark);
    group.incomplete ||= Boolean(page.incomplete) || paging.incomplete || cursor.note !== null;
    if (page.listings) group.listings.push(...page.listings);
    const full =
      group.extracted >= limits.maxRows ||
      group.pages >= limits.maxPages ||
      Date.now() - startedAt >= limits.maxMs;
    if (full || cursor.next === null || paging.note !== null || cursor.note !== null) return group;
    at = {
      ...at,
      cursor: cursor.next,
      page: at.page + 1,
      joinKeys: paging.joinKeys,
      cursors: cursor.cursors,
    };
    try {
      page = await fetchPage(cursor.next);
    } catch {
      // The next step starts at this page and meets the error itself (a deferral, a switched-off endpoint…).
      return group;
    }
  }
}

// Whether consecutive pages of an offset-paged feed join: the vendor is asked to repeat the previous page's
// last rows (the overlap) at the start of the next one; when those rows are not the same rows, the listing
// moved while it was read (rows before the cursor vanished, appeared or changed places), so rows may have been
// skipped, and a short page no longer proves the end. The feed is then read again from its start, once; when
// it still does not join, its source is not a complete listing in this run (nothing of it is zeroed).
import type { Cursor, RowOutcome } from "../adapters/adapter";
import { repeatedRows } from "../adapters/offset-paging";
import type { SalesRecord } from "../adapters/sales-record";
import type { StockRecord } from "../adapters/stock-record";

/** Walks of one feed in a run: the first and one more when pages did not join (each costs the feed's requests). */
export const MAX_WALKS = 2;

/** What identifies a row across two calls (not its values, which may change in between). */
export function rowIdentity(row: RowOutcome<StockRecord | SalesRecord>): string {
  if (!row.ok) return `raw:${JSON.stringify(row.raw)}`;
  const record = row.record;
  if ("externalId" in record) return `sale:${record.kind}|${record.externalId}`;
  return `stock:${record.listing.externalKey}|${record.warehouseName}`;
}

export type PageJoin =
  /** Joined (or nothing to join): `carry` is what the next page must start with. */
  { joined: true; carry: string[] } | { joined: false; found: string[] };

/**
 * Checks a page against the rows the previous one said it must start with (`expected`) and says what the next
 * page must start with: this page's last rows, as many as the next cursor asks the vendor to repeat.
 */
export function joinPage(
  expected: readonly string[],
  rows: readonly RowOutcome<StockRecord | SalesRecord>[],
  next: Cursor | null,
): PageJoin {
  const head = rows.slice(0, expected.length).map(rowIdentity);
  // Fewer rows than the overlap: the rows the previous page ended with are gone, the listing shrank.
  if (head.length < expected.length || head.some((key, at) => key !== expected[at]))
    return { joined: false, found: head };
  const repeats = next ? repeatedRows(next) : 0;
  return { joined: true, carry: repeats > 0 ? rows.slice(-repeats).map(rowIdentity) : [] };
}

/** The run-log note for pages that did not join, and what the engine does about it. */
export function joinNote(
  endpoint: string,
  page: number,
  expected: readonly string[],
  found: readonly string[],
  rewalk: boolean,
): string {
  const at = found.findIndex((key, i) => key !== expected[i]);
  const where =
    at < 0
      ? `page ${page} brought ${found.length} of the ${expected.length} rows that page ${page - 1} ended with`
      : `row ${at + 1} of page ${page} is ${found[at]}, page ${page - 1} had ${expected[at]} there`;
  const action = rewalk
    ? "reading the feed again from its start"
    : "it did not join on the second reading either, so its stock is not zeroed in this run";
  return `${endpoint}: pages ${page - 1} and ${page} do not join (${where}): the listing moved while it was read; ${action}`;
}

export interface PagingVerdict {
  /** The pages did not join and the feed is read again from its start (a new walk). */
  rewalk: boolean;
  /** The pages did not join on the last walk allowed: the feed's source is not a complete listing. */
  incomplete: boolean;
  /** What the next page must start with. */
  joinKeys: string[];
  /** For the run log, when the pages did not join. */
  note: string | null;
  /**
   * Rows at the start of the page found to be the previous page's last ones (the overlap, joined): loaded and
   * counted with that page already, so this one neither loads nor counts them again.
   */
  repeated: number;
}

/** The engine's paging rule for a page of `endpoint` read at `message`'s position. */
export function pagingVerdict(
  message: { endpoint: string; page: number; walk: number; joinKeys: string[]; listingIncomplete: boolean },
  rows: readonly RowOutcome<StockRecord | SalesRecord>[],
  next: Cursor | null,
): PagingVerdict {
  const expected = message.listingIncomplete ? [] : message.joinKeys;
  const join = joinPage(expected, rows, next);
  if (join.joined)
    return { rewalk: false, incomplete: false, joinKeys: join.carry, note: null, repeated: expected.length };
  const rewalk = message.walk + 1 < MAX_WALKS;
  const note = joinNote(message.endpoint, message.page, message.joinKeys, join.found, rewalk);
  return { rewalk, incomplete: !rewalk, joinKeys: [], note, repeated: 0 };
}

// Offset paging with overlap, shared by the offset-paged feeds: a short page is the last one; a full page goes
// on stepping back by the overlap, so rows that shift between pages are read twice (deduplicated), not skipped.
import type { Cursor, PageContext } from "./adapter";

export interface OffsetWindow {
  offset: number;
  limit: number;
  overlap: number;
}

/** The page a cursor asks for: its offset, the account's page cap kept within [20, `max`], and the overlap
 * (at most a quarter of the page). */
export function offsetWindow(
  context: PageContext,
  cursor: Cursor,
  max: number,
  overlap: number,
): OffsetWindow {
  const offset = typeof cursor.offset === "number" ? cursor.offset : 0;
  const limit = Math.min(max, Math.max(20, context.pageLimit ?? max));
  return { offset, limit, overlap: Math.min(overlap, Math.floor(limit / 4)) };
}

/** The cursor of the page after one of `received` rows (carrying `keep`); null when that page was short. */
export function nextOffset(window: OffsetWindow, received: number, keep: Cursor = {}): Cursor | null {
  return received < window.limit ? null : { ...keep, offset: window.offset + received - window.overlap };
}

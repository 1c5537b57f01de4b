// Offset paging with overlap, shared by the offset-paged feeds: a short page is the last one; a full page goes
// on stepping back by the overlap, so the next page must start with this page's last rows. The cursor says how
// many (`repeats`): the engine checks that they are the same rows (cron/engine/page-join.ts).
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
  if (received < window.limit) return null;
  return { ...keep, offset: window.offset + received - window.overlap, repeats: window.overlap };
}

/** The cursor's feed from its first page again, with everything else the cursor carries (its dates...). */
export function firstOffset(cursor: Cursor): Cursor {
  const { repeats: _repeats, ...rest } = cursor;
  return { ...rest, offset: 0 };
}

/** How many rows at the start of the cursor's page repeat the end of the page before (0 for other cursors). */
export function repeatedRows(cursor: Cursor): number {
  return typeof cursor.repeats === "number" && cursor.repeats > 0 ? cursor.repeats : 0;
}

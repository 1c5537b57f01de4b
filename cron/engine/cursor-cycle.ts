// Cursor feeds guard against a cursor that comes back: a next cursor already read in the same walk of a feed
// means the vendor's paging went round in a circle (A → B → A). Following it would loop for ever; stopping as if
// the feed had ended would take the rows never reached for gone. The feed stops there, its source counts as
// incomplete (nothing of it is zeroed) and the run gets a PAGING note. The walk's cursors ride in the page message
// as short fingerprints; two different cursors sharing one can only stop a feed early, never zero stock.
import type { Cursor } from "../adapters/adapter";

/** Fingerprints kept per walk (the oldest dropped past it): ~14 characters each, well inside a queue message. */
export const CURSORS_KEPT = 2000;

/**
 * The vendor's paging position a cursor names, as two 32-bit FNV-1a hashes of its JSON, in base 36. The count of
 * rows read so far (`read`, carried by the Ozon product walks) is left out: it grows on every page, so a
 * position visited again would look new.
 */
export function cursorFingerprint(cursor: Cursor): string {
  const text = JSON.stringify(cursor, (key, value: unknown) => (key === "read" ? undefined : value));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193 + 2) >>> 0;
  }
  return `${a.toString(36)}.${b.toString(36)}`;
}

export interface CursorVerdict {
  /** The next cursor to read; null when the feed stops here (its end, or a cycle). */
  next: Cursor | null;
  /** The walk's cursors read so far, this page's included, for the next page's message. */
  cursors: string[];
  /** Set when the next cursor was read before in this walk. */
  note: string | null;
}

/** Whether `next` was read before in this walk (`seen`, plus the cursor of the page just read). */
export function guardCursor(
  message: { endpoint: string; page: number; cursor: Cursor; cursors?: string[] | undefined },
  next: Cursor | null,
): CursorVerdict {
  const cursors = [...(message.cursors ?? []), cursorFingerprint(message.cursor)].slice(-CURSORS_KEPT);
  if (next === null || !cursors.includes(cursorFingerprint(next))) return { next, cursors, note: null };
  return {
    next: null,
    cursors,
    note: `${message.endpoint}: page ${message.page} points back to a cursor this walk already read (${JSON.stringify(next).slice(0, 120)}): the vendor's paging went round in a circle; the feed stops here and its stock is not zeroed in this run`,
  };
}

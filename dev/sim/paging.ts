// Paging helpers shared by the endpoints: opaque cursors, offset slices with shift faults, zod error text.

import type { z } from "zod";

/** An opaque cursor: base64url of JSON. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(text: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Where a page by offset starts: shiftBy > 0 repeats rows from the previous page (inserted rows), < 0 skips
 * rows (removed ones). */
export function pageStart(offset: number, shiftBy: number): number {
  return Math.max(0, offset - shiftBy);
}

/** A page by offset, shifted as pageStart says. */
export function offsetSlice<T>(rows: readonly T[], offset: number, limit: number, shiftBy: number): T[] {
  const start = pageStart(offset, shiftBy);
  return rows.slice(start, start + limit);
}

/** "field.path: message" for the first zod issue, the way vendors name the bad field. */
export function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Index of the first row strictly after a key in a sorted array (binary search). */
export function firstAfter<T>(rows: readonly T[], isAfterKey: (row: T) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfterKey(rows[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

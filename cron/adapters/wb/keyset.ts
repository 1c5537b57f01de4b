// Keyset paging of the WB statistics feeds (stocks, orders, sales): `lastChangeDate >= dateFrom` in Moscow
// time, so boundary rows come again (the loader deduplicates); the next page starts at the newest stamp seen,
// and a page that brings nothing newer ends the feed.
import type { CursorStart } from "../adapter";

/** The earliest dateFrom the API accepts: a full listing. */
export const WB_EPOCH = "2019-06-20T00:00:00";

/** Moscow wall time without offset, as the statistics API reads dateFrom. */
export function moscowDateTime(ms: number): string {
  return new Date(ms + 3 * 3_600_000).toISOString().slice(0, 19);
}

/** A WB stamp (Moscow time without offset, or with an explicit one) as UTC ISO; null if unreadable. */
export function moscowToUtcIso(text: string): string | null {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const ms = Date.parse(hasOffset ? text : `${text.slice(0, 19)}+03:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function lastChangeOf(raw: unknown): string | null {
  const value = raw && typeof raw === "object" ? (raw as { lastChangeDate?: unknown }).lastChangeDate : null;
  return typeof value === "string" ? value : null;
}

/** The first dateFrom of a run: the watermark for an incremental run that has one, else `fullFrom`. */
export function keysetStart(start: CursorStart | undefined, fullFrom: string): { dateFrom: string } {
  if (start?.kind === "incremental" && start.watermark) return { dateFrom: start.watermark };
  return { dateFrom: fullFrom };
}

export interface KeysetStep {
  next: { dateFrom: string } | null;
  /** The newest lastChangeDate on the page. */
  newest: string | null;
  notes: string[];
}

/** The lastChangeDate stamps of a page's rows, gathered one row at a time as the body streams by. */
export interface KeysetStamps {
  rows: number;
  /** Rows with a usable stamp (not missing, not the year 9999). */
  stamped: number;
  newest: string | null;
}

export const noStamps = (): KeysetStamps => ({ rows: 0, stamped: 0, newest: null });

export function addStamp(stamps: KeysetStamps, raw: unknown): void {
  stamps.rows++;
  const stamp = lastChangeOf(raw);
  if (stamp === null || stamp >= "9") return;
  stamps.stamped++;
  if (stamps.newest === null || stamp > stamps.newest) stamps.newest = stamp;
}

export function keysetStep(rows: readonly unknown[] | KeysetStamps, dateFrom: string): KeysetStep {
  let stamps: KeysetStamps;
  if (Array.isArray(rows)) {
    stamps = noStamps();
    for (const raw of rows) addStamp(stamps, raw);
  } else stamps = rows as KeysetStamps;
  const { newest } = stamps;
  const next = newest !== null && newest > dateFrom ? { dateFrom: newest } : null;
  const notes: string[] = [];
  if (stamps.rows > 1000 && next === null && stamps.stamped === stamps.rows) {
    notes.push(
      `${stamps.rows} rows share lastChangeDate ${dateFrom}; rows past the vendor's cut cannot be reached`,
    );
  }
  return { next, newest, notes };
}

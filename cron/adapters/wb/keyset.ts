// Keyset paging of the WB statistics feeds (stocks, orders, sales): `lastChangeDate >= dateFrom` in Moscow
// time, so boundary rows come again (the loader deduplicates); the next page starts at the newest stamp seen,
// and a page that brings nothing newer ends the feed.
import type { BudgetRule } from "../../http/request-budget";
import type { CursorStart, Page, PageContext, RowOutcome } from "../adapter";
import { malformedWbResponse, mapWbError, wbHeaders } from "./wb-errors";

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

/** The body of every keyset feed is the array of rows (up to 80,000, ~56 MB): streamed, never parsed whole. */
const ROWS = { path: [], expected: "array of rows" } as const;

/**
 * One keyset page of a WB statistics feed: each row is read (validated, normalized) as the body streams in, so
 * the page keeps records, never the raw body; only an array is a page (`[]` ends the feed), anything else is a
 * malformed response, never "no rows".
 */
export async function readKeysetPage<R>(
  context: PageContext,
  feed: { id: string; budget: BudgetRule; url: string; dateFrom: string },
  read: (raw: unknown) => RowOutcome<R>,
): Promise<Page<R>> {
  const rows: RowOutcome<R>[] = [];
  let stamps = noStamps();
  const answer = await context.client.callRows(
    feed.id,
    feed.budget,
    { method: "GET", url: feed.url, headers: wbHeaders(context.credentials.wb) },
    mapWbError,
    ROWS,
    () => {
      // A retried attempt starts the page over.
      rows.length = 0;
      stamps = noStamps();
      return (raw) => {
        addStamp(stamps, raw);
        rows.push(read(raw));
      };
    },
  );
  if (!answer || (answer.rows === 0 && !Array.isArray(answer.small)))
    throw malformedWbResponse(feed.id, ROWS.expected, answer?.small ?? null);
  const step = keysetStep(stamps, feed.dateFrom);
  return { rows, next: step.next, notes: step.notes, watermark: step.newest };
}

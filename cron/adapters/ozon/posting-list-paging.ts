// Cursor paging shared by Ozon's current posting lists (/v3/posting/fbo/list, /v4/posting/fbs/list): the request
// as the spec names it (`sort_dir`, `filter.since/to`, limit ≤ 100, analytics and financial data), `cursor` +
// `has_next`; a cursor that repeats or comes back empty while has_next is true is replaced by restarting at the
// newest posting time seen (boundary rows repeat; the loader deduplicates). A full run starts a month before its
// watermark, an incremental one 14 days before it, a first run 90 days back.
// The period is cut into consecutive windows, each walked by its own cursor, and a page asks every unfinished
// window for its next 100 postings at once (each call through the account's request budget): a cursor walk
// cannot be read ahead, so this is how a long history is read in a fraction of the vendor's round trips in a row.
import { z } from "zod";
import type { Cursor, CursorStart, Page, PageContext, RowOutcome } from "../adapter";
import type { SalesRecord } from "../sales-record";
import { ozonPost } from "./ozon-errors";

/** The spec's maximum page (1–100); the older notes allowed 1000. */
export const POSTINGS_LIMIT = 100;
const DAY_MS = 86_400_000;
/** A full run reads this far back; an incremental one re-reads this much before its watermark (status changes). */
export const OZON_FULL_DAYS = 90;
export const OZON_RECHECK_DAYS = 14;
/**
 * A full run with a watermark re-reads this far before it (not the whole 90 days): a posting's status settles
 * within days of its creation (delivered, cancelled, returned), so a month catches late changes with room to spare.
 */
export const OZON_FULL_RECHECK_DAYS = 30;

/** Windows a posting list's period is cut into, read side by side. */
export const POSTINGS_WINDOWS = 4;

export function postingsFirstCursor(start: CursorStart): Cursor {
  const watermarkMs = start.watermark ? Date.parse(start.watermark) : Number.NaN;
  const earliestMs = start.nowMs - OZON_FULL_DAYS * DAY_MS;
  const recheckDays = start.kind === "incremental" ? OZON_RECHECK_DAYS : OZON_FULL_RECHECK_DAYS;
  const sinceMs = Number.isNaN(watermarkMs)
    ? earliestMs
    : Math.max(
        start.kind === "incremental" ? Number.NEGATIVE_INFINITY : earliestMs,
        watermarkMs - recheckDays * DAY_MS,
      );
  const toMs = Math.min(start.nowMs + DAY_MS, sinceMs + 364 * DAY_MS);
  return {
    since: new Date(sinceMs).toISOString(),
    to: new Date(toMs).toISOString(),
    windows: periodWindows(sinceMs, toMs, POSTINGS_WINDOWS),
  };
}

/**
 * `count` consecutive windows covering [sinceMs, toMs], on whole seconds. Neighbours share their boundary second
 * (both ends of Ozon's filter are inclusive): a posting there comes twice and the loader keeps it once, where a
 * gap would lose it if the vendor cut the times to seconds.
 */
function periodWindows(sinceMs: number, toMs: number, count: number): Cursor[] {
  const step = Math.floor((toMs - sinceMs) / count / 1000) * 1000;
  if (step <= 0)
    return [{ since: new Date(sinceMs).toISOString(), to: new Date(toMs).toISOString(), cursor: "" }];
  return Array.from({ length: count }, (_, i) => ({
    since: new Date(i === 0 ? sinceMs : sinceMs + i * step).toISOString(),
    to: new Date(i === count - 1 ? toMs : sinceMs + (i + 1) * step).toISOString(),
    cursor: "",
  }));
}

const envelope = z.object({
  cursor: z.string().nullish(),
  has_next: z.boolean().nullish(),
  // Present (null is read as empty): a moved wrapper is a malformed response, not the end of the feed.
  postings: z.array(z.unknown()).nullable(),
});

export interface PostingList {
  id: string;
  path: string;
  /** The posting field the list's period and order are on (FBO `created_at`, FBS `in_process_at`). */
  timeField: string;
  readRows(raw: unknown): RowOutcome<SalesRecord>[];
}

/**
 * The next page of every unfinished window of `cursor`, asked at once, as one page: the windows still unfinished
 * are the next cursor, and the watermark is the time up to which every window has been read (the earliest
 * unfinished window's progress), so a run that stops midway restarts before anything it skipped. A cursor of one
 * window (a message queued before windows) is read as before.
 */
export async function fetchPostingsPage(
  list: PostingList,
  context: PageContext,
  cursor: Cursor,
): Promise<Page<SalesRecord>> {
  if (!Array.isArray(cursor.windows)) return fetchWindowPage(list, context, cursor);
  const windows = cursor.windows as Cursor[];
  const pages = await Promise.all(windows.map((window) => fetchWindowPage(list, context, window)));
  const open = windows.flatMap((_, i) => {
    const next = pages[i]?.next;
    return next ? [next] : [];
  });
  let watermark: string | null = null;
  for (const page of pages) {
    const mark = page.watermark ?? null;
    if (mark !== null && (watermark === null || mark > watermark)) watermark = mark;
    if (page.next !== null) break;
  }
  return {
    rows: pages.flatMap((page) => page.rows),
    next: open.length ? { since: cursor.since, to: cursor.to, windows: open } : null,
    notes: pages.flatMap((page) => page.notes),
    watermark,
  };
}

/** One page of one window's walk. */
async function fetchWindowPage(
  list: PostingList,
  context: PageContext,
  cursor: Cursor,
): Promise<Page<SalesRecord>> {
  const since = String(cursor.since);
  const to = String(cursor.to);
  const sent = typeof cursor.cursor === "string" ? cursor.cursor : "";
  const endpoint = { id: list.id, path: list.path, envelope, expected: "cursor/postings" };
  // As the spec names them: `sort_dir` (not `dir`), `filter.statuses` (empty: every status), limit ≤ 100;
  // financial_data for the buyer's cluster (the region where analytics_data has none).
  const answer = await ozonPost(context, endpoint, {
    sort_dir: "ASC",
    filter: { since, to, statuses: [] },
    limit: POSTINGS_LIMIT,
    cursor: sent,
    with: { analytics_data: true, financial_data: true },
  });
  const postings = answer.postings ?? [];
  const rows = postings.flatMap(list.readRows);
  const stamps = postings
    .map((p) => (p && typeof p === "object" ? (p as Record<string, unknown>)[list.timeField] : null))
    .filter((s): s is string => typeof s === "string" && s < "2100");
  const newest = stamps.reduce<string | null>((max, s) => (max === null || s > max ? s : max), null);
  const notes: string[] = [];
  let next: Cursor | null = null;
  const returned = answer.cursor ?? "";
  if (answer.has_next === true && postings.length > 0) {
    if (returned !== "" && returned !== sent) next = { since, to, cursor: returned };
    else if (newest !== null && newest > since) {
      notes.push(`the cursor came back ${returned === "" ? "empty" : "unchanged"}; restarting at ${newest}`);
      next = { since: newest, to, cursor: "" };
    } else notes.push("paging stopped: the cursor cannot move and no newer posting was seen");
  }
  return { rows, next, notes, watermark: newest };
}

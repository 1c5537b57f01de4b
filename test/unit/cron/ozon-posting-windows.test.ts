// Ozon's posting lists are read in consecutive windows side by side: every posting of the period arrives once
// (a posting on a shared boundary second may come twice, never not at all), and the watermark a page carries is
// the time up to which every window has been read, not the newest posting of a later window.
import { describe, expect, it } from "vitest";
import type { Cursor } from "../../../cron/adapters/adapter";
import { ozonPostingFboListV3 } from "../../../cron/adapters/ozon/posting-fbo-list-v3";
import { POSTINGS_WINDOWS, postingsFirstCursor } from "../../../cron/adapters/ozon/posting-list-paging";
import type { SalesRecord } from "../../../cron/adapters/sales-record";
import { answeringContext } from "./stub-vendor";

const DAY_MS = 86_400_000;
const nowMs = Date.parse("2026-12-06T12:00:00Z");

/** A posting every 2 hours over the 90 days a first run reads, plus one exactly on each window boundary. */
function vendorPostings(windows: Cursor[]): { number: string; at: string }[] {
  const times = new Set<number>();
  for (let at = nowMs - 89 * DAY_MS; at < nowMs; at += 2 * 3_600_000) times.add(at);
  for (const window of windows.slice(1)) times.add(Date.parse(String(window.since)));
  return [...times]
    .sort((a, b) => a - b)
    .map((at, i) => ({ number: `P-${i}`, at: new Date(at).toISOString() }));
}

/** Ozon's answer: the filter's period (both ends inclusive), by time, 100 a page, a cursor naming the last row. */
function answer(postings: { number: string; at: string }[]) {
  return (_url: string, body: unknown) => {
    const request = body as { filter: { since: string; to: string }; cursor: string; limit: number };
    const inPeriod = postings.filter(
      (p) =>
        Date.parse(p.at) >= Date.parse(request.filter.since) &&
        Date.parse(p.at) <= Date.parse(request.filter.to),
    );
    const start = request.cursor === "" ? 0 : Number(request.cursor);
    const page = inPeriod.slice(start, start + request.limit);
    const hasNext = start + request.limit < inPeriod.length;
    return {
      cursor: hasNext ? String(start + request.limit) : "",
      has_next: hasNext,
      postings: page.map((p) => ({
        posting_number: p.number,
        status: "delivered",
        created_at: p.at,
        products: [{ sku: 7, offer_id: "A-7", name: "Item", quantity: 1, price: "100" }],
        analytics_data: { region: "Moscow", warehouse_name: "Khorugvino" },
        financial_data: { cluster_to: "Moscow" },
      })),
    };
  };
}

describe("Ozon posting lists read in windows", () => {
  it("cut the period into consecutive windows that cover it", () => {
    const first = postingsFirstCursor({ kind: "full", watermark: null, nowMs });
    const windows = first.windows as Cursor[];
    expect(windows).toHaveLength(POSTINGS_WINDOWS);
    expect(windows[0]?.since).toBe(first.since);
    expect(windows.at(-1)?.to).toBe(first.to);
    for (let i = 1; i < windows.length; i++) expect(windows[i]?.since).toBe(windows[i - 1]?.to);
  });

  it("read every posting once, with a watermark no later than the earliest unfinished window", async () => {
    const first = postingsFirstCursor({ kind: "full", watermark: null, nowMs });
    const postings = vendorPostings(first.windows as Cursor[]);
    const context = answeringContext("ozon", answer(postings));
    const seen = new Set<string>();
    let pages = 0;
    for (let cursor: Cursor | null = first; cursor; pages++) {
      const page = await ozonPostingFboListV3.fetchPage(context, cursor);
      for (const row of page.rows) if (row.ok) seen.add((row.record as SalesRecord).externalId);
      // Everything up to the watermark has been read: no posting at or before it is still missing.
      const missing = postings.filter((p) => !seen.has(`${p.number}:7`));
      if (page.watermark) expect(missing.every((p) => p.at > String(page.watermark))).toBe(true);
      expect(page.notes).toEqual([]);
      cursor = page.next;
    }
    expect(seen.size).toBe(postings.length);
    // Side by side: a quarter of the pages in a row that one walk of 100 a page needs.
    expect(pages).toBeLessThanOrEqual(Math.ceil(postings.length / 100 / POSTINGS_WINDOWS) + 1);
  });

  it("go on reading a cursor of one window (a message queued before windows)", async () => {
    const first = postingsFirstCursor({ kind: "full", watermark: null, nowMs });
    const postings = vendorPostings([]);
    const context = answeringContext("ozon", answer(postings));
    const page = await ozonPostingFboListV3.fetchPage(context, {
      since: first.since,
      to: first.to,
      cursor: "",
    });
    expect(page.rows).toHaveLength(100);
    expect(page.next).toEqual({ since: first.since, to: first.to, cursor: "100" });
  });
});

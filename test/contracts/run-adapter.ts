// Runs an adapter's pages against the simulator (or against one scripted vendor answer) and keeps every exchange,
// for the contract tests: what the adapter sent, what the vendor side answered, and what the adapter read.
import type { AnyAdapter, Cursor, KnownListings, PageContext, RowOutcome } from "../../cron/adapters/adapter";
import type { ReportAdapter } from "../../cron/adapters/report-adapters";
import { MarketplaceClient } from "../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../cron/http/request-gate";
import type { Simulator } from "../../dev/sim/server";
import { type Exchange, recordingFetch, vendorPath } from "./recorder";

const CREDENTIALS = { ozon: { clientId: "1001", apiKey: "demo-ozon-key" }, wb: { token: "demo-wb-token" } };

export interface AdapterRun {
  exchanges: Exchange[];
  rows: RowOutcome<unknown>[];
  /** Listings the pages named without stock (the WB cards). */
  listings: unknown[];
  pages: number;
  /** What ended the pages early, if anything (the exchanges up to it are kept, so a test can say why). */
  error?: unknown;
}

function context(fetchFn: typeof fetch, baseUrl: string, extra: Partial<PageContext>): PageContext {
  return {
    // Real (scaled) waits: an endpoint limited to a request a minute pages at the simulator's pace, not into its 429s.
    client: new MarketplaceClient({ gate: new MemoryRequestGate(), fetch: fetchFn }),
    credentials: CREDENTIALS,
    baseUrl,
    rateScale: 6000,
    runKind: "full",
    ...extra,
  };
}

type Feed = AnyAdapter | ReportAdapter;

async function pages(adapter: Feed, page: PageContext, nowMs: number, maxPages: number) {
  const rows: RowOutcome<unknown>[] = [];
  const listings: unknown[] = [];
  let count = 0;
  try {
    count = await pagesInto(rows, listings, adapter, page, nowMs, maxPages);
  } catch (error) {
    return { rows, listings, pages: count, error };
  }
  return { rows, listings, pages: count };
}

async function pagesInto(
  rows: RowOutcome<unknown>[],
  listings: unknown[],
  adapter: Feed,
  page: PageContext,
  nowMs: number,
  maxPages: number,
): Promise<number> {
  let cursor: Cursor | null = adapter.firstCursor({ kind: "full", watermark: null, nowMs });
  let count = 0;
  while (cursor !== null && count < maxPages) {
    const result: { rows: RowOutcome<unknown>[]; listings?: unknown[]; next: Cursor | null } =
      await adapter.fetchPage(page, cursor);
    rows.push(...result.rows);
    listings.push(...(result.listings ?? []));
    cursor = result.next;
    count++;
  }
  return count;
}

/** The adapter's pages against the simulator (at most `maxPages`), every exchange recorded. */
export async function runAgainstSimulator(
  adapter: Feed,
  sim: Simulator,
  options: { maxPages?: number; pageLimit?: number; knownListings?: KnownListings } = {},
): Promise<AdapterRun> {
  const exchanges: Exchange[] = [];
  const page = context(recordingFetch(exchanges), `${sim.url}/${adapter.marketplace}`, {
    pageLimit: options.pageLimit,
    knownListings: options.knownListings ?? { wbByChrt: new Map() },
  });
  const result = await pages(adapter, page, sim.now().getTime(), options.maxPages ?? 50);
  return { exchanges, ...result };
}

/** The adapter's pages when the vendor answers each request with `answer(method, path)` (the vendor's example). */
export async function runAgainstAnswer(
  adapter: Feed,
  answer: (method: string, path: string) => unknown,
  nowMs: number,
  knownListings: KnownListings = { wbByChrt: new Map() },
): Promise<AdapterRun> {
  const fetchFn = (async (url: string, init?: RequestInit) => {
    const { path } = vendorPath(new URL(url));
    const body = answer(init?.method ?? "GET", path);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status: body === undefined ? 204 : 200,
    });
  }) as unknown as typeof fetch;
  const page = context(fetchFn, `http://vendor.test/${adapter.marketplace}`, { knownListings });
  return { exchanges: [], ...(await pages(adapter, page, nowMs, 3)) };
}

/**
 * A read that is not a paged feed (the Ozon warehouse directory read at a run's start) against the simulator,
 * every exchange recorded.
 */
export async function readAgainstSimulator<T>(
  marketplace: "ozon" | "wb",
  sim: Simulator,
  read: (context: PageContext) => Promise<T>,
): Promise<{ exchanges: Exchange[]; result: T }> {
  const exchanges: Exchange[] = [];
  const page = context(recordingFetch(exchanges), `${sim.url}/${marketplace}`, {});
  return { exchanges, result: await read(page) };
}

/** The same read when the vendor answers each request with `answer(method, path)` (the vendor's example). */
export function readAgainstAnswer<T>(
  marketplace: "ozon" | "wb",
  answer: (method: string, path: string) => unknown,
  read: (context: PageContext) => Promise<T>,
): Promise<T> {
  const fetchFn = (async (url: string, init?: RequestInit) => {
    const { path } = vendorPath(new URL(url));
    return new Response(JSON.stringify(answer(init?.method ?? "GET", path)), { status: 200 });
  }) as unknown as typeof fetch;
  return read(context(fetchFn, `http://vendor.test/${marketplace}`, {}));
}

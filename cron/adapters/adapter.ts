// The contract of one endpoint version: how to ask for a page, the zod schema of its rows, its paging rule
// and its error mapping. Runs move through adapters one page per queue message; the cursor is plain JSON.
import type { Marketplace } from "../../db/schema/enums";
import type { ErrorMapper, MarketplaceClient } from "../http/marketplace-client";
import type { BudgetRule } from "../http/request-budget";
import type { SalesRecord } from "./sales-record";
import type { ListingIdentity, StockRecord } from "./stock-record";

export type Cursor = Record<string, unknown>;

export interface AccountCredentials {
  ozon?: { clientId: string; apiKey: string };
  wb?: { token: string };
}

export interface PageContext {
  client: MarketplaceClient;
  credentials: AccountCredentials;
  /** The account's base URL override (the simulator: ".../ozon", ".../wb"); null means the vendor's hosts. */
  baseUrl: string | null;
  /** Divides every budget window: the simulator's timeScale compresses the vendors' minutes. */
  rateScale: number;
  /** The account's cap on rows per page of offset-paged endpoints; undefined = the adapter's own maximum. */
  pageLimit?: number | undefined;
  runKind: "full" | "incremental";
  /** The account's known listings, for feeds whose rows carry no article (loaded when the adapter asks). */
  knownListings?: KnownListings | undefined;
}

/** Listings already in the database, keyed for feeds that identify a listing only by vendor ids. */
export interface KnownListings {
  /** WB listings by `${nmId}:${chrtId}`. */
  wbByChrt: ReadonlyMap<string, ListingIdentity>;
}

export const wbChrtKey = (nmId: number, chrtId: number) => `${nmId}:${chrtId}`;

/** One row the adapter could read, or could not (with its reasons). */
export type RowOutcome<R> = { ok: true; record: R } | { ok: false; raw: unknown; reasons: string[] };

export interface Page<R> {
  rows: RowOutcome<R>[];
  /** Where the next page starts; null when this was the last page. */
  next: Cursor | null;
  /** Paging oddities worth recording in the run (a cursor returned twice...). */
  notes: string[];
  /** The newest vendor change stamp on this page: where the next incremental run of this feed may start. */
  watermark?: string | null;
  /**
   * Set when the page left stock unread or unplaced (a cursor the vendor repeated, rows of unknown listings):
   * the pass then does not count as a complete listing, so stock not seen is not zeroed.
   */
  incomplete?: string | undefined;
  /** Listings the page names without stock (WB product cards): upserted with the page, before its rows. */
  listings?: ListingIdentity[];
}

/** Where a run starts a feed: a full run from the beginning, an incremental one from its watermark. */
export interface CursorStart {
  kind: "full" | "incremental";
  /**
   * The feed's watermark from earlier runs; null when never loaded, and for a stock feed in a full run (start from
   * the beginning). A sales feed gets it in a full run too: it re-reads from the watermark less its overlap.
   */
  watermark: string | null;
  nowMs: number;
}

export interface StockAdapter {
  id: string;
  marketplace: Marketplace;
  kind: "stock";
  /**
   * The stock this adapter lists (e.g. "ozon.fbo", "ozon.fbs"). Adapters of one source replace each other
   * (the first configured is used, later ones when it is switched off); different sources are each read in a run.
   */
  source: string;
  /** Known listings the adapter needs in its page context (feeds without the seller's article). */
  needsKnownListings?: boolean;
  /** Whether one pass lists all stock (so stock not seen may be zeroed at the end of a full run). */
  listsAllStock: boolean;
  /** Whether an incremental run still reads the whole listing (offset feeds) rather than only changes. */
  incrementalListsAll: boolean;
  /** The most rows one page holds, when the adapter knows: the pass fetches more small pages ahead. */
  pageRows?: number;
  firstCursor(start?: CursorStart): Cursor;
  fetchPage(context: PageContext, cursor: Cursor): Promise<Page<StockRecord>>;
}

export interface SalesAdapter {
  id: string;
  marketplace: Marketplace;
  kind: "sales";
  firstCursor(start: CursorStart): Cursor;
  fetchPage(context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>>;
}

export type AnyAdapter = StockAdapter | SalesAdapter;

/**
 * Budget rules scaled for the simulator's compressed clock (the margin for a call's arrival jitter is the
 * budget's own: cron/http/request-budget.ts).
 */
export function scaledBudget(rule: BudgetRule, rateScale: number): BudgetRule {
  return { requests: rule.requests, perMs: Math.max(1, Math.ceil(rule.perMs / Math.max(1, rateScale))) };
}

export type { ErrorMapper };

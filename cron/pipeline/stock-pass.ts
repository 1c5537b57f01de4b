// The stock pass of an in-process run: each stock source of the account (Ozon FBO, Ozon FBS, WB...) through
// its adapter page by page (its replacement when it is switched off), each page validated and loaded with its
// API counts and watermark in one round trip (shared with the pages that arrived with it, while they are
// small). The account's listings and aliases are read once for the pass (a CatalogCache), so pages write and
// look up only the ones they bring new. Which sources read their whole listing decides what may be zeroed at
// the end of the run: all of the account's stock, only the stock those sources wrote, or nothing.
import type { Cursor, Page, StockAdapter } from "../adapters/adapter";
import { stockAdapter, stockSources } from "../adapters/stock-adapters";
import type { StockRecord } from "../adapters/stock-record";
import { MarketplaceError } from "../http/marketplace-error";
import { type CatalogCache, loadCatalogCache } from "../load/catalog-cache";
import { loadStockPages, type StockPageLoad } from "../load/load-stock-page";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import { anomalyRule } from "../load/stock-page-statements";
import { readWatermark, watermarkStatement } from "../load/watermark";
import { type ValidatedPage, validateStockPage } from "../validate/validate-stock";
import { loadKnownListings } from "./known-listings";
import { callsSince, newPassContext, pageScope, type SyncInput } from "./page-context";
import { prefetchPages } from "./page-stream";

/** Rows fetched ahead of the loads: enough to keep the database busy, few enough to bound memory. Pages that
 * arrived together also share a round trip until the load holds this many rows. */
const ROWS_AHEAD = 6_000;
/** Pages fetched ahead when the adapter does not say how many rows its pages hold. */
const DEFAULT_PREFETCH_DEPTH = 3;
const MAX_PREFETCH_DEPTH = 6;

/** How many pages of an adapter to fetch ahead: ROWS_AHEAD worth of its pages, at least one. */
function prefetchDepth(adapter: StockAdapter): number {
  if (adapter.pageRows === undefined) return DEFAULT_PREFETCH_DEPTH;
  return Math.max(1, Math.min(MAX_PREFETCH_DEPTH, Math.floor(ROWS_AHEAD / adapter.pageRows)));
}

export interface PassResult {
  pages: number;
  /** The problem that stopped the pass, or null. */
  blocking: string | null;
  /** True when at least one source read its whole stock listing: stock not seen may be zeroed. */
  complete: boolean;
  /**
   * When only some sources were complete: the adapters whose stock may be zeroed (cells they wrote last);
   * null when every source was complete (all of the account's stock not seen may be zeroed).
   */
  zeroEndpoints?: string[] | null;
}

interface SourceResult {
  pages: number;
  blocking: string | null;
  complete: boolean;
}

type Fetched =
  | { fetched: Page<StockRecord>; validated: ValidatedPage; calls: ReturnType<typeof callsSince> }
  | { error: MarketplaceError };

export async function runStockPass(input: SyncInput): Promise<PassResult> {
  const sources = stockSources(input.marketplace, input.adapters);
  // Read while the first page is fetched, before any page writes (so it is never older than what this pass
  // wrote); the first load waits for it.
  const cache = loadCatalogCache(input.run, input);
  cache.catch(() => undefined); // a failed read surfaces at the first load
  let pages = 0;
  const blocking: string[] = [];
  const complete: string[][] = [];
  for (const group of sources) {
    const result = await runSource(input, group, cache);
    pages += result.pages;
    if (result.blocking) blocking.push(result.blocking);
    if (result.complete) complete.push(group);
  }
  return {
    pages,
    blocking: blocking.length > 0 ? blocking.join("; ") : null,
    complete: complete.length > 0,
    zeroEndpoints: complete.length === sources.length ? null : complete.flat(),
  };
}

/** One source: its first adapter, or the next one of its group when an adapter is switched off or fails. */
async function runSource(
  input: SyncInput,
  group: readonly string[],
  cache: Promise<CatalogCache>,
): Promise<SourceResult> {
  let blocking: string | null = null;
  let pages = 0;
  for (const id of group) {
    const adapter = stockAdapter(id);
    const { client, context } = newPassContext(input);
    if (adapter.needsKnownListings)
      context.knownListings = await loadKnownListings(input.run, input.accountId);
    let incomplete = false;
    const watermark = await readWatermark(input.run, input.accountId, id, input.kind);
    const cursor: Cursor | null = adapter.firstCursor({
      kind: input.kind,
      watermark,
      nowMs: input.nowMs ?? Date.now(),
    });
    blocking = null;
    // Pages are fetched and validated ahead of the loads (see prefetchDepth): vendor calls and CPU overlap
    // the database round trips. Pages still load one after the other, in order.
    const fetchPage = async (at: Cursor): Promise<Fetched> => {
      const before = { ...client.stats };
      try {
        const fetched = await adapter.fetchPage(context, at);
        const calls = callsSince(client, before);
        return {
          fetched,
          validated: validateStockPage(input.marketplace, fetched.rows),
          calls,
        };
      } catch (error) {
        if (!(error instanceof MarketplaceError)) throw error;
        return { error };
      }
    };
    const depth = prefetchDepth(adapter);
    const stream = prefetchPages(
      cursor,
      fetchPage,
      (page) => ("error" in page ? null : page.fetched.next),
      depth,
    );
    let page = 0;
    for (let pending = stream.take(); pending; pending = stream.take()) {
      // Pages that have already arrived go along in the same round trip, while the load is small (a big page
      // goes alone: memory stays bounded, and so does the transaction).
      let last = await pending;
      const arrived = [last];
      let rows = "error" in last ? 0 : last.fetched.rows.length;
      while (arrived.length < depth && rows < ROWS_AHEAD && !("error" in last)) {
        const next = stream.takeArrived();
        if (!next) break;
        arrived.push(next);
        last = next;
        if (!("error" in next)) rows += next.fetched.rows.length;
      }
      const loads: StockPageLoad[] = [];
      const done: { page: number; rows: number }[] = [];
      for (const current of arrived) {
        if ("error" in current) break;
        const { fetched, validated, calls } = current;
        const scope = pageScope(input, id, page);
        const alongside = [recordApiCalls(input.runId, calls)];
        for (const note of fetched.notes)
          alongside.push(recordRunIssue(input.runId, { code: "PAGING", message: note, endpoint: id }));
        if (fetched.incomplete) incomplete = true;
        if (fetched.watermark) alongside.push(watermarkStatement(scope, fetched.watermark));
        const counts = { extracted: fetched.rows.length, pseudoRows: validated.pseudoRows };
        loads.push({ scope, page: validated, counts, alongside });
        done.push({ page: page++, rows: fetched.rows.length });
      }
      if (loads.length > 0) {
        try {
          await loadStockPages(input.run, loads, {
            anomaly: anomalyRule(input.jumpFactor),
            cache: await cache,
          });
        } catch (error) {
          stream.stop();
          throw error;
        }
        pages += loads.length;
        for (const loaded of done) input.onPage?.({ endpoint: id, ...loaded });
      }
      const failed = arrived.find((current) => "error" in current);
      if (failed && "error" in failed) {
        stream.stop();
        blocking = failed.error.message;
        await input.run([
          recordRunIssue(input.runId, {
            code: failed.error.code,
            message: failed.error.message,
            endpoint: id,
          }),
        ]);
        break;
      }
    }
    if (!blocking) {
      const complete =
        !incomplete && adapter.listsAllStock && (input.kind === "full" || adapter.incrementalListsAll);
      return { pages, blocking, complete };
    }
  }
  return { pages, blocking, complete: false };
}

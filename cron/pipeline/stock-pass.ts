// The stock pass of an in-process run: the account's stock adapter page by page (its replacement when it is
// switched off), each page validated and loaded in one round trip with its API counts and watermark.
import type { Cursor, Page } from "../adapters/adapter";
import { stockAdapter, stockAdapterChain } from "../adapters/stock-adapters";
import type { StockRecord } from "../adapters/stock-record";
import { MarketplaceError } from "../http/marketplace-error";
import { loadStockPage } from "../load/load-stock-page";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import { readWatermark, watermarkStatement } from "../load/watermark";
import { type ValidatedPage, validateStockPage } from "../validate/validate-stock";
import { callsSince, newPassContext, pageScope, type SyncInput } from "./page-context";

export interface PassResult {
  pages: number;
  /** The problem that stopped the pass, or null. */
  blocking: string | null;
  /** True when the pass read the whole stock listing: stock not seen may be zeroed. */
  complete: boolean;
}

type Fetched =
  | { fetched: Page<StockRecord>; validated: ValidatedPage; calls: ReturnType<typeof callsSince> }
  | { error: MarketplaceError };

export async function runStockPass(input: SyncInput): Promise<PassResult> {
  let blocking: string | null = null;
  let pages = 0;
  for (const id of stockAdapterChain(input.marketplace, input.adapters)) {
    const adapter = stockAdapter(id);
    const { client, context } = newPassContext(input);
    const watermark = await readWatermark(input.run, input.accountId, id);
    const cursor: Cursor | null = adapter.firstCursor({
      kind: input.kind,
      watermark,
      nowMs: input.nowMs ?? Date.now(),
    });
    blocking = null;
    // The next page is fetched and validated while this one loads: vendor calls and CPU overlap the database
    // round trip. Pages still load one after the other, in order (each load waits for the previous one).
    const fetchNext = async (at: Cursor): Promise<Fetched> => {
      const before = { ...client.stats };
      try {
        const fetched = await adapter.fetchPage(context, at);
        const calls = callsSince(client, before);
        return { fetched, validated: validateStockPage(input.marketplace, fetched.rows), calls };
      } catch (error) {
        if (!(error instanceof MarketplaceError)) throw error;
        return { error };
      }
    };
    let pending: Promise<Fetched> | null = cursor ? fetchNext(cursor) : null;
    for (let page = 0; pending; page++) {
      const current = await pending;
      if ("error" in current) {
        blocking = current.error.message;
        await input.run([
          recordRunIssue(input.runId, {
            code: current.error.code,
            message: current.error.message,
            endpoint: id,
          }),
        ]);
        break;
      }
      const { fetched, validated, calls } = current;
      pending = fetched.next ? fetchNext(fetched.next) : null;
      const scope = pageScope(input, id, page);
      const alongside = [recordApiCalls(input.runId, calls)];
      if (fetched.watermark) alongside.push(watermarkStatement(scope, fetched.watermark));
      try {
        await loadStockPage(
          input.run,
          scope,
          validated,
          { extracted: fetched.rows.length, pseudoRows: validated.pseudoRows },
          undefined,
          alongside,
        );
      } catch (error) {
        pending?.catch(() => undefined);
        throw error;
      }
      pages++;
      input.onPage?.({ endpoint: id, page, rows: fetched.rows.length });
    }
    if (!blocking) {
      const complete = adapter.listsAllStock && (input.kind === "full" || adapter.incrementalListsAll);
      return { pages, blocking, complete };
    }
  }
  return { pages, blocking, complete: false };
}

// The stock pass of an in-process run: the account's stock adapter page by page (its replacement when it is
// switched off), each page validated and loaded in one round trip with its API counts and watermark.
import type { Cursor } from "../adapters/adapter";
import { stockAdapter, stockAdapterChain } from "../adapters/stock-adapters";
import { MarketplaceError } from "../http/marketplace-error";
import { loadStockPage } from "../load/load-stock-page";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import { readWatermark, watermarkStatement } from "../load/watermark";
import { validateStockPage } from "../validate/validate-stock";
import { callsSince, newPassContext, pageScope, type SyncInput } from "./page-context";

export interface PassResult {
  pages: number;
  /** The problem that stopped the pass, or null. */
  blocking: string | null;
  /** True when the pass read the whole stock listing: stock not seen may be zeroed. */
  complete: boolean;
}

export async function runStockPass(input: SyncInput): Promise<PassResult> {
  let blocking: string | null = null;
  let pages = 0;
  for (const id of stockAdapterChain(input.marketplace, input.adapters)) {
    const adapter = stockAdapter(id);
    const { client, context } = newPassContext(input);
    const watermark = await readWatermark(input.run, input.accountId, id);
    let cursor: Cursor | null = adapter.firstCursor({
      kind: input.kind,
      watermark,
      nowMs: input.nowMs ?? Date.now(),
    });
    blocking = null;
    for (let page = 0; cursor; page++) {
      const before = { ...client.stats };
      let fetched: Awaited<ReturnType<typeof adapter.fetchPage>>;
      try {
        fetched = await adapter.fetchPage(context, cursor);
      } catch (error) {
        if (!(error instanceof MarketplaceError)) throw error;
        blocking = error.message;
        await input.run([
          recordRunIssue(input.runId, { code: error.code, message: error.message, endpoint: id }),
        ]);
        break;
      }
      const validated = validateStockPage(input.marketplace, fetched.rows);
      const scope = pageScope(input, id, page);
      const alongside = [recordApiCalls(input.runId, callsSince(client, before))];
      if (fetched.watermark) alongside.push(watermarkStatement(scope, fetched.watermark));
      await loadStockPage(
        input.run,
        scope,
        validated,
        { extracted: fetched.rows.length, pseudoRows: validated.pseudoRows },
        undefined,
        alongside,
      );
      pages++;
      input.onPage?.({ endpoint: id, page, rows: fetched.rows.length });
      cursor = fetched.next;
    }
    if (!blocking) {
      const complete = adapter.listsAllStock && (input.kind === "full" || adapter.incrementalListsAll);
      return { pages, blocking, complete };
    }
  }
  return { pages, blocking, complete: false };
}

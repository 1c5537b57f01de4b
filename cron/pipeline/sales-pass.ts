// One sales feed of an in-process run: from its start (the watermark for an incremental run) page by page,
// each page validated and loaded in one round trip with its API counts; a vendor error ends the feed and is
// recorded on the run.
import type { Cursor } from "../adapters/adapter";
import { salesAdapter } from "../adapters/sales-adapters";
import { MarketplaceError } from "../http/marketplace-error";
import { loadSalesPage } from "../load/load-sales-page";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import { readWatermark } from "../load/watermark";
import { validateSalesPage } from "../validate/validate-sales";
import { callsSince, newPassContext, pageScope, type SyncInput } from "./page-context";
import type { PassResult } from "./stock-pass";

export async function runSalesPass(input: SyncInput, id: string): Promise<PassResult> {
  const adapter = salesAdapter(id);
  const { client, context } = newPassContext(input);
  const watermark = await readWatermark(input.run, input.accountId, id, input.kind);
  let cursor: Cursor | null = adapter.firstCursor({
    kind: input.kind,
    watermark,
    nowMs: input.nowMs ?? Date.now(),
  });
  let pages = 0;
  for (let page = 0; cursor; page++) {
    const before = { ...client.stats };
    let fetched: Awaited<ReturnType<typeof adapter.fetchPage>>;
    try {
      fetched = await adapter.fetchPage(context, cursor);
    } catch (error) {
      if (!(error instanceof MarketplaceError)) throw error;
      await input.run([
        recordRunIssue(input.runId, { code: error.code, message: error.message, endpoint: id }),
      ]);
      return { pages, blocking: error.message, complete: false };
    }
    const validated = validateSalesPage(input.marketplace, fetched.rows);
    const notes = fetched.notes.map((note) =>
      recordRunIssue(input.runId, { code: "PAGING", message: note, endpoint: id }),
    );
    await loadSalesPage(
      input.run,
      pageScope(input, id, page),
      validated,
      fetched.rows.length,
      fetched.watermark ?? null,
      [recordApiCalls(input.runId, callsSince(client, before)), ...notes],
    );
    pages++;
    input.onPage?.({ endpoint: id, page, rows: fetched.rows.length });
    cursor = fetched.next;
  }
  return { pages, blocking: null, complete: true };
}

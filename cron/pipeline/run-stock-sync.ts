// Runs one account's stock sync in-process, page after page, through the same adapters, validation, loader
// and finalization the queue steps use. For the CLI's local mode, the benchmark and Node-side tests; the
// Worker moves the same steps through the queue instead (worker/sync/).
import type { Marketplace } from "../../db/schema/enums";
import type { AccountCredentials, Cursor } from "../adapters/adapter";
import { stockAdapter, stockAdapterChain } from "../adapters/stock-adapters";
import { MarketplaceClient } from "../http/marketplace-client";
import { MarketplaceError } from "../http/marketplace-error";
import type { RequestGate } from "../http/request-gate";
import { finalizeRun } from "../load/finalize-run";
import { loadStockPage } from "../load/load-stock-page";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import type { StatementRunner } from "../load/statement-runner";
import { validateStockPage } from "../validate/validate-stock";

export interface StockSyncInput {
  run: StatementRunner;
  gate: RequestGate;
  orgId: string;
  accountId: string;
  runId: string;
  marketplace: Marketplace;
  kind: "full" | "incremental";
  credentials: AccountCredentials;
  baseUrl: string | null;
  adapters?: string[];
  rateScale?: number;
  fetch?: typeof fetch;
  onPage?: (progress: { endpoint: string; page: number; rows: number }) => void;
}

export async function runStockSync(input: StockSyncInput): Promise<"succeeded" | "partial" | "failed"> {
  const chain = stockAdapterChain(input.marketplace, input.adapters);
  let blocking: string | null = null;
  let pages = 0;
  for (const id of chain) {
    const adapter = stockAdapter(id);
    const client = new MarketplaceClient({
      gate: input.gate,
      ...(input.fetch ? { fetch: input.fetch } : {}),
      maxInlineWaitMs: 120_000,
    });
    const context = {
      client,
      credentials: input.credentials,
      baseUrl: input.baseUrl,
      rateScale: input.rateScale ?? 1,
      runKind: input.kind,
    };
    let cursor: Cursor | null = adapter.firstCursor();
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
      const stats = {
        requests: client.stats.requests - before.requests,
        failed: client.stats.failed - before.failed,
        ms: client.stats.ms - before.ms,
      };
      const scope = {
        orgId: input.orgId,
        accountId: input.accountId,
        marketplace: input.marketplace,
        runId: input.runId,
        pageKey: `${id}#${page}`,
        endpoint: id,
      };
      await loadStockPage(
        input.run,
        scope,
        validated,
        { extracted: fetched.rows.length, pseudoRows: validated.pseudoRows },
        undefined,
        [recordApiCalls(input.runId, stats)],
      );
      pages++;
      input.onPage?.({ endpoint: id, page, rows: fetched.rows.length });
      cursor = fetched.next;
    }
    if (!blocking) break;
  }
  const status = blocking === null ? "succeeded" : pages > 0 ? "partial" : "failed";
  await finalizeRun(input.run, {
    orgId: input.orgId,
    accountId: input.accountId,
    runId: input.runId,
    zeroUnseen: input.kind === "full" && status === "succeeded",
    status,
    error: blocking,
  });
  return status;
}

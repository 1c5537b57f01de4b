// Runs one account's sync in-process, page after page: the stock pass, then each sales feed, then the run's
// finalization, through the same adapters, validation and loaders the queue steps use. For the CLI's local
// mode, the benchmark and Node-side tests; the Worker moves the same steps through the queue (worker/sync/).
import { salesAdapterList } from "../adapters/sales-adapters";
import { finalizeRun } from "../load/finalize-run";
import type { SyncInput } from "./page-context";
import { runSalesPass } from "./sales-pass";
import { runStockPass } from "./stock-pass";

export type { SyncInput as StockSyncInput } from "./page-context";

export async function runSync(input: SyncInput): Promise<"succeeded" | "partial" | "failed"> {
  const stock = await runStockPass(input);
  let problems = stock.blocking ? 1 : 0;
  let pages = stock.pages;
  for (const id of salesAdapterList(input.marketplace, input.sales)) {
    const sales = await runSalesPass(input, id);
    pages += sales.pages;
    if (sales.blocking) problems++;
  }
  const status = problems === 0 ? "succeeded" : pages > 0 ? "partial" : "failed";
  await finalizeRun(input.run, {
    orgId: input.orgId,
    accountId: input.accountId,
    runId: input.runId,
    zeroUnseen: stock.complete,
    zeroEndpoints: stock.zeroEndpoints,
    status,
    error: stock.blocking,
  });
  return status;
}

/** Stock only (no sales feeds): the stock tests and the benchmark. */
export function runStockSync(input: SyncInput): Promise<"succeeded" | "partial" | "failed"> {
  return runSync({ ...input, sales: input.sales ?? [] });
}

// What follows a finished feed in a queued run: after a stock adapter the next stock source's first adapter,
// after the last source the account's sales feeds one by one, then (full runs) the vendor reports, after the
// last the finalize step. The
// first page of a feed starts at its watermark when incremental, a sales feed's also in a full run (less an overlap). The stock progress rides along to finalize.
import type { Cursor } from "../adapters/adapter";
import { REPORT_ADAPTERS, reportAdapter, reportAdapterList } from "../adapters/report-adapters";
import { SALES_ADAPTERS, salesAdapter, salesAdapterList } from "../adapters/sales-adapters";
import { sourceGroupOf, stockAdapter, stockSources } from "../adapters/stock-adapters";
import type { StatementRunner } from "../load/statement-runner";
import { readWatermark } from "../load/watermark";
import type { IngestMessage, PageMessage } from "../messages";
import type { RunContext } from "./run-context";
import type { StockProgress } from "./stock-progress";

type Kind = "full" | "incremental";

/** The first page message of a feed, its cursor placed by the feed's watermark. */
export async function firstPageOf(
  runner: StatementRunner,
  run: RunContext,
  kind: Kind,
  endpoint: string,
  progress: StockProgress,
  nowMs: number,
): Promise<PageMessage> {
  const adapter = REPORT_ADAPTERS[endpoint]
    ? reportAdapter(endpoint)
    : SALES_ADAPTERS[endpoint]
      ? salesAdapter(endpoint)
      : stockAdapter(endpoint);
  // A full run's sales feeds start at their watermark less an overlap (sales are never zeroed, so the history
  // before it need not be read again); its stock feeds read the whole listing.
  const sales = Boolean(SALES_ADAPTERS[endpoint]);
  const watermark = await readWatermark(runner, run.accountId, endpoint, kind, sales);
  const cursor: Cursor = adapter.firstCursor({ kind, watermark, nowMs });
  return {
    type: "page",
    runId: run.runId,
    accountId: run.accountId,
    kind,
    endpoint,
    cursor,
    page: 0,
    deferrals: 0,
    listingIncomplete: false,
    joinKeys: [],
    walk: 0,
    ...progress,
  };
}

/** The first adapter of the account's first stock source: where a run starts. */
export function firstStockAdapter(run: RunContext): string {
  const first = stockSources(run.marketplace, run.endpoints.stock)[0]?.[0];
  if (!first) throw new Error(`Account ${run.accountId} has no stock adapter`);
  return first;
}

/** The adapter of the same source that replaces a switched-off `endpoint`, if one is configured. */
export function replacementOf(run: RunContext, endpoint: string): string | undefined {
  const group = sourceGroupOf(run.marketplace, run.endpoints.stock, endpoint);
  return group[group.indexOf(endpoint) + 1];
}

/**
 * The message after `endpoint` is done (or given up): for a stock adapter the next source's first adapter, else
 * the first sales feed; for a sales feed the next one; after the last, the finalize step.
 */
export async function nextPhase(
  runner: StatementRunner,
  run: RunContext,
  kind: Kind,
  endpoint: string,
  progress: StockProgress,
  nowMs: number,
): Promise<IngestMessage> {
  const sales = salesAdapterList(run.marketplace, run.endpoints.sales);
  const reports = reportAdapterList(run.marketplace, run.endpoints.reports, kind);
  let following: string | undefined;
  if (REPORT_ADAPTERS[endpoint]) following = reports[reports.indexOf(endpoint) + 1];
  else if (SALES_ADAPTERS[endpoint]) following = sales[sales.indexOf(endpoint) + 1] ?? reports[0];
  else {
    const sources = stockSources(run.marketplace, run.endpoints.stock);
    const at = sources.findIndex((group) => group.includes(endpoint));
    // An adapter no longer configured (the account changed mid-run) ends the stock pass.
    following = (at >= 0 ? sources[at + 1]?.[0] : undefined) ?? sales[0] ?? reports[0];
  }
  if (following) return firstPageOf(runner, run, kind, following, progress, nowMs);
  return { type: "finalize", runId: run.runId, accountId: run.accountId, kind, ...progress };
}

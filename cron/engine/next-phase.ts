// What follows a finished feed in a queued run: after a stock adapter the next stock source's first adapter;
// after the last source the account's sales feeds, side by side, each its own chain (the vendor reports of a
// full run started with the run); after the run's last open feed the finalize step (run-feeds.ts). The first
// page of a feed starts at its watermark when incremental, a sales feed's also in a full run (less an overlap).
// The stock progress rides along the stock feed's pages and is stored with its end for finalize.
import type { Cursor } from "../adapters/adapter";
import { REPORT_ADAPTERS, reportAdapter } from "../adapters/report-adapters";
import { SALES_ADAPTERS, salesAdapter, salesAdapterList } from "../adapters/sales-adapters";
import { sourceGroupOf, stockAdapter, stockSources } from "../adapters/stock-adapters";
import type { StatementRunner } from "../load/statement-runner";
import { readWatermark } from "../load/watermark";
import type { IngestMessage, PageMessage } from "../messages";
import type { RunContext } from "./run-context";
import { feedOf, finishFeed, STOCK_FEED } from "./run-feeds";
import { NO_STOCK_PROGRESS, type StockProgress } from "./stock-progress";

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
 * What follows `endpoint` once it is done (or given up) at the page `pageKey`: for a stock adapter the next
 * source's first page; after the last stock source, or a sales feed or a report, its feed is finished in the join
 * (run-feeds.ts). The stock feed's end fans out to the first page of every sales feed; the end of the run's last
 * open feed adds the finalize step. Nothing follows a feed another delivery already finished.
 */
export async function afterFeed(
  runner: StatementRunner,
  run: RunContext,
  kind: Kind,
  endpoint: string,
  pageKey: string,
  progress: StockProgress,
  nowMs: number,
): Promise<IngestMessage[]> {
  const feed = feedOf(endpoint);
  if (feed === STOCK_FEED) {
    const sources = stockSources(run.marketplace, run.endpoints.stock);
    const at = sources.findIndex((group) => group.includes(endpoint));
    // An adapter no longer configured (the account changed mid-run) ends the stock feed.
    const following = at >= 0 ? sources[at + 1]?.[0] : undefined;
    if (following) return [await firstPageOf(runner, run, kind, following, progress, nowMs)];
  }
  const stock = feed === STOCK_FEED;
  const join = await finishFeed(runner, run, kind, feed, pageKey, stock ? progress : null);
  if (!join.mine) return [];
  const sales = stock ? salesAdapterList(run.marketplace, run.endpoints.sales) : [];
  const messages: IngestMessage[] = [];
  for (const adapter of sales)
    messages.push(await firstPageOf(runner, run, kind, adapter, NO_STOCK_PROGRESS, nowMs));
  if (join.finalize)
    messages.push({
      type: "finalize",
      runId: run.runId,
      accountId: run.accountId,
      kind,
      ...(stock ? progress : NO_STOCK_PROGRESS),
    });
  return messages;
}

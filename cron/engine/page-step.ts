// One page of a run: load it (page-load.ts), then hand it on once (hand-on.ts) to the next page, the next
// stock source, the sales feeds (the stock feed's end fans out to them) or the finalize step (the end of the
// run's last open feed: run-feeds.ts), carrying which stock sources were read whole. A vendor
// that asks us to wait longer than a consumer should sleep gets the page back on the queue with a delay; an
// endpoint switched off is recorded and, when configured, replaced (vendor-error.ts). Pages that do not join
// the one before (page-join.ts) send the feed back to its start. When the delivery's budget allows, the
// successor is not queued but returned, for the same delivery to run next (step-chain.ts).

import { firstOffset } from "../adapters/offset-paging";
import { STOCK_ADAPTERS } from "../adapters/stock-adapters";
import { MarketplaceClient } from "../http/marketplace-client";
import { MarketplaceError } from "../http/marketplace-error";
import { NEON_MAX_REQUEST_BYTES, RequestTooLargeError } from "../load/request-size";
import { recordApiCalls } from "../load/run-log";
import type { IngestMessage, PageMessage } from "../messages";
import { abandonRun } from "./abandon-run";
import { markHandedOn, pageProgress } from "./hand-on";
import { afterFeed } from "./next-phase";
import { DEFAULT_GROUP } from "./page-group";
import { fetchAndLoadPage, type LoadedPage } from "./page-load";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";
import { listsWholeSource, progressOf, withCompleteSource } from "./stock-progress";
import { handleVendorError } from "./vendor-error";

/**
 * Runs one page; returns the successor when `chain` lets this delivery run it next (stored on the page row so a
 * redelivery resumes there), null when the successor went to the queue or the run ended.
 */
export async function pageStep(
  ports: EnginePorts,
  run: RunContext,
  message: PageMessage,
  chain: boolean,
): Promise<IngestMessage | null> {
  const pageKey = `${message.endpoint}#${message.page}`;
  // A redelivery of a page already handed on: nothing to load; a successor this page's delivery ran itself
  // (and may not have finished) is resumed, one on the queue is left to it.
  const before = await pageProgress(ports.run, run.runId, pageKey);
  if (before.state === "handed-on") return before.successor;
  const client = new MarketplaceClient({
    gate: ports.gate,
    ...(ports.fetch ? { fetch: ports.fetch } : {}),
    ...(ports.maxInlineWaitMs !== undefined ? { maxInlineWaitMs: ports.maxInlineWaitMs } : {}),
  });
  const runner = ports.run;
  const scope = {
    orgId: run.orgId,
    accountId: run.accountId,
    marketplace: run.marketplace,
    runId: run.runId,
    pageKey,
    endpoint: message.endpoint,
  };
  let loaded: LoadedPage;
  try {
    loaded = await fetchAndLoadPage(
      run,
      runner,
      client,
      message,
      scope,
      ports.maxRequestBytes ?? NEON_MAX_REQUEST_BYTES,
      ports.pageGroup ?? DEFAULT_GROUP,
    );
  } catch (error) {
    // No retry can make it fit: the run fails now, with the reason, instead of after every retry.
    if (error instanceof RequestTooLargeError) {
      await abandonRun(
        ports,
        message,
        `Page ${message.page} of ${message.endpoint} can never load: ${error.message}`,
      );
      return null;
    }
    if (!(error instanceof MarketplaceError)) throw error;
    await runner([recordApiCalls(run.runId, client.stats)]);
    await handleVendorError(ports, run, message, error);
    return null;
  }
  // Loaded before by another delivery: it may have handed the page on while this one fetched.
  if (!loaded.claimed) {
    const now = await pageProgress(runner, run.runId, pageKey);
    if (now.state === "handed-on") return now.successor;
  }
  if (loaded.claimed) ports.onPage?.({ endpoint: message.endpoint, page: message.page, rows: loaded.rows });
  const successors = await successorsOf(ports, run, message, pageKey, loaded);
  const [only] = successors;
  // One successor goes on in this delivery; feeds that fan out go to the queue, each its own chain.
  if (chain && only && successors.length === 1) {
    await markHandedOn(runner, run.runId, pageKey, only);
    return only;
  }
  for (const successor of successors) await ports.send(successor);
  await markHandedOn(runner, run.runId, pageKey);
  return null;
}

/**
 * The next page of the feed, else what follows the feed (a complete stock source joins the progress): the next
 * stock source, the sales feeds, finalize, or nothing while other feeds of the run are still open.
 */
async function successorsOf(
  ports: EnginePorts,
  run: RunContext,
  message: PageMessage,
  pageKey: string,
  loaded: LoadedPage,
): Promise<IngestMessage[]> {
  // A page another delivery loaded may have been read differently this time (its rows are the other fetch's):
  // what it stored cannot be told complete, so its source is not zeroed in this run.
  const listingIncomplete = message.listingIncomplete || loaded.incomplete || !loaded.claimed;
  // Pages that did not join: the feed is read again from its start (its pages numbered on), the new walk
  // judged on its own; what the first walk loaded stays (its cells count as seen).
  // The same window again (an incremental feed's dates are kept: its watermark may have moved meanwhile).
  if (loaded.paging.rewalk)
    return [
      {
        ...message,
        cursor: firstOffset(message.cursor),
        page: message.page + 1,
        deferrals: 0,
        listingIncomplete: false,
        joinKeys: [],
        cursors: [],
        walk: message.walk + 1,
      },
    ];
  if (loaded.next)
    return [
      {
        ...message,
        cursor: loaded.next,
        page: message.page + 1,
        deferrals: 0,
        listingIncomplete,
        joinKeys: loaded.paging.joinKeys,
        cursors: loaded.cursors,
      },
    ];
  let progress = progressOf(message);
  if (STOCK_ADAPTERS[message.endpoint] && listsWholeSource(message.endpoint, message.kind, listingIncomplete))
    progress = withCompleteSource(run, progress, message.endpoint);
  return afterFeed(ports.run, run, message.kind, message.endpoint, pageKey, progress, ports.nowMs());
}

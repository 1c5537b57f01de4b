// One page of a run: load it (page-load.ts), then hand it on once (hand-on.ts) to the next page, the next
// stock source, the next feed or the finalize step, carrying which stock sources were read whole. A vendor
// that asks us to wait longer than a consumer should sleep gets the page back on the queue with a delay; an
// endpoint switched off is recorded and, when configured, replaced (vendor-error.ts). Pages that do not join
// the one before (page-join.ts) send the feed back to its start.

import { firstOffset } from "../adapters/offset-paging";
import { SALES_ADAPTERS } from "../adapters/sales-adapters";
import { MarketplaceClient } from "../http/marketplace-client";
import { MarketplaceError } from "../http/marketplace-error";
import { NEON_MAX_REQUEST_BYTES, RequestTooLargeError } from "../load/request-size";
import { recordApiCalls } from "../load/run-log";
import type { IngestMessage, PageMessage } from "../messages";
import { abandonRun } from "./abandon-run";
import { markHandedOn, pageProgress } from "./hand-on";
import { nextPhase } from "./next-phase";
import { fetchAndLoadPage, type LoadedPage } from "./page-load";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";
import { listsWholeSource, progressOf, withCompleteSource } from "./stock-progress";
import { handleVendorError } from "./vendor-error";

export async function pageStep(ports: EnginePorts, run: RunContext, message: PageMessage): Promise<void> {
  const pageKey = `${message.endpoint}#${message.page}`;
  // A redelivery of a page whose successor is already on the queue: nothing to load, nothing to send.
  if ((await pageProgress(ports.run, run.runId, pageKey)) === "handed-on") return;
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
    );
  } catch (error) {
    // No retry can make it fit: the run fails now, with the reason, instead of after every retry.
    if (error instanceof RequestTooLargeError)
      return abandonRun(
        ports,
        message,
        `Page ${message.page} of ${message.endpoint} can never load: ${error.message}`,
      );
    if (!(error instanceof MarketplaceError)) throw error;
    await runner([recordApiCalls(run.runId, client.stats)]);
    return handleVendorError(ports, run, message, error);
  }
  // Loaded before by another delivery: it may have handed the page on while this one fetched.
  if (!loaded.claimed && (await pageProgress(runner, run.runId, pageKey)) === "handed-on") return;
  if (loaded.claimed) ports.onPage?.({ endpoint: message.endpoint, page: message.page, rows: loaded.rows });
  await ports.send(await successorOf(ports, run, message, loaded));
  await markHandedOn(runner, run.runId, pageKey);
}

/** The next page of the feed, else what follows the feed (a complete stock source joins the progress). */
async function successorOf(
  ports: EnginePorts,
  run: RunContext,
  message: PageMessage,
  loaded: LoadedPage,
): Promise<IngestMessage> {
  // A page another delivery loaded may have been read differently this time (its rows are the other fetch's):
  // what it stored cannot be told complete, so its source is not zeroed in this run.
  const listingIncomplete = message.listingIncomplete || loaded.incomplete || !loaded.claimed;
  // Pages that did not join: the feed is read again from its start (its pages numbered on), the new walk
  // judged on its own; what the first walk loaded stays (its cells count as seen).
  // The same window again (an incremental feed's dates are kept: its watermark may have moved meanwhile).
  if (loaded.paging.rewalk)
    return {
      ...message,
      cursor: firstOffset(message.cursor),
      page: message.page + 1,
      deferrals: 0,
      listingIncomplete: false,
      joinKeys: [],
      cursors: [],
      walk: message.walk + 1,
    };
  if (loaded.next)
    return {
      ...message,
      cursor: loaded.next,
      page: message.page + 1,
      deferrals: 0,
      listingIncomplete,
      joinKeys: loaded.paging.joinKeys,
      cursors: loaded.cursors,
    };
  let progress = progressOf(message);
  if (
    !SALES_ADAPTERS[message.endpoint] &&
    listsWholeSource(message.endpoint, message.kind, listingIncomplete)
  )
    progress = withCompleteSource(run, progress, message.endpoint);
  return nextPhase(ports.run, run, message.kind, message.endpoint, progress, ports.nowMs());
}

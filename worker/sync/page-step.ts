// One page of a run: load it (page-load.ts), then hand it on once (hand-on.ts) to the next page, the next
// stock source, the next feed or the finalize step, carrying which stock sources were read whole. A vendor
// that asks us to wait longer than a consumer should sleep gets the page back on the queue with a delay; an
// endpoint switched off is recorded and, when configured, replaced (vendor-error.ts).
import { SALES_ADAPTERS } from "../../cron/adapters/sales-adapters";
import { MarketplaceClient } from "../../cron/http/marketplace-client";
import { MarketplaceError } from "../../cron/http/marketplace-error";
import { recordApiCalls } from "../../cron/load/run-log";
import { batchRunner } from "../../cron/load/statement-runner";
import type { IngestMessage, PageMessage } from "../../cron/messages";
import type { Database } from "../../db/client";
import { coordinatorGate } from "./coordinator-gate";
import { markHandedOn, pageProgress } from "./hand-on";
import { nextPhase } from "./next-phase";
import { fetchAndLoadPage, type LoadedPage } from "./page-load";
import type { RunContext } from "./run-context";
import { listsWholeSource, progressOf, withCompleteSource } from "./stock-progress";
import { handleVendorError } from "./vendor-error";

export async function pageStep(env: Env, db: Database, run: RunContext, message: PageMessage): Promise<void> {
  const pageKey = `${message.endpoint}#${message.page}`;
  // A redelivery of a page whose successor is already on the queue: nothing to load, nothing to send.
  if ((await pageProgress(db, run.runId, pageKey)) === "handed-on") return;
  const client = new MarketplaceClient({ gate: coordinatorGate(env, run.accountId) });
  const runner = batchRunner(db);
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
    loaded = await fetchAndLoadPage(run, runner, client, message, scope);
  } catch (error) {
    if (!(error instanceof MarketplaceError)) throw error;
    await runner([recordApiCalls(run.runId, client.stats)]);
    return handleVendorError(env, db, run, message, error);
  }
  // Loaded before by another delivery: it may have handed the page on while this one fetched.
  if (!loaded.claimed && (await pageProgress(db, run.runId, pageKey)) === "handed-on") return;
  await env.INGEST_QUEUE.send(await successorOf(db, run, message, loaded));
  await markHandedOn(db, run.runId, pageKey);
}

/** The next page of the feed, else what follows the feed (a complete stock source joins the progress). */
async function successorOf(
  db: Database,
  run: RunContext,
  message: PageMessage,
  loaded: LoadedPage,
): Promise<IngestMessage> {
  // A page another delivery loaded may have been read differently this time (its rows are the other fetch's):
  // what it stored cannot be told complete, so its source is not zeroed in this run.
  const listingIncomplete = message.listingIncomplete || loaded.incomplete || !loaded.claimed;
  if (loaded.next)
    return { ...message, cursor: loaded.next, page: message.page + 1, deferrals: 0, listingIncomplete };
  let progress = progressOf(message);
  if (
    !SALES_ADAPTERS[message.endpoint] &&
    listsWholeSource(message.endpoint, message.kind, listingIncomplete)
  )
    progress = withCompleteSource(run, progress, message.endpoint);
  return nextPhase(db, run, message.kind, message.endpoint, progress);
}

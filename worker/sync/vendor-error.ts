// What a queued page does when its vendor call fails for good or asks for a long wait: put the page back with
// a delay (rate limits), hand a switched-off stock endpoint to its configured replacement, or record the
// problem and move on to the next feed; anything else is thrown for the queue to retry.
import { SALES_ADAPTERS } from "../../cron/adapters/sales-adapters";
import { stockAdapterChain } from "../../cron/adapters/stock-adapters";
import type { MarketplaceError } from "../../cron/http/marketplace-error";
import { recordRunIssue } from "../../cron/load/run-log";
import { batchRunner } from "../../cron/load/statement-runner";
import type { IngestMessage } from "../../cron/messages";
import type { Database } from "../../db/client";
import { firstPageOf, nextPhase } from "./next-phase";
import type { RunContext } from "./run-context";

type PageMessage = Extract<IngestMessage, { type: "page" }>;

/** A page put back more often than this is treated as failing (the queue's retries and DLQ take over). */
const MAX_DEFERRALS = 30;

export async function handleVendorError(
  env: Env,
  db: Database,
  run: RunContext,
  message: PageMessage,
  error: MarketplaceError,
): Promise<void> {
  if (error.retryable && error.retryAfterMs !== null && message.deferrals < MAX_DEFERRALS) {
    const delaySeconds = Math.min(43_200, Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    await env.INGEST_QUEUE.send({ ...message, deferrals: message.deferrals + 1 }, { delaySeconds });
    return;
  }
  if (error.retryable) throw error;
  const isSales = Boolean(SALES_ADAPTERS[message.endpoint]);
  let note = "";
  let replacement: string | undefined;
  if (error.code === "ENDPOINT_SWITCHED_OFF" && !isSales) {
    const chain = stockAdapterChain(run.marketplace, run.endpoints.stock);
    replacement = chain[chain.indexOf(message.endpoint) + 1];
    note = replacement
      ? `; continuing with ${replacement}`
      : "; no replacement is configured for this account";
  }
  await batchRunner(db)([
    recordRunIssue(run.runId, {
      code: error.code,
      message: error.message + note,
      endpoint: message.endpoint,
    }),
  ]);
  const following = replacement
    ? await firstPageOf(db, run, message.kind, replacement, false)
    : // The stock listing is incomplete after a stock failure: never zero what we did not see.
      await nextPhase(db, run, message.kind, message.endpoint, isSales ? message.stockComplete : false);
  await env.INGEST_QUEUE.send(following);
}

// What a queued page does when its vendor call fails for good or asks for a long wait: put the page back with
// a delay (rate limits), hand a switched-off stock endpoint to the next adapter of its source, or record the
// problem and end its feed (the stock feed moves on to its next source; a failed source is not complete:
// finalize keeps its cells);
// anything else is thrown for the queue to retry.
import { STOCK_ADAPTERS } from "../adapters/stock-adapters";
import type { MarketplaceError } from "../http/marketplace-error";
import { recordRunIssue } from "../load/run-log";
import type { PageMessage } from "../messages";
import { afterFeed, firstPageOf, replacementOf } from "./next-phase";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";
import { progressOf } from "./stock-progress";

/** A page put back more often than this is treated as failing (the queue's retries and DLQ take over). */
const MAX_DEFERRALS = 30;

export async function handleVendorError(
  ports: EnginePorts,
  run: RunContext,
  message: PageMessage,
  error: MarketplaceError,
): Promise<void> {
  if (error.retryable && error.retryAfterMs !== null && message.deferrals < MAX_DEFERRALS) {
    const delaySeconds = Math.min(43_200, Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    await ports.send({ ...message, deferrals: message.deferrals + 1 }, delaySeconds);
    return;
  }
  if (error.retryable) throw error;
  const isStock = Boolean(STOCK_ADAPTERS[message.endpoint]);
  let note = "";
  let replacement: string | undefined;
  if (error.code === "ENDPOINT_SWITCHED_OFF" && isStock) {
    replacement = replacementOf(run, message.endpoint);
    note = replacement
      ? `; continuing with ${replacement}`
      : "; no replacement is configured for this account";
  }
  await ports.run([
    recordRunIssue(run.runId, {
      code: error.code,
      message: error.message + note,
      endpoint: message.endpoint,
    }),
  ]);
  // The progress goes on unchanged: a stock source that failed is not complete, so its cells are not zeroed.
  const progress = progressOf(message);
  const pageKey = `${message.endpoint}#${message.page}`;
  const following = replacement
    ? [await firstPageOf(ports.run, run, message.kind, replacement, progress, ports.nowMs())]
    : await afterFeed(ports.run, run, message.kind, message.endpoint, pageKey, progress, ports.nowMs());
  for (const next of following) await ports.send(next);
}

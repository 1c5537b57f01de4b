// One page of a run: fetch it through the account's shared budget and breaker, validate and normalize it,
// load it in one round trip, then send the next page (or the finalize step). A vendor that asks us to wait
// longer than a consumer should sleep gets the page back on the queue with a delay; an endpoint switched off
// is recorded and, when the account lists a replacement, the run continues with it.
import type { PageContext } from "../../cron/adapters/adapter";
import { stockAdapter, stockAdapterChain } from "../../cron/adapters/stock-adapters";
import { MarketplaceClient } from "../../cron/http/marketplace-client";
import { MarketplaceError } from "../../cron/http/marketplace-error";
import { loadStockPage } from "../../cron/load/load-stock-page";
import { recordApiCalls, recordRunIssue } from "../../cron/load/run-log";
import { batchRunner } from "../../cron/load/statement-runner";
import type { IngestMessage } from "../../cron/messages";
import { validateStockPage } from "../../cron/validate/validate-stock";
import type { Database } from "../../db/client";
import { coordinatorGate } from "./coordinator-gate";
import type { RunContext } from "./run-context";

type PageMessage = Extract<IngestMessage, { type: "page" }>;

/** A page put back more often than this is treated as failing (the queue's retries and DLQ take over). */
const MAX_DEFERRALS = 30;

export async function pageStep(env: Env, db: Database, run: RunContext, message: PageMessage): Promise<void> {
  const adapter = stockAdapter(message.endpoint);
  const client = new MarketplaceClient({ gate: coordinatorGate(env, run.accountId) });
  const context: PageContext = {
    client,
    credentials: run.credentials,
    baseUrl: run.baseUrl,
    rateScale: run.endpoints.rateScale ?? 1,
    runKind: message.kind,
  };
  const runner = batchRunner(db);
  let page: Awaited<ReturnType<typeof adapter.fetchPage>>;
  try {
    page = await adapter.fetchPage(context, message.cursor);
  } catch (error) {
    await runner([recordApiCalls(run.runId, client.stats)]);
    if (error instanceof MarketplaceError) return handleVendorError(env, db, run, message, error);
    throw error;
  }
  const validated = validateStockPage(run.marketplace, page.rows);
  const scope = {
    orgId: run.orgId,
    accountId: run.accountId,
    marketplace: run.marketplace,
    runId: run.runId,
    pageKey: `${message.endpoint}#${message.page}`,
    endpoint: message.endpoint,
  };
  const alongside = [
    recordApiCalls(run.runId, client.stats),
    ...page.notes.map((note) =>
      recordRunIssue(run.runId, { code: "PAGING", message: note, endpoint: message.endpoint }),
    ),
  ];
  await loadStockPage(
    runner,
    scope,
    validated,
    { extracted: page.rows.length, pseudoRows: validated.pseudoRows },
    undefined,
    alongside,
  );
  if (page.next) {
    await env.INGEST_QUEUE.send({
      ...message,
      cursor: page.next,
      page: message.page + 1,
      deferrals: 0,
    } satisfies IngestMessage);
  } else {
    await env.INGEST_QUEUE.send({
      type: "finalize",
      runId: run.runId,
      accountId: run.accountId,
      kind: message.kind,
    } satisfies IngestMessage);
  }
}

async function handleVendorError(
  env: Env,
  db: Database,
  run: RunContext,
  message: PageMessage,
  error: MarketplaceError,
): Promise<void> {
  if (error.retryable && error.retryAfterMs !== null && message.deferrals < MAX_DEFERRALS) {
    const delaySeconds = Math.min(43_200, Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    await env.INGEST_QUEUE.send({ ...message, deferrals: message.deferrals + 1 } satisfies IngestMessage, {
      delaySeconds,
    });
    return;
  }
  if (error.code === "ENDPOINT_SWITCHED_OFF") {
    const chain = stockAdapterChain(run.marketplace, run.endpoints.stock);
    const replacement = chain[chain.indexOf(message.endpoint) + 1];
    const note = replacement
      ? `; continuing with ${replacement}`
      : "; no replacement is configured for this account";
    await batchRunner(db)([
      recordRunIssue(run.runId, {
        code: "ENDPOINT_SWITCHED_OFF",
        message: error.message + note,
        endpoint: message.endpoint,
      }),
    ]);
    if (replacement) {
      const next: IngestMessage = {
        ...message,
        endpoint: replacement,
        cursor: stockAdapter(replacement).firstCursor(),
        page: 0,
        deferrals: 0,
      };
      await env.INGEST_QUEUE.send(next);
    } else {
      await env.INGEST_QUEUE.send({
        type: "finalize",
        runId: run.runId,
        accountId: run.accountId,
        kind: message.kind,
      } satisfies IngestMessage);
    }
    return;
  }
  if (!error.retryable) {
    // Credentials or a request the vendor refuses: retrying cannot help; close the run with the reason.
    await batchRunner(db)([
      recordRunIssue(run.runId, { code: error.code, message: error.message, endpoint: message.endpoint }),
    ]);
    await env.INGEST_QUEUE.send({
      type: "finalize",
      runId: run.runId,
      accountId: run.accountId,
      kind: message.kind,
    } satisfies IngestMessage);
    return;
  }
  throw error;
}

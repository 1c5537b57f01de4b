// One page of a run: fetch it through the account's shared budget and breaker, validate and normalize it,
// load it in one round trip (with the feed's watermark), then send the next page, the next feed or the
// finalize step. A vendor that asks us to wait longer than a consumer should sleep gets the page back on the
// queue with a delay; an endpoint switched off is recorded and, when configured, replaced.
import type { PageContext } from "../../cron/adapters/adapter";
import { SALES_ADAPTERS, salesAdapter } from "../../cron/adapters/sales-adapters";
import { stockAdapter } from "../../cron/adapters/stock-adapters";
import { MarketplaceClient } from "../../cron/http/marketplace-client";
import { MarketplaceError } from "../../cron/http/marketplace-error";
import { loadSalesPage } from "../../cron/load/load-sales-page";
import { loadStockPage } from "../../cron/load/load-stock-page";
import { recordApiCalls, recordRunIssue } from "../../cron/load/run-log";
import { batchRunner } from "../../cron/load/statement-runner";
import { watermarkStatement } from "../../cron/load/watermark";
import type { IngestMessage } from "../../cron/messages";
import { validateSalesPage } from "../../cron/validate/validate-sales";
import { validateStockPage } from "../../cron/validate/validate-stock";
import type { Database } from "../../db/client";
import { coordinatorGate } from "./coordinator-gate";
import { nextPhase } from "./next-phase";
import type { RunContext } from "./run-context";
import { handleVendorError } from "./vendor-error";

type PageMessage = Extract<IngestMessage, { type: "page" }>;

export async function pageStep(env: Env, db: Database, run: RunContext, message: PageMessage): Promise<void> {
  const isSales = Boolean(SALES_ADAPTERS[message.endpoint]);
  const client = new MarketplaceClient({ gate: coordinatorGate(env, run.accountId) });
  const context: PageContext = {
    client,
    credentials: run.credentials,
    baseUrl: run.baseUrl,
    rateScale: run.endpoints.rateScale ?? 1,
    pageLimit: run.endpoints.pageLimit,
    runKind: message.kind,
  };
  const runner = batchRunner(db);
  const scope = {
    orgId: run.orgId,
    accountId: run.accountId,
    marketplace: run.marketplace,
    runId: run.runId,
    pageKey: `${message.endpoint}#${message.page}`,
    endpoint: message.endpoint,
  };
  let next: Record<string, unknown> | null;
  try {
    if (isSales) {
      const page = await salesAdapter(message.endpoint).fetchPage(context, message.cursor);
      const alongside = [recordApiCalls(run.runId, client.stats), ...notes(run, message, page.notes)];
      const validated = validateSalesPage(run.marketplace, page.rows);
      await loadSalesPage(runner, scope, validated, page.rows.length, page.watermark ?? null, alongside);
      next = page.next;
    } else {
      const page = await stockAdapter(message.endpoint).fetchPage(context, message.cursor);
      const alongside = [recordApiCalls(run.runId, client.stats), ...notes(run, message, page.notes)];
      if (page.watermark) alongside.push(watermarkStatement(scope, page.watermark));
      const validated = validateStockPage(run.marketplace, page.rows);
      const counts = { extracted: page.rows.length, pseudoRows: validated.pseudoRows };
      await loadStockPage(runner, scope, validated, counts, undefined, alongside);
      next = page.next;
    }
  } catch (error) {
    if (!(error instanceof MarketplaceError)) throw error;
    await runner([recordApiCalls(run.runId, client.stats)]);
    return handleVendorError(env, db, run, message, error);
  }
  if (next) {
    await env.INGEST_QUEUE.send({ ...message, cursor: next, page: message.page + 1, deferrals: 0 });
    return;
  }
  let stockComplete = message.stockComplete;
  if (!isSales) {
    const adapter = stockAdapter(message.endpoint);
    stockComplete = adapter.listsAllStock && (message.kind === "full" || adapter.incrementalListsAll);
  }
  await env.INGEST_QUEUE.send(await nextPhase(db, run, message.kind, message.endpoint, stockComplete));
}

function notes(run: RunContext, message: PageMessage, lines: string[]) {
  return lines.map((note) =>
    recordRunIssue(run.runId, { code: "PAGING", message: note, endpoint: message.endpoint }),
  );
}

// One page of a queued feed, fetched through the account's shared budget and breaker, validated, normalized
// and loaded in one round trip with its API counts, paging notes and watermark. Feeds without the seller's
// article get the account's known listings first. Vendor errors are thrown (MarketplaceError).
import type { Cursor, PageContext } from "../../cron/adapters/adapter";
import { SALES_ADAPTERS, salesAdapter } from "../../cron/adapters/sales-adapters";
import { stockAdapter } from "../../cron/adapters/stock-adapters";
import type { MarketplaceClient } from "../../cron/http/marketplace-client";
import { loadSalesPage } from "../../cron/load/load-sales-page";
import { loadStockPage } from "../../cron/load/load-stock-page";
import type { PageScope } from "../../cron/load/page-scope";
import { recordApiCalls, recordRunIssue } from "../../cron/load/run-log";
import type { StatementRunner } from "../../cron/load/statement-runner";
import { anomalyRule } from "../../cron/load/stock-page-statements";
import { watermarkStatement } from "../../cron/load/watermark";
import type { PageMessage } from "../../cron/messages";
import { loadKnownListings } from "../../cron/pipeline/known-listings";
import { validateSalesPage } from "../../cron/validate/validate-sales";
import { validateStockPage } from "../../cron/validate/validate-stock";
import type { RunContext } from "./run-context";

export interface LoadedPage {
  /** False when the page had been loaded before (a redelivery): nothing changed. */
  claimed: boolean;
  /** Where the feed's next page starts; null after its last page. */
  next: Cursor | null;
  /** The page left stock unread or unplaced: its source is not a complete listing in this run. */
  incomplete: boolean;
}

export async function fetchAndLoadPage(
  run: RunContext,
  runner: StatementRunner,
  client: MarketplaceClient,
  message: PageMessage,
  scope: PageScope,
): Promise<LoadedPage> {
  const context: PageContext = {
    client,
    credentials: run.credentials,
    baseUrl: run.baseUrl,
    rateScale: run.endpoints.rateScale ?? 1,
    pageLimit: run.endpoints.pageLimit,
    runKind: message.kind,
  };
  const notes = (lines: string[]) =>
    lines.map((note) =>
      recordRunIssue(run.runId, { code: "PAGING", message: note, endpoint: message.endpoint }),
    );
  if (SALES_ADAPTERS[message.endpoint]) {
    const page = await salesAdapter(message.endpoint).fetchPage(context, message.cursor);
    const alongside = [recordApiCalls(run.runId, client.stats), ...notes(page.notes)];
    const validated = validateSalesPage(run.marketplace, page.rows);
    const loaded = await loadSalesPage(
      runner,
      scope,
      validated,
      page.rows.length,
      page.watermark ?? null,
      alongside,
    );
    return { claimed: loaded.claimed, next: page.next, incomplete: false };
  }
  const adapter = stockAdapter(message.endpoint);
  if (adapter.needsKnownListings) context.knownListings = await loadKnownListings(runner, run.accountId);
  const page = await adapter.fetchPage(context, message.cursor);
  const alongside = [recordApiCalls(run.runId, client.stats), ...notes(page.notes)];
  if (page.watermark) alongside.push(watermarkStatement(scope, page.watermark));
  const validated = validateStockPage(run.marketplace, page.rows);
  const counts = { extracted: page.rows.length, pseudoRows: validated.pseudoRows };
  const loaded = await loadStockPage(runner, scope, validated, counts, {
    anomaly: anomalyRule(run.stockJumpFactor),
    alongside,
  });
  return { claimed: loaded.claimed, next: page.next, incomplete: Boolean(page.incomplete) };
}

// One page of a queued feed, fetched through the account's shared budget and breaker, validated, normalized
// and loaded in one round trip with its API counts, paging notes and watermark. Feeds without the seller's
// article get the account's known listings first. Vendor errors are thrown (MarketplaceError).
import type { Cursor, PageContext } from "../adapters/adapter";
import { SALES_ADAPTERS, salesAdapter } from "../adapters/sales-adapters";
import { stockAdapter } from "../adapters/stock-adapters";
import type { MarketplaceClient } from "../http/marketplace-client";
import { catalogStatements } from "../load/catalog-statements";
import { loadSalesPage } from "../load/load-sales-page";
import { loadStockPage } from "../load/load-stock-page";
import type { PageScope } from "../load/page-scope";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import type { StatementRunner } from "../load/statement-runner";
import { anomalyRule } from "../load/stock-page-statements";
import { watermarkStatement } from "../load/watermark";
import type { PageMessage } from "../messages";
import { validateSalesPage } from "../validate/validate-sales";
import { validateStockPage } from "../validate/validate-stock";
import { loadKnownListings } from "./known-listings";
import { type PagingVerdict, pagingVerdict } from "./page-join";
import { partKey, splitPage } from "./page-parts";
import type { RunContext } from "./run-context";

export interface LoadedPage {
  /** False when the page had been loaded before (a redelivery): nothing changed. */
  claimed: boolean;
  /** Where the feed's next page starts; null after its last page. */
  next: Cursor | null;
  /** The page left stock unread or unplaced: its source is not a complete listing in this run. */
  incomplete: boolean;
  /** Rows the vendor answered. */
  rows: number;
  /** Whether the page joined the one before it, and what the next must start with (page-join.ts). */
  paging: PagingVerdict;
}

export async function fetchAndLoadPage(
  run: RunContext,
  runner: StatementRunner,
  client: MarketplaceClient,
  message: PageMessage,
  scope: PageScope,
  maxRequestBytes: number,
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
    const paging = pagingVerdict(message, page.rows, page.next);
    const alongside = [
      recordApiCalls(run.runId, client.stats),
      ...notes(paging.note ? [...page.notes, paging.note] : page.notes),
    ];
    const parts = splitPage(validateSalesPage(run.marketplace, page.rows), maxRequestBytes);
    let claimed = true;
    for (const [part, rows] of parts.entries()) {
      const last = part === parts.length - 1;
      const loaded = await loadSalesPage(
        runner,
        { ...scope, pageKey: partKey(scope.pageKey, part) },
        rows,
        part === 0 ? page.rows.length : 0,
        last ? (page.watermark ?? null) : null,
        part === 0 ? alongside : [],
      );
      claimed &&= loaded.claimed;
    }
    return {
      claimed,
      next: page.next,
      incomplete: false,
      rows: page.rows.length,
      paging,
    };
  }
  const adapter = stockAdapter(message.endpoint);
  if (adapter.needsKnownListings) context.knownListings = await loadKnownListings(runner, run.accountId);
  const page = await adapter.fetchPage(context, message.cursor);
  const paging = pagingVerdict(message, page.rows, page.next);
  const alongside = [
    recordApiCalls(run.runId, client.stats),
    ...notes(paging.note ? [...page.notes, paging.note] : page.notes),
  ];
  const validated = validateStockPage(run.marketplace, page.rows);
  const parts = splitPage(validated, maxRequestBytes);
  let claimed = true;
  for (const [part, rows] of parts.entries()) {
    const partScope = { ...scope, pageKey: partKey(scope.pageKey, part) };
    const first = part === 0;
    const extra = first ? [...alongside] : [];
    // Listings the page names without stock (WB cards) go in with its first part, guarded by its claim.
    if (first && page.listings?.length)
      extra.push(
        ...catalogStatements(
          partScope,
          page.listings.map((listing) => ({ listing })),
        ),
      );
    // The watermark moves with the page's last part: only once every row of the page is in.
    if (page.watermark && part === parts.length - 1)
      extra.push(watermarkStatement(partScope, page.watermark));
    const counts = { extracted: first ? page.rows.length : 0, pseudoRows: first ? validated.pseudoRows : 0 };
    const loaded = await loadStockPage(
      runner,
      partScope,
      { ...rows, pseudoRows: counts.pseudoRows },
      counts,
      {
        anomaly: anomalyRule(run.stockJumpFactor),
        alongside: extra,
      },
    );
    claimed &&= loaded.claimed;
  }
  return {
    claimed,
    next: page.next,
    incomplete: Boolean(page.incomplete) || paging.incomplete,
    rows: page.rows.length,
    paging,
  };
}

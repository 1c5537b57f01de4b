// One page of a queued feed (a group of the vendor's pages read ahead, page-group.ts), fetched through the
// account's shared budget and breaker, validated, normalized and loaded in one round trip per part with its API
// counts, paging notes and watermark. Feeds without the seller's
// article get the account's known listings first. Vendor errors are thrown (MarketplaceError).
import { sql } from "drizzle-orm";
import type { Cursor, PageContext } from "../adapters/adapter";
import type { TurnoverRecord } from "../adapters/ozon/analytics-turnover-stocks-v1";
import { REPORT_ADAPTERS, reportAdapter } from "../adapters/report-adapters";
import { SALES_ADAPTERS, salesAdapter } from "../adapters/sales-adapters";
import { stockAdapter } from "../adapters/stock-adapters";
import type { MarketplaceClient } from "../http/marketplace-client";
import { catalogStatements } from "../load/catalog-statements";
import { loadSalesPage } from "../load/load-sales-page";
import { loadStockPage } from "../load/load-stock-page";
import type { PageScope } from "../load/page-scope";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import { salesPageStatements } from "../load/sales-page-statements";
import { type StatementRunner, statementBytes } from "../load/statement-runner";
import { anomalyRule, stockPageStatements } from "../load/stock-page-statements";
import { turnoverPageStatements } from "../load/turnover-page-statements";
import { watermarkStatement } from "../load/watermark";
import type { PageMessage } from "../messages";
import { salesRowsRead, validateSalesPage } from "../validate/validate-sales";
import { validateStockPage } from "../validate/validate-stock";
import { loadKnownListings } from "./known-listings";
import { fetchGroup, type GroupLimits } from "./page-group";
import type { PagingVerdict } from "./page-join";
import { partKey, splitPage } from "./page-parts";
import type { RunContext } from "./run-context";
import { feedOf } from "./run-feeds";

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
  /** The walk's cursors so far, for the next page (cursor-cycle.ts). */
  cursors: string[];
}

/**
 * The run's feeds load side by side, each page's transaction under its feed's lock: a feed's pages (and a
 * redelivered twin's) load one after another, while other feeds' pages load beside them. They cannot deadlock:
 * the rows two feeds may both write are taken in one order by every page (catalog-statements.ts: warehouses,
 * aliases, products and listings each in key order) and the run's row, which every page's counters write, last
 * (load-stock-page.ts).
 */
export function feedLockedRunner(runner: StatementRunner, runId: string, endpoint: string): StatementRunner {
  const lock = sql`select pg_advisory_xact_lock(hashtextextended(${`etl_run:${runId}:${feedOf(endpoint)}`}, 0))`;
  return async (statements) =>
    statements.length === 0 ? [] : (await runner([lock, ...statements])).slice(1);
}

export async function fetchAndLoadPage(
  run: RunContext,
  reader: StatementRunner,
  client: MarketplaceClient,
  message: PageMessage,
  scope: PageScope,
  maxRequestBytes: number,
  limits: GroupLimits,
): Promise<LoadedPage> {
  const runner = feedLockedRunner(reader, run.runId, message.endpoint);
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
  if (REPORT_ADAPTERS[message.endpoint]) {
    // A vendor report (Ozon's turnover): rows stored beside ours, the run's rows current after its last page.
    const page = await reportAdapter(message.endpoint).fetchPage(context, message.cursor);
    const records = page.rows.flatMap((row) => (row.ok ? [row.record as TurnoverRecord] : []));
    const rejected = page.rows.flatMap((row) => (row.ok ? [] : [row]));
    const [claim, ...rest] = turnoverPageStatements(
      scope,
      records,
      rejected,
      page.rows.length,
      page.next === null,
    );
    // The run's row last (the report's counters are in `rest`): see load-stock-page.ts.
    const own = [...(claim ? [claim] : []), ...rest];
    const results = await runner([...own, recordApiCalls(run.runId, client.stats), ...notes(page.notes)]);
    const claimed = results[own.length - 1]?.[0]?.claimed;
    return {
      claimed: claimed === true || claimed === "t",
      next: page.next,
      incomplete: false,
      rows: page.rows.length,
      paging: { joinKeys: [], incomplete: false, rewalk: false, note: null, repeated: 0 },
      // Offset paging only moves forward (the adapter adds the page's rows), so no cycle guard is needed here.
      cursors: message.cursors ?? [],
    };
  }
  if (SALES_ADAPTERS[message.endpoint]) {
    const adapter = salesAdapter(message.endpoint);
    const group = await fetchGroup(message, (cursor) => adapter.fetchPage(context, cursor), limits);
    const alongside = [recordApiCalls(run.runId, client.stats), ...notes(group.notes)];
    const validated = validateSalesPage(run.marketplace, group.rows);
    const parts = splitPage(validated, maxRequestBytes - statementBytes(alongside), (rows) =>
      statementBytes(salesPageStatements(scope, rows, salesRowsRead(rows), group.watermark)),
    );
    let claimed = true;
    for (const [part, rows] of parts.entries()) {
      const last = part === parts.length - 1;
      // Each part counts the vendor rows it holds: the run's counters add up whichever delivery claims which part.
      const loaded = await loadSalesPage(
        runner,
        { ...scope, pageKey: partKey(scope.pageKey, part) },
        rows,
        salesRowsRead(rows),
        last ? group.watermark : null,
        part === 0 ? alongside : [],
      );
      claimed &&= loaded.claimed;
    }
    return {
      claimed,
      next: group.next,
      incomplete: false,
      rows: group.extracted,
      paging: group.paging,
      cursors: group.cursors,
    };
  }
  const adapter = stockAdapter(message.endpoint);
  if (adapter.needsKnownListings) context.knownListings = await loadKnownListings(reader, run.accountId);
  const group = await fetchGroup(message, (cursor) => adapter.fetchPage(context, cursor), limits);
  const alongside = [recordApiCalls(run.runId, client.stats), ...notes(group.notes)];
  // Listings the page names without stock (WB cards) go in with its first part, guarded by its claim.
  const catalog = group.listings.length
    ? catalogStatements(
        scope,
        group.listings.map((listing) => ({ listing })),
      )
    : [];
  const validated = validateStockPage(run.marketplace, group.rows);
  const anomaly = anomalyRule(run.stockJumpFactor);
  const parts = splitPage(validated, maxRequestBytes - statementBytes([...alongside, ...catalog]), (rows) =>
    statementBytes(
      stockPageStatements(scope, { ...rows, pseudoRows: 0 }, { extracted: 0, pseudoRows: 0 }, { anomaly }),
    ),
  );
  let claimed = true;
  for (const [part, rows] of parts.entries()) {
    const partScope = { ...scope, pageKey: partKey(scope.pageKey, part) };
    const first = part === 0;
    const extra = first ? alongside : [];
    const guarded = first ? [...catalog] : [];
    // The watermark moves with the page's last part: only once every row of the page is in.
    if (group.watermark && part === parts.length - 1)
      guarded.push(watermarkStatement(partScope, group.watermark));
    // Each part counts the rows it holds (pseudo-rows with the first): extracted = validated + failed per part.
    const pseudoRows = first ? validated.pseudoRows : 0;
    const counts = { extracted: rows.valid.length + rows.rejected.length + pseudoRows, pseudoRows };
    const loaded = await loadStockPage(
      runner,
      partScope,
      { ...rows, pseudoRows: counts.pseudoRows },
      counts,
      { anomaly, alongside: extra, guarded },
    );
    claimed &&= loaded.claimed;
  }
  return {
    claimed,
    next: group.next,
    incomplete: group.incomplete,
    rows: group.extracted,
    paging: group.paging,
    cursors: group.cursors,
  };
}

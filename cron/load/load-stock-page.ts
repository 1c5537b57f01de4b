// Loads validated stock pages, one or several in one round trip, and reports what happened to each.
import type { SQL } from "drizzle-orm";
import type { ValidatedPage } from "../validate/validate-stock";
import { pageRelinkLock } from "./link-products";
import type { PageScope } from "./page-scope";
import type { StatementRunner } from "./statement-runner";
import { type AnomalyRule, type PageCounts, stockPageStatements } from "./stock-page-statements";

export interface PageLoadResult {
  /** False when the page had been loaded before (a redelivery): nothing changed. */
  claimed: boolean;
  loaded: number;
  changed: number;
  jumps: number;
}

export interface LoadStockPageOptions {
  /** When a new available count is flagged as a jump (STOCK_JUMP); default DEFAULT_ANOMALY_RULE. */
  anomaly?: AnomalyRule;
  /** Unguarded run-log statements sent in the same round trip (API call counts), after the page's own. */
  alongside?: readonly SQL[];
  /** Statements guarded by the page's claim, sent right after it (listings a page names without stock, a watermark). */
  guarded?: readonly SQL[];
}

/** One page of a load: where it goes, its rows, its counts and the run-log statements that go with it. */
export interface StockPageLoad {
  scope: PageScope;
  page: ValidatedPage;
  counts: PageCounts;
  /** Unguarded run-log statements sent in the same round trip (API call counts), after the page's own. */
  alongside?: readonly SQL[];
  /** Statements guarded by the page's claim, sent right after it (listings a page names without stock, a watermark). */
  guarded?: readonly SQL[];
}

/**
 * Loads pages of one feed in one round trip and one transaction, in feed order (a later page's rows win), each
 * page claimed on its own. The run-log statements, which write the run's row, go last: other feeds of the run
 * load side by side, and a transaction that held the run's row while it waited for their catalog rows could
 * deadlock with one holding those rows and waiting for the run's.
 */
export async function loadStockPages(
  run: StatementRunner,
  loads: readonly StockPageLoad[],
  options: Pick<LoadStockPageOptions, "anomaly"> = {},
): Promise<PageLoadResult[]> {
  const { anomaly } = options;
  const orgId = loads[0]?.scope.orgId;
  if (orgId === undefined) return [];
  // First, before anything is written: no relink of the organization's listings runs meanwhile.
  const statements: SQL[] = [pageRelinkLock(orgId)];
  const summaries: number[] = [];
  const runLog: SQL[] = [];
  for (const { scope, page, counts, alongside = [], guarded = [] } of loads) {
    const [claim, ...rest] = stockPageStatements(scope, page, counts, { anomaly });
    statements.push(...(claim ? [claim, ...guarded, ...rest] : rest));
    summaries.push(statements.length - 1);
    runLog.push(...alongside);
  }
  const results = await run([...statements, ...runLog]);
  return summaries.map((at) => {
    const summary = results[at]?.[0] ?? {};
    return {
      claimed: summary.claimed === true || summary.claimed === "t",
      loaded: Number(summary.loaded ?? 0),
      changed: Number(summary.changed ?? 0),
      jumps: Number(summary.jumps ?? 0),
    };
  });
}

/** Loads one validated stock page in one round trip. */
export async function loadStockPage(
  run: StatementRunner,
  scope: PageScope,
  page: ValidatedPage,
  counts: PageCounts,
  options: LoadStockPageOptions = {},
): Promise<PageLoadResult> {
  const { alongside, guarded, ...rest } = options;
  const [result] = await loadStockPages(run, [{ scope, page, counts, alongside, guarded }], rest);
  if (!result) throw new Error("a page load returned no result");
  return result;
}

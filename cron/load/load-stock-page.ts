// Loads one validated stock page in one round trip and reports what happened to it.
import type { SQL } from "drizzle-orm";
import type { ValidatedPage } from "../validate/validate-stock";
import { type CatalogCache, rememberListings } from "./catalog-cache";
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
  /** Unguarded run-log statements sent in the same round trip (API call counts). */
  alongside?: readonly SQL[];
  /** The run's catalog cache: known listings and aliases skip catalog writes; the ones this page wrote are added. */
  cache?: CatalogCache;
}

export async function loadStockPage(
  run: StatementRunner,
  scope: PageScope,
  page: ValidatedPage,
  counts: PageCounts,
  options: LoadStockPageOptions = {},
): Promise<PageLoadResult> {
  const { anomaly, alongside = [], cache } = options;
  const [claim, ...rest] = stockPageStatements(scope, page, counts, { anomaly, cache });
  const results = await run(claim ? [claim, ...alongside, ...rest] : rest);
  if (cache) {
    for (const rows of results) rememberListings(cache, rows);
    for (const row of page.valid) cache.aliases.add(row.warehouse.alias);
  }
  const summary = results.at(-1)?.[0] ?? {};
  return {
    claimed: summary.claimed === true || summary.claimed === "t",
    loaded: Number(summary.loaded ?? 0),
    changed: Number(summary.changed ?? 0),
    jumps: Number(summary.jumps ?? 0),
  };
}

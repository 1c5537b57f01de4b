// Loads one validated sales page in one round trip and reports whether this delivery claimed it.
import type { SQL } from "drizzle-orm";
import type { ValidatedSalesPage } from "../validate/validate-sales";
import { pageRelinkLock } from "./link-products";
import type { PageScope } from "./page-scope";
import { salesPageStatements } from "./sales-page-statements";
import type { StatementRunner } from "./statement-runner";

export async function loadSalesPage(
  run: StatementRunner,
  scope: PageScope,
  page: ValidatedSalesPage,
  extracted: number,
  watermark: string | null,
  /** Unguarded run-log statements sent in the same round trip (API call counts), after the page's own. */
  alongside: readonly SQL[] = [],
): Promise<{ claimed: boolean; loaded: number }> {
  const [claim, ...rest] = salesPageStatements(scope, page, extracted, watermark);
  // First, before anything is written: no relink of the organization's listings runs meanwhile.
  const lock = pageRelinkLock(scope.orgId);
  // The run's row is written last (its counters, then the run log): another feed of the run loads side by side,
  // and holding that row while waiting for the other's catalog rows could deadlock (load-stock-page.ts).
  const own = [lock, ...(claim ? [claim] : []), ...rest];
  const results = await run([...own, ...alongside]);
  const summary = results[own.length - 1]?.[0] ?? {};
  return {
    claimed: summary.claimed === true || summary.claimed === "t",
    loaded: Number(summary.loaded ?? 0),
  };
}

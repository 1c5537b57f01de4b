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
  /** Unguarded run-log statements sent in the same round trip (API call counts). */
  alongside: readonly SQL[] = [],
): Promise<{ claimed: boolean; loaded: number }> {
  const [claim, ...rest] = salesPageStatements(scope, page, extracted, watermark);
  // First, before anything is written: no relink of the organization's listings runs meanwhile.
  const lock = pageRelinkLock(scope.orgId);
  const results = await run(claim ? [lock, claim, ...alongside, ...rest] : [lock, ...rest]);
  const summary = results.at(-1)?.[0] ?? {};
  return {
    claimed: summary.claimed === true || summary.claimed === "t",
    loaded: Number(summary.loaded ?? 0),
  };
}

// Loads one validated sales page in one round trip and reports whether this delivery claimed it.
import type { SQL } from "drizzle-orm";
import type { ValidatedSalesPage } from "../validate/validate-sales";
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
  const results = await run(claim ? [claim, ...alongside, ...rest] : rest);
  const summary = results.at(-1)?.[0] ?? {};
  return {
    claimed: summary.claimed === true || summary.claimed === "t",
    loaded: Number(summary.loaded ?? 0),
  };
}

// Statements that write the run log outside a page's guarded load: the API calls a step made (they happened
// even when the page turns out to be a redelivery) and problems worth an operator's attention.
import { type SQL, sql } from "drizzle-orm";
import type { RunIssue } from "../../db/schema";
import type { CallStats } from "../http/marketplace-client";

export function recordApiCalls(runId: string, stats: CallStats): SQL {
  return sql`update etl_runs set api_requests = api_requests + ${stats.requests}::int,
    api_failed = api_failed + ${stats.failed}::int, api_ms = api_ms + ${stats.ms}::int where id = ${runId}`;
}

export function recordRunIssue(runId: string, issue: Omit<RunIssue, "at">): SQL {
  const entry = JSON.stringify([{ ...issue, at: new Date().toISOString() }]);
  return sql`update etl_runs set issues = issues || ${entry}::jsonb where id = ${runId}`;
}

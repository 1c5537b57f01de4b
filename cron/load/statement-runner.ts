// Runs several SQL statements atomically in one round trip: on neon-http one HTTP request, one transaction
// (without JIT compilation, see JIT_OFF).
// Loader code builds statements with drizzle's `sql`; this is the only place that sends them. Results come in
// array mode (no column names repeated on every row of the response) and are keyed by column name here.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import {
  NEON_MAX_REQUEST_BYTES,
  RequestTooLargeError,
  refusedAsTooLarge,
  requestBytes,
} from "./request-size";

export type ResultRow = Record<string, unknown>;
export type StatementRunner = (statements: readonly SQL[]) => Promise<ResultRow[][]>;

const dialect = new PgDialect();

/**
 * Each batch runs with JIT compilation off. Its statements run once, over at most a page of rows, yet the
 * planner's cost threshold has PostgreSQL compile the big ones: about 60 ms of CPU for a 51,000-row stock page
 * that then runs in about 400 ms, more than the compiled code saves.
 */
const JIT_OFF = "set local jit = off";

function keyed(result: { fields: { name: string }[]; rows: unknown[][] }): ResultRow[] {
  const names = result.fields.map((field) => field.name);
  return result.rows.map((values) => {
    const row: ResultRow = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
    return row;
  });
}

/** The request bytes `statements` would take as one batch (request-size.ts), for sizing parts before sending. */
export function statementBytes(statements: readonly SQL[]): number {
  return requestBytes(statements.map((statement) => dialect.sqlToQuery(statement)));
}

/** A batch over `maxRequestBytes` is refused here, before it is sent (RequestTooLargeError). */
export function batchRunner(db: Database, maxRequestBytes = NEON_MAX_REQUEST_BYTES): StatementRunner {
  const client = db.$client;
  return async (statements) => {
    if (statements.length === 0) return [];
    const built = statements.map((statement) => dialect.sqlToQuery(statement));
    const bytes = requestBytes(built);
    const what = `${statements.length} statements in one transaction`;
    if (bytes > maxRequestBytes) throw new RequestTooLargeError(bytes, maxRequestBytes, what);
    const queries = built.map(({ sql, params }) => client.query(sql, params));
    try {
      const results = await client.transaction([client.query(JIT_OFF), ...queries], {
        arrayMode: true,
        fullResults: true,
      });
      return results.slice(1).map(keyed);
    } catch (error) {
      if (refusedAsTooLarge(error))
        throw new RequestTooLargeError(null, maxRequestBytes, `${what}; ${String(error)}`);
      throw error;
    }
  };
}

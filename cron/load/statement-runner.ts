// Runs several SQL statements atomically in one round trip: on neon-http one HTTP request, one transaction.
// Loader code builds statements with drizzle's `sql`; this is the only place that sends them. Results come in
// array mode (no column names repeated on every row of the response) and are keyed by column name here.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";

export type ResultRow = Record<string, unknown>;
export type StatementRunner = (statements: readonly SQL[]) => Promise<ResultRow[][]>;

const dialect = new PgDialect();

function keyed(result: { fields: { name: string }[]; rows: unknown[][] }): ResultRow[] {
  const names = result.fields.map((field) => field.name);
  return result.rows.map((values) => {
    const row: ResultRow = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
    return row;
  });
}

export function batchRunner(db: Database): StatementRunner {
  const client = db.$client;
  return async (statements) => {
    if (statements.length === 0) return [];
    const queries = statements.map((statement) => {
      const { sql, params } = dialect.sqlToQuery(statement);
      return client.query(sql, params);
    });
    const results = await client.transaction(queries, { arrayMode: true, fullResults: true });
    return results.map(keyed);
  };
}

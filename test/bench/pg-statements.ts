// Running the app's drizzle statements (db/queries/*) on the benchmarks' direct pg client: one after another,
// or all in one committed transaction, as finalize runs them.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";

const dialect = new PgDialect();

/** Runs each statement in order; the rows of each. */
export async function runStatements(client: pg.Client, statements: readonly SQL[]) {
  const results: Array<pg.QueryResult> = [];
  for (const statement of statements) {
    const query = dialect.sqlToQuery(statement);
    results.push(await client.query(query.sql, query.params as unknown[]));
  }
  return results;
}

/** Runs the statements in one transaction, committed, or rolled back when one fails. */
export async function runInTransaction(client: pg.Client, statements: readonly SQL[]): Promise<void> {
  await client.query("begin");
  try {
    await runStatements(client, statements);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

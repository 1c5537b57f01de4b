// A migrated in-memory PostgreSQL (PGlite) for loader tests in Node, with a StatementRunner that runs a page's
// statements in one transaction, as db.batch does on Neon.
import { readdirSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { ResultRow, StatementRunner } from "../../../cron/load/statement-runner";
import { seedOrganization } from "./seed-organization";

export { startTestRun } from "./seed-organization";

const MIGRATIONS = new URL("../../../db/migrations/", import.meta.url);
const dialect = new PgDialect();

export interface TestDatabase {
  pg: PGlite;
  run: StatementRunner;
  query<T = ResultRow>(text: string, params?: unknown[]): Promise<T[]>;
}

export async function migratedDatabase(): Promise<TestDatabase> {
  const pg = new PGlite();
  await pg.exec("set time zone 'UTC'");
  const files = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  for (const file of files) {
    for (const statement of readFileSync(new URL(file, MIGRATIONS), "utf8").split(
      "--> statement-breakpoint",
    )) {
      if (statement.trim()) await pg.exec(statement);
    }
  }
  const run: StatementRunner = (statements: readonly SQL[]) =>
    pg.transaction(async (tx) => {
      const results: ResultRow[][] = [];
      for (const statement of statements) {
        const query = dialect.sqlToQuery(statement);
        results.push((await tx.query<ResultRow>(query.sql, query.params)).rows);
      }
      return results;
    });
  return { pg, run, query: async (text, params) => (await pg.query(text, params)).rows as never };
}

/** An organization with one account of the marketplace; returns their ids. */
export async function seedAccount(db: TestDatabase, marketplace: "ozon" | "wb") {
  const { orgId, accounts } = await seedOrganization(db.query, [marketplace]);
  return { orgId, accountId: accounts[marketplace] };
}

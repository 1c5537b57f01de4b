// Runs several SQL statements atomically in one round trip: on neon-http that is `db.batch` (one HTTP
// request, one transaction). Loader code builds statements; this is the only place that sends them.
import type { SQL } from "drizzle-orm";
import type { Database } from "../../db/client";

export type ResultRow = Record<string, unknown>;
export type StatementRunner = (statements: readonly SQL[]) => Promise<ResultRow[][]>;

export function batchRunner(db: Database): StatementRunner {
  return async (statements) => {
    if (statements.length === 0) return [];
    const [first, ...rest] = statements.map((statement) => db.execute(statement));
    if (!first) return [];
    const results = await db.batch([first, ...rest]);
    return results.map((result) => (result as { rows: ResultRow[] }).rows);
  };
}

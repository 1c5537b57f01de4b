// Tests of what concurrent transactions do to each other, on a real PostgreSQL server: a throwaway server
// (Debian's PostgreSQL 15), migrated, with named sessions the test interleaves by hand, and an observer that
// sees when a session waits for a lock. Suites using it skip where PostgreSQL is not installed.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { ResultRow, StatementRunner } from "../../../cron/load/statement-runner";
import { MIGRATIONS_FOLDER } from "../../../db/migrate";
import {
  postgresInstalled,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../../support/throwaway-postgres";

export { postgresInstalled };

const dialect = new PgDialect();

/** Runs statements on one session, inside whatever transaction the test opened on it. */
export function runnerOn(client: pg.Client): StatementRunner {
  return async (statements) => {
    const results: ResultRow[][] = [];
    for (const statement of statements) {
      const { sql, params } = dialect.sqlToQuery(statement);
      results.push((await client.query(sql, params as unknown[])).rows);
    }
    return results;
  };
}

export interface PostgresSessions<Name extends string> {
  /** The sessions by name (connected once the suite starts). */
  sessions: Record<Name, pg.Client>;
  /** A session outside the race, for setup and checks. */
  observer: pg.Client;
  /** Resolves once `session` waits for a lock of this kind (pg_stat_activity.wait_event; at most 5 s). */
  waitingForLock(session: pg.Client, kind?: "advisory" | "transactionid" | "tuple"): Promise<void>;
}

/** Starts a migrated throwaway server with these sessions for the suite, and stops it after. */
export function usePostgresSessions<Name extends string>(names: readonly Name[]): PostgresSessions<Name> {
  let server: ThrowawayPostgres | undefined;
  const connected: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: server?.url });
    await client.connect();
    connected.push(client);
    return client;
  };
  const handle = {
    sessions: {} as Record<Name, pg.Client>,
    observer: undefined as unknown as pg.Client,
    async waitingForLock(session: pg.Client, kind = "advisory") {
      const pid = (session as unknown as { processID: number }).processID;
      for (let i = 0; i < 250; i++) {
        const { rows } = await handle.observer.query(
          "select wait_event_type, wait_event from pg_stat_activity where pid = $1",
          [pid],
        );
        if (rows[0]?.wait_event_type === "Lock" && rows[0]?.wait_event === kind) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`backend ${pid} never waited for a lock (${kind})`);
    },
  };
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    handle.observer = await connect();
    await migrate(drizzle(handle.observer), { migrationsFolder: MIGRATIONS_FOLDER });
    for (const name of names) handle.sessions[name] = await connect();
  });
  // A test that failed halfway leaves no transaction open for the next one.
  afterEach(async () => {
    for (const name of names) await handle.sessions[name]?.query("rollback");
  });
  afterAll(async () => {
    for (const client of connected) await client.end();
    server?.stop();
  });
  return handle;
}

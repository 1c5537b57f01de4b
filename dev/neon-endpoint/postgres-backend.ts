// Backend on a real PostgreSQL server via `pg`: a Pool per database, extended protocol forced,
// every value kept as the server's text, sessions pinned to UTC; databases are real databases.

import pg from "pg";
import {
  type Backend,
  beginStatement,
  type Statement,
  type StatementResult,
  type TransactionOptions,
} from "./backend.js";
import { DEFAULT_DATABASE, isValidDatabaseName, quoteIdent } from "./database-names.js";
import { databaseMissing, isDatabaseError, SqlError } from "./errors.js";

/** Type "parser" that leaves every value as the text Postgres sent. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

export class PostgresBackend implements Backend {
  readonly kind = "postgres" as const;
  readonly #adminUrl: string;
  readonly #admin: pg.Pool;
  readonly #pools = new Map<string, pg.Pool>();

  private constructor(adminUrl: string) {
    this.#adminUrl = adminUrl;
    this.#admin = newPool(adminUrl, 2);
  }

  static async open(adminUrl: string): Promise<PostgresBackend> {
    const backend = new PostgresBackend(adminUrl);
    try {
      const found = await backend.#admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
        DEFAULT_DATABASE,
      ]);
      if (found.rowCount === 0) await backend.createDatabase(DEFAULT_DATABASE);
    } catch (error) {
      await backend.close();
      throw toSqlError(error);
    }
    return backend;
  }

  async query(database: string, statement: Statement): Promise<StatementResult> {
    return this.#withClient(database, async (client) => {
      try {
        return await runOnClient(client, statement);
      } finally {
        // Neon discards a connection left inside a transaction; reset it before reuse instead.
        if (client.getTransactionStatus() !== "I") await client.query("ROLLBACK").catch(() => {});
      }
    });
  }

  async transaction(
    database: string,
    statements: Statement[],
    options: TransactionOptions,
  ): Promise<StatementResult[]> {
    return this.#withClient(database, async (client) => {
      await client.query(beginStatement(options));
      const results: StatementResult[] = [];
      try {
        for (const statement of statements) results.push(await runOnClient(client, statement));
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
      await client.query("COMMIT");
      return results;
    });
  }

  async createDatabase(name: string, template?: string): Promise<void> {
    if (template === undefined) {
      await this.#adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
      return;
    }
    // CREATE DATABASE ... TEMPLATE needs the template free of sessions: close our pool to it,
    // and retry briefly while other sessions (ours in flight, or anyone's) let go.
    for (let attempt = 0; ; attempt++) {
      await this.#closePool(template);
      try {
        await this.#adminQuery(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
        return;
      } catch (error) {
        if (!(error instanceof SqlError && error.fields.code === "55006") || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async dropDatabase(name: string): Promise<void> {
    await this.#closePool(name);
    await this.#adminQuery(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
  }

  async listDatabases(): Promise<string[]> {
    const result = await this.#admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY datname",
    );
    return result.rows.map((row) => row.datname);
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values(), this.#admin];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
  }

  async #withClient<T>(database: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (!isValidDatabaseName(database)) throw databaseMissing(database);
    let pool = this.#pools.get(database);
    if (pool === undefined) {
      const url = new URL(this.#adminUrl);
      url.pathname = `/${database}`;
      pool = newPool(url.href, 10);
      this.#pools.set(database, pool);
    }
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      if (isDatabaseError(error) && error.code === "3D000") await this.#closePool(database);
      throw toSqlError(error);
    }
    try {
      const result = await fn(client);
      client.release();
      return result;
    } catch (error) {
      // A Postgres error leaves the connection usable; anything else (socket, protocol) may not.
      client.release(isDatabaseError(error) || error instanceof SqlError ? undefined : (error as Error));
      throw toSqlError(error);
    }
  }

  async #adminQuery(sql: string): Promise<void> {
    try {
      await this.#admin.query(sql);
    } catch (error) {
      throw toSqlError(error);
    }
  }

  async #closePool(database: string): Promise<void> {
    const pool = this.#pools.get(database);
    if (pool === undefined) return;
    this.#pools.delete(database);
    await pool.end().catch(() => {});
  }
}

async function runOnClient(client: pg.PoolClient, statement: Statement): Promise<StatementResult> {
  const result = await client.query({
    text: statement.query,
    values: statement.params,
    rowMode: "array",
    queryMode: "extended",
  } as pg.QueryArrayConfig);
  return {
    command: result.command ?? "",
    rowCount: result.rowCount,
    fields: result.fields.map((field) => ({
      name: field.name,
      tableID: field.tableID,
      columnID: field.columnID,
      dataTypeID: field.dataTypeID,
      dataTypeSize: field.dataTypeSize,
      dataTypeModifier: field.dataTypeModifier,
      format: "text" as const,
    })),
    rows: result.rows as (string | null)[][],
  };
}

function newPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, options: "-c TimeZone=UTC", types: RAW_TEXT });
  // Idle clients can be terminated by the server (e.g. DROP DATABASE ... WITH (FORCE)).
  pool.on("error", () => {});
  return pool;
}

function toSqlError(error: unknown): unknown {
  return isDatabaseError(error) ? SqlError.fromDatabaseError(error) : error;
}

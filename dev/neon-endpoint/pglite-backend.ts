// Backend on PGlite (WASM Postgres): one PGlite instance per database, in memory or under
// <dataDir>/<name>; access serialized per database; templates cloned via dumpDataDir/loadDataDir.

import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  type Backend,
  beginStatement,
  type Statement,
  type StatementResult,
  type TransactionOptions,
} from "./backend.js";
import { DEFAULT_DATABASE, isValidDatabaseName } from "./database-names.js";
import { databaseExists, databaseMissing, templateMissing } from "./errors.js";
import { Mutex } from "./mutex.js";
import { runOnPglite, runOnPgliteOrThrow } from "./pglite-wire.js";

interface Database {
  pg: PGlite;
  mutex: Mutex;
  dropped: boolean;
}

export interface PgliteBackendOptions {
  /** Root folder holding one PGlite data directory per database; undefined keeps everything in memory. */
  dataDir?: string;
}

const SESSION_SETUP = "SET TimeZone TO 'UTC'";

export class PgliteBackend implements Backend {
  readonly kind = "pglite" as const;
  readonly #root: string | undefined;
  /** Every database that exists, opened lazily (a pending open is shared). */
  readonly #databases = new Map<string, Promise<Database> | undefined>();

  private constructor(root: string | undefined) {
    this.#root = root;
  }

  static async open(options: PgliteBackendOptions = {}): Promise<PgliteBackend> {
    const backend = new PgliteBackend(options.dataDir);
    if (options.dataDir !== undefined) {
      await mkdir(options.dataDir, { recursive: true });
      for (const entry of await readdir(options.dataDir, { withFileTypes: true })) {
        const onDisk = existsSync(join(options.dataDir, entry.name, "PG_VERSION"));
        if (entry.isDirectory() && isValidDatabaseName(entry.name) && onDisk) {
          backend.#databases.set(entry.name, undefined);
        }
      }
    }
    if (!backend.#databases.has(DEFAULT_DATABASE)) await backend.createDatabase(DEFAULT_DATABASE);
    await backend.#database(DEFAULT_DATABASE);
    return backend;
  }

  async query(database: string, statement: Statement): Promise<StatementResult> {
    const db = await this.#database(database);
    return this.#exclusive(database, db, async () => {
      const outcome = await runOnPglite(db.pg, statement);
      // Neon discards a connection left inside a transaction; here the one session must be reset.
      if (outcome.status !== "I") await runOnPglite(db.pg, { query: "ROLLBACK", params: [] });
      if (outcome.error !== undefined) throw outcome.error;
      await db.pg.syncToFs();
      return outcome.result as StatementResult;
    });
  }

  async transaction(
    database: string,
    statements: Statement[],
    options: TransactionOptions,
  ): Promise<StatementResult[]> {
    const db = await this.#database(database);
    return this.#exclusive(database, db, async () => {
      await runOnPgliteOrThrow(db.pg, { query: beginStatement(options), params: [] });
      const results: StatementResult[] = [];
      try {
        for (const statement of statements) results.push(await runOnPgliteOrThrow(db.pg, statement));
      } catch (error) {
        await runOnPglite(db.pg, { query: "ROLLBACK", params: [] });
        throw error;
      }
      await runOnPgliteOrThrow(db.pg, { query: "COMMIT", params: [] });
      await db.pg.syncToFs();
      return results;
    });
  }

  async createDatabase(name: string, template?: string): Promise<void> {
    if (this.#databases.has(name)) throw databaseExists(name);
    if (template !== undefined && !this.#databases.has(template)) throw templateMissing(template);
    const opening = (async (): Promise<Database> => {
      let snapshot: Blob | undefined;
      if (template !== undefined) {
        const source = await this.#database(template);
        snapshot = await this.#exclusive(template, source, async () => {
          await runOnPgliteOrThrow(source.pg, { query: "CHECKPOINT", params: [] });
          return source.pg.dumpDataDir("none");
        });
      }
      const dataDir = this.#root === undefined ? undefined : join(this.#root, name);
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
      return openDatabase(dataDir, snapshot);
    })();
    this.#databases.set(name, opening);
    try {
      await opening;
    } catch (error) {
      this.#databases.delete(name);
      throw error;
    }
  }

  async dropDatabase(name: string): Promise<void> {
    if (!this.#databases.has(name)) throw databaseMissing(name);
    const db = await this.#database(name);
    await db.mutex.run(async () => {
      if (db.dropped) throw databaseMissing(name);
      db.dropped = true;
      this.#databases.delete(name);
      await db.pg.close();
    });
    if (this.#root !== undefined) await rm(join(this.#root, name), { recursive: true, force: true });
  }

  async listDatabases(): Promise<string[]> {
    return [...this.#databases.keys()].sort();
  }

  async close(): Promise<void> {
    const open = [...this.#databases.values()];
    this.#databases.clear();
    await Promise.all(
      open.map(async (pending) => {
        const db = await pending?.catch(() => undefined);
        if (db === undefined) return;
        await db.mutex.run(async () => {
          db.dropped = true;
          await db.pg.close();
        });
      }),
    );
  }

  #database(name: string): Promise<Database> {
    if (!this.#databases.has(name)) return Promise.reject(databaseMissing(name));
    let pending = this.#databases.get(name);
    if (pending === undefined) {
      pending = openDatabase(this.#root === undefined ? undefined : join(this.#root, name), undefined);
      this.#databases.set(name, pending);
    }
    return pending;
  }

  /** Runs fn holding the database's session; fails like Postgres if it was dropped meanwhile. */
  #exclusive<T>(name: string, db: Database, fn: () => Promise<T>): Promise<T> {
    return db.mutex.run(async () => {
      if (db.dropped) throw databaseMissing(name);
      return fn();
    });
  }
}

async function openDatabase(dataDir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  const pg = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(snapshot === undefined ? {} : { loadDataDir: snapshot }),
  });
  await runOnPgliteOrThrow(pg, { query: SESSION_SETUP, params: [] });
  return { pg, mutex: new Mutex(), dropped: false };
}

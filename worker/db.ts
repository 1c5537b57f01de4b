// Builds the database handle for one request or job from the Worker's bindings or its parsed config.
import { createDatabase, type Database } from "../db/client";
import type { Config } from "./config";

export function databaseFromEnv(env: Pick<Env, "DATABASE_URL" | "NEON_HTTP_ENDPOINT">): Database {
  return createDatabase({ url: env.DATABASE_URL, httpEndpoint: env.NEON_HTTP_ENDPOINT || undefined });
}

/**
 * One drizzle handle per isolate and database: building one walks the whole schema, and the Neon HTTP
 * driver holds no connection or other I/O object between queries, so requests can share it.
 */
let isolateDatabase: { url: string; endpoint: string | undefined; db: Database } | undefined;

export function databaseFor(config: Pick<Config, "databaseUrl" | "neonHttpEndpoint">): Database {
  if (isolateDatabase?.url !== config.databaseUrl || isolateDatabase.endpoint !== config.neonHttpEndpoint) {
    const db = createDatabase({ url: config.databaseUrl, httpEndpoint: config.neonHttpEndpoint });
    isolateDatabase = { url: config.databaseUrl, endpoint: config.neonHttpEndpoint, db };
  }
  return isolateDatabase.db;
}

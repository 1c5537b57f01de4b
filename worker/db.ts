// Builds the database handle for one request or job from the Worker's bindings.
import { createDatabase, type Database } from "../db/client";

export function databaseFromEnv(env: Pick<Env, "DATABASE_URL" | "NEON_HTTP_ENDPOINT">): Database {
  return createDatabase({ url: env.DATABASE_URL, httpEndpoint: env.NEON_HTTP_ENDPOINT || undefined });
}

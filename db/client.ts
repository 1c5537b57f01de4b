// The connection factory: the unmodified Neon HTTP driver with drizzle on top. Locally (dev, tests) the
// driver is pointed at dev/neon-endpoint by `httpEndpoint`; in production it talks to Neon itself.
import { type NeonQueryFunction, neon, neonConfig } from "@neondatabase/serverless";
import { drizzle, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import * as schema from "./schema";

export interface DatabaseConfig {
  /** postgresql://user:password@host/database */
  url: string;
  /** SQL-over-HTTP endpoint replacing Neon's own (local dev and tests only); empty means Neon. */
  httpEndpoint?: string | undefined;
}

/** drizzle over the Neon HTTP driver; `$client` is the driver itself (the loaders' batches use it directly). */
export type Database = NeonHttpDatabase<typeof schema> & { $client: NeonQueryFunction<false, false> };

export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

/** Creates a drizzle database over HTTP. Cheap: no connection is opened until the first query. */
export function createDatabase(config: DatabaseConfig): Database {
  if (!config.url) {
    throw new DatabaseConfigError("DATABASE_URL is not set: add it with `wrangler secret put DATABASE_URL`");
  }
  if (!/^postgres(ql)?:\/\//.test(config.url)) {
    throw new DatabaseConfigError(
      "DATABASE_URL must start with postgresql:// (copy it from the Neon console)",
    );
  }
  if (config.httpEndpoint) {
    // Global in the driver: one Worker (or Node process) talks to one kind of endpoint.
    neonConfig.fetchEndpoint = config.httpEndpoint;
  }
  return drizzle({ client: neon(config.url), schema });
}

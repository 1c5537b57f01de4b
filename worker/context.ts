// The Hono environment shared by every route and middleware: the Worker bindings plus per-request values.
import type { Database } from "../db/client";
import type { Config } from "./config";

/** Set by the init middleware (worker/middleware/init.ts) for every request, besides requestId. */
export interface AppVariables {
  requestId: string;
  config: Config;
  db: Database;
  /** The API answer cache (KV). */
  cache: KVNamespace;
  /** The app's clock: the real time, or a test's (createApp's `clock` option). */
  clock: () => Date;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}

// The Hono environment shared by every route and middleware: the Worker bindings plus per-request values.
import type { Database } from "../db/client";

export interface AppVariables {
  requestId: string;
  db: Database;
  /** The app's clock: the real time, or a test's (createApp's `clock` option). */
  clock: () => Date;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}

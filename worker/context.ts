// The Hono environment shared by every route and middleware: the Worker bindings plus per-request values.
import type { Database } from "../db/client";

export interface AppVariables {
  requestId: string;
  db: Database;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}

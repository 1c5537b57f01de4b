// Builds the request's services once, before any middleware or route that uses them: the parsed
// configuration (worker/config.ts), the database handle, the KV cache and the clock, all reached
// through the context (c.var) instead of each middleware reading vars and opening its own handle.
// Only the two response decorators (security headers, request id) run before it, so that even a
// configuration error answers with them.
import type { MiddlewareHandler } from "hono";
import { ConfigError, configFromEnv } from "../config";
import type { AppEnv } from "../context";
import { databaseFor } from "../db";
import { ApiError } from "../errors";

export interface InitOptions {
  /** What "now" is for time-based rules (the login throttle); tests pass a clock they move. */
  clock?: () => Date;
}

export function init(options: InitOptions = {}): MiddlewareHandler<AppEnv> {
  const clock = options.clock ?? (() => new Date());
  return async function initMiddleware(c, next) {
    let config: ReturnType<typeof configFromEnv>;
    try {
      config = configFromEnv(c.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), error: error.message }));
      throw new ApiError(
        "SERVICE_UNAVAILABLE",
        "The service is misconfigured; its log names the setting to fix (quote the request id)",
      );
    }
    c.set("config", config);
    c.set("clock", clock);
    c.set("db", databaseFor(config));
    c.set("cache", c.env.API_CACHE);
    await next();
  };
}

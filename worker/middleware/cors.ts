// CORS for /api: an allowlist of origins (CORS_ORIGINS), credentials, and a preflight (OPTIONS) answered only
// for a path that exists, naming the methods that path takes (method-not-allowed.ts reads them from the routes);
// a preflight for a path no route matches is the JSON 404 any other method gets there.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../context";
import { handleNotFound } from "../errors";

/** `allowedFor(path)`: the methods the path takes, none when no route matches it. */
export function apiCors(allowedFor: (path: string) => string[]): MiddlewareHandler<AppEnv> {
  const allowlisted = cors({
    origin: (origin, c) => (c.var.config.corsOrigins.includes(origin) ? origin : null),
    allowMethods: (_origin, c) => allowedFor(c.req.path),
    credentials: true,
    allowHeaders: ["Content-Type", "Authorization", "X-Request-Id"],
    exposeHeaders: ["X-Request-Id", "X-Cache", "Retry-After", "RateLimit", "RateLimit-Policy"],
    maxAge: 600,
  });
  return async function apiCorsMiddleware(c, next) {
    if (c.req.method === "OPTIONS" && allowedFor(c.req.path).length === 0) return handleNotFound(c);
    return allowlisted(c, next);
  };
}

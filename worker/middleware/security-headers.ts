// Sets the security headers (worker/security-headers.ts) on every answer the Worker gives: the API, its
// docs page, errors, and any dashboard page that reaches the Worker instead of the asset router.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { SECURITY_HEADERS } from "../security-headers";

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

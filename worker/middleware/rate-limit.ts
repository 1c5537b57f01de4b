// Per-client-IP rate limit on /api with the Workers `ratelimits` binding: over the limit answers 429
// with Retry-After and the IETF RateLimit headers so well-behaved clients know when to come back.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

export interface RateLimitOptions {
  /** Picks the limiter binding; default the per-IP one. */
  limiter?: (env: Env) => RateLimit;
  /** The binding's window in seconds (wrangler.toml `period`). */
  periodSeconds?: number;
}

export function clientIp(headers: Headers): string {
  return (
    headers.get("CF-Connecting-IP") ?? headers.get("X-Forwarded-For")?.split(",")[0]?.trim() ?? "unknown"
  );
}

export function rateLimitByIp(options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const pickLimiter = options.limiter ?? ((env: Env) => env.IP_RATE_LIMITER);
  const period = options.periodSeconds ?? 60;
  return async function rateLimitByIpMiddleware(c, next) {
    const limit = c.var.config.rateLimitPerMinute;
    const { success } = await pickLimiter(c.env).limit({ key: `ip:${clientIp(c.req.raw.headers)}` });
    const policy = `${limit};w=${period}`;
    if (!success) {
      throw new ApiError("TOO_MANY_REQUESTS", `More than ${limit} requests in ${period} s; retry later`, {
        "Retry-After": String(period),
        "RateLimit-Policy": policy,
        RateLimit: `limit=${limit}, remaining=0, reset=${period}`,
      });
    }
    await next();
    // A 429 from the per-key limiter (worker/middleware/authenticate.ts) reports that key's own policy.
    if (!c.res.headers.has("RateLimit-Policy")) c.res.headers.set("RateLimit-Policy", policy);
  };
}

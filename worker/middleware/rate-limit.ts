// Rate limits on /api with the Workers `ratelimits` bindings. A caller who proves who they are is counted as
// themselves: 600 requests a minute per API key, 300 per signed-in user (a dashboard page makes 7–8 calls, so a
// seller clicking through pages never meets it, and colleagues behind one office address don't share it).
// Everything else is counted per client IP, 60 a minute: sign-in, docs, webhooks, and every request whose
// credentials fail. Over a limit answers 429 with Retry-After and the IETF RateLimit headers.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** The window of every limiter binding in wrangler.toml (`period`), in seconds. */
const PERIOD_S = 60;
export const API_KEY_LIMIT_PER_MINUTE = 600;
export const USER_LIMIT_PER_MINUTE = 300;

declare module "hono" {
  interface ContextVariableMap {
    /** The RateLimit-Policy of the limiter that counted this request. */
    rateLimitPolicy: string;
  }
}

export function clientIp(headers: Headers): string {
  return (
    headers.get("CF-Connecting-IP") ?? headers.get("X-Forwarded-For")?.split(",")[0]?.trim() ?? "unknown"
  );
}

/** One limiter's count for one caller. */
interface Quota {
  limiter: RateLimit;
  key: string;
  limit: number;
  /** Who made too many requests, for the 429's message. */
  who: string;
}

async function spend(c: Context<AppEnv>, quota: Quota): Promise<void> {
  const policy = `${quota.limit};w=${PERIOD_S}`;
  c.set("rateLimitPolicy", policy);
  const { success } = await quota.limiter.limit({ key: quota.key });
  if (success) return;
  throw new ApiError(
    "TOO_MANY_REQUESTS",
    `${quota.who} made more than ${quota.limit} requests in ${PERIOD_S} s; retry later`,
    {
      "Retry-After": String(PERIOD_S),
      "RateLimit-Policy": policy,
      RateLimit: `limit=${quota.limit}, remaining=0, reset=${PERIOD_S}`,
    },
  );
}

/** Counts the request against its client IP's 60 a minute; throws 429 once they are spent. */
export function spendClientIp(c: Context<AppEnv>): Promise<void> {
  return spend(c, {
    limiter: c.env.IP_RATE_LIMITER,
    key: `ip:${clientIp(c.req.raw.headers)}`,
    limit: c.var.config.rateLimitPerMinute,
    who: "This address",
  });
}

export function spendApiKey(c: Context<AppEnv>, apiKeyId: string): Promise<void> {
  return spend(c, {
    limiter: c.env.API_KEY_RATE_LIMITER,
    key: `key:${apiKeyId}`,
    limit: API_KEY_LIMIT_PER_MINUTE,
    who: "This API key",
  });
}

export function spendUser(c: Context<AppEnv>, userId: string): Promise<void> {
  return spend(c, {
    limiter: c.env.USER_RATE_LIMITER,
    key: `user:${userId}`,
    limit: USER_LIMIT_PER_MINUTE,
    who: "This user",
  });
}

/**
 * Names the policy that counted the request on every /api answer. The counting itself happens in
 * authenticate(), once it knows whether the caller proved who they are; answers given before it (a CORS
 * preflight, a body over the limit) cost nothing to count.
 */
export function rateLimitPolicy(): MiddlewareHandler<AppEnv> {
  return async function rateLimitPolicyMiddleware(c, next) {
    await next();
    const policy = c.var.rateLimitPolicy ?? `${c.var.config.rateLimitPerMinute};w=${PERIOD_S}`;
    if (!c.res.headers.has("RateLimit-Policy")) c.res.headers.set("RateLimit-Policy", policy);
  };
}

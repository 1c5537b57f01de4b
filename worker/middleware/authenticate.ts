// Resolves the caller of a protected /api route: a Bearer API key (rate-limited per key) or the signed
// session cookie. Sets `principal` and `organization`, enforces the organization's IP allowlist, and
// answers 401 when neither credential is valid. Public paths (login, docs) pass through; on paths with optional
// credentials (health) a caller who proves who they are gets their organization's details, anyone else the
// anonymous view (never a 401 or 403 there).
// Resolved callers are kept in the isolate's principal cache for up to 30 s (staleness bound and
// invalidation: worker/auth/principal-cache.ts), so a KV cache hit costs no database round trip.
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { findActiveApiKey, touchApiKey } from "../../db/queries/api-keys";
import { findSession } from "../../db/queries/sessions";
import { looksLikeApiKey } from "../auth/api-key-format";
import { sha256Hex } from "../auth/encoding";
import type { OrganizationSettings, Principal } from "../auth/principal";
import { apiKeyCacheKey, principalCache, sessionCacheKey } from "../auth/principal-cache";
import { readSessionToken } from "../auth/session-cookie";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { clientIp } from "./rate-limit";

export interface AuthenticateOptions {
  /** Paths answered without credentials. */
  publicPaths?: string[];
  /** Seconds between last_used_at updates of one API key. */
  touchEverySeconds?: number;
}

const DEFAULT_PUBLIC_PATHS = [
  "/api/openapi.json",
  "/api/docs",
  "/api/docs/style.css",
  "/api/auth/login",
  "/api/auth/logout",
  "/api/telegram/webhook", // Telegram's updates: authenticated by its secret header (worker/routes/telegram-webhook.ts)
];

/** Paths answered to anyone, with more for a caller whose credentials resolve. */
const OPTIONAL_CREDENTIAL_PATHS = new Set(["/api/health"]);

type Caller = { principal: Principal; organization: OrganizationSettings };

export function authenticate(options: AuthenticateOptions = {}): MiddlewareHandler<AppEnv> {
  const publicPaths = new Set(options.publicPaths ?? DEFAULT_PUBLIC_PATHS);
  const touchEvery = (options.touchEverySeconds ?? 60) * 1000;
  return async function authenticateMiddleware(c, next) {
    if (publicPaths.has(c.req.path) || c.req.method === "OPTIONS") return next();
    // No route for this path (only `app.use` middleware matched): let it fall through to the 404.
    if (!matchedRoutes(c).some((route) => route.method !== "ALL")) return next();
    if (OPTIONAL_CREDENTIAL_PATHS.has(c.req.path)) {
      const caller = await resolveCaller(c, touchEvery).catch((error: unknown) => {
        if (error instanceof ApiError) return null;
        throw error;
      });
      if (caller) {
        c.set("principal", caller.principal);
        c.set("organization", caller.organization);
      }
      return next();
    }
    const { principal, organization } = await resolveCaller(c, touchEvery);
    c.set("principal", principal);
    c.set("organization", organization);
    await next();
  };
}

/** The caller behind the request's API key or session cookie; ApiError 401/403/429 when there is none allowed. */
async function resolveCaller(c: Context<AppEnv>, touchEvery: number): Promise<Caller> {
  const db = c.var.db;
  const authorization = c.req.header("Authorization");
  let principal: Principal;
  let organization: OrganizationSettings;
  if (authorization) {
    const key = authorization.replace(/^Bearer\s+/i, "").trim();
    if (!looksLikeApiKey(key))
      throw new ApiError("UNAUTHORIZED", "Authorization: expected 'Bearer mic_…' API key");
    const keyHash = await sha256Hex(key);
    const cacheKey = apiKeyCacheKey(keyHash);
    let caller = principalCache.get(cacheKey);
    if (!caller) {
      const found = await findActiveApiKey(db, keyHash);
      if (!found) throw new ApiError("UNAUTHORIZED", "API key is unknown or revoked");
      caller = {
        organization: found.organization,
        principal: {
          orgId: found.organization.id,
          role: found.role,
          via: "api_key",
          userId: null,
          apiKeyId: found.id,
          email: null,
          sessionTokenHash: null,
        },
        lastUsedAt: found.lastUsedAt?.getTime() ?? null,
      };
      principalCache.set(cacheKey, caller);
    }
    const apiKeyId = caller.principal.apiKeyId as string;
    const { success } = await c.env.API_KEY_RATE_LIMITER.limit({ key: `key:${apiKeyId}` });
    if (!success) {
      throw new ApiError("TOO_MANY_REQUESTS", "This API key made too many requests in 60 s; retry later", {
        "Retry-After": "60",
        RateLimit: "limit=600, remaining=0, reset=60",
        "RateLimit-Policy": "600;w=60",
      });
    }
    if (caller.lastUsedAt === null || Date.now() - caller.lastUsedAt > touchEvery) {
      principalCache.touched(cacheKey);
      c.executionCtx.waitUntil(touchApiKey(db, apiKeyId).catch(() => undefined));
    }
    organization = caller.organization;
    principal = caller.principal;
  } else {
    const token = await readSessionToken(c);
    if (!token) throw new ApiError("UNAUTHORIZED", "Sign in (session cookie) or send an API key");
    const tokenHash = await sha256Hex(token);
    const cacheKey = sessionCacheKey(tokenHash);
    let caller = principalCache.get(cacheKey);
    if (!caller) {
      const found = await findSession(db, tokenHash);
      if (!found) throw new ApiError("UNAUTHORIZED", "Session expired or signed out; sign in again");
      caller = {
        organization: found.organization,
        principal: {
          orgId: found.organization.id,
          role: found.role,
          via: "session",
          userId: found.userId,
          apiKeyId: null,
          email: found.email,
          sessionTokenHash: tokenHash,
        },
        lastUsedAt: null,
      };
      principalCache.set(cacheKey, caller, Date.now(), found.expiresAt.getTime());
    }
    organization = caller.organization;
    principal = caller.principal;
  }
  if (
    organization.ipAllowlist.length > 0 &&
    !organization.ipAllowlist.includes(clientIp(c.req.raw.headers))
  ) {
    throw new ApiError("FORBIDDEN", "This address is not on the organization's IP allowlist");
  }
  return { principal, organization };
}

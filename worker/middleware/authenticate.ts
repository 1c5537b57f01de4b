// Resolves the caller of a protected /api route: a Bearer API key or the signed session cookie. Sets
// `principal` and `organization`, enforces the organization's IP allowlist, and answers 401 when neither
// credential is valid. Counts every /api request against one rate limit (worker/middleware/rate-limit.ts):
// the key's or the user's once the caller is proven, the client IP's otherwise (failed credentials too).
// Public paths (login, docs) pass through; on paths with optional credentials (health) a caller who proves who
// they are gets their organization's details, anyone else the anonymous view (never a 401 or 403 there).
// Resolved callers are kept in the isolate's principal cache for up to 30 s (staleness bound and
// invalidation: worker/auth/principal-cache.ts), so a KV cache hit costs no database round trip. An address
// refused in the last minute pays for its lookups first (worker/auth/refused-addresses.ts).
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { findActiveApiKey, touchApiKey } from "../../db/queries/api-keys";
import { findSession } from "../../db/queries/sessions";
import { looksLikeApiKey } from "../auth/api-key-format";
import { sha256Hex } from "../auth/encoding";
import type { OrganizationSettings, Principal } from "../auth/principal";
import { apiKeyCacheKey, principalCache, sessionCacheKey } from "../auth/principal-cache";
import { markRefused, refusedRecently } from "../auth/refused-addresses";
import { readSessionToken } from "../auth/session-cookie";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { clientIp, spendApiKey, spendClientIp, spendUser } from "./rate-limit";

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
    if (c.req.method === "OPTIONS") return next();
    // Public paths, and paths with no route (only `app.use` middleware matched: the 404), count per IP.
    if (publicPaths.has(c.req.path) || !matchedRoutes(c).some((route) => route.method !== "ALL")) {
      await spendClientIp(c);
      return next();
    }
    const ip = clientIp(c.req.raw.headers);
    let counted = false;
    const beforeLookup = refusedRecently(ip)
      ? () => {
          counted = true;
          return spendClientIp(c);
        }
      : undefined;
    const caller = await resolveCaller(c, touchEvery, beforeLookup).catch(async (error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === "UNAUTHORIZED") markRefused(ip);
      if (error.code === "TOO_MANY_REQUESTS") throw error;
      if (!counted) await spendClientIp(c); // a refused credential counts against the address (429 once spent)
      if (OPTIONAL_CREDENTIAL_PATHS.has(c.req.path)) return null; // the anonymous view, never a 401 or 403
      throw error;
    });
    if (caller) {
      const { principal, organization } = caller;
      if (principal.apiKeyId) await spendApiKey(c, principal.apiKeyId);
      else if (principal.userId) await spendUser(c, principal.userId);
      c.set("principal", principal);
      c.set("organization", organization);
    }
    await next();
  };
}

/**
 * The caller behind the request's API key or session cookie; ApiError 401/403/429 when there is none allowed.
 * `beforeLookup` runs before a credential not in the principal cache is looked up in the database.
 */
async function resolveCaller(
  c: Context<AppEnv>,
  touchEvery: number,
  beforeLookup: (() => Promise<void>) | undefined,
): Promise<Caller> {
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
      await beforeLookup?.();
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
      await beforeLookup?.();
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

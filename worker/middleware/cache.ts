// KV cache-aside for read routes: answers from KV when the same organization asked the same question
// at the same data version, else runs the route and stores a 200 answer for `ttlSeconds` (default
// CACHE_TTL_SECONDS, 5 min). The key carries the org id and organizations.data_version, which every
// finished run bumps, so a sync shows on the next request; `X-Cache: HIT|MISS` says which happened.
// The KV write happens after the answer is sent (`executionCtx.waitUntil`); until it lands, this isolate
// answers the same key from the pending write, so the next identical request here is a HIT at once.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";

export interface CacheAsideOptions {
  ttlSeconds?: number;
  /** Response headers kept with the cached body besides Content-Type. */
  keepHeaders?: string[];
}

interface CachedAnswer {
  body: string;
  headers: Record<string, string>;
}

/** The cache key: organization, data version, path and the query with its parameters sorted. */
export function cacheKey(orgId: string, dataVersion: number, url: URL): string {
  const params = [...url.searchParams.entries()].sort(([a, x], [b, y]) =>
    a === b ? x.localeCompare(y) : a.localeCompare(b),
  );
  const query = new URLSearchParams(params).toString();
  return `api:v1:${orgId}:${dataVersion}:${url.pathname}${query ? `?${query}` : ""}`;
}

/** Answers being written to KV by this isolate, by key: read-your-writes before KV has them. */
const pendingWrites = new Map<string, CachedAnswer>();

function hit(c: Parameters<MiddlewareHandler<AppEnv>>[0], cached: CachedAnswer): void {
  c.res = new Response(cached.body, { status: 200, headers: { ...cached.headers, "X-Cache": "HIT" } });
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Cookie, Authorization");
}

export function cacheAside(options: CacheAsideOptions = {}): MiddlewareHandler<AppEnv> {
  const keep = ["Content-Type", "Content-Disposition", ...(options.keepHeaders ?? [])];
  return async function cacheAsideMiddleware(c, next) {
    const organization = c.get("organization");
    if (!organization || c.req.method !== "GET") return next();
    const key = cacheKey(organization.id, organization.dataVersion, new URL(c.req.url));
    const pending = pendingWrites.get(key);
    if (pending) return hit(c, pending);
    const cached = await c.var.cache.get<CachedAnswer>(key, "json");
    if (cached) return hit(c, cached);
    await next();
    c.header("X-Cache", "MISS");
    c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Cookie, Authorization");
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    const headers: Record<string, string> = {};
    for (const name of keep) {
      const value = c.res.headers.get(name);
      if (value) headers[name] = value;
    }
    const ttl = options.ttlSeconds ?? c.var.config.cacheTtlSeconds;
    const answer: CachedAnswer = { body, headers };
    pendingWrites.set(key, answer);
    const write = c.var.cache
      .put(key, JSON.stringify(answer), { expirationTtl: Math.max(60, ttl) })
      .catch((error: unknown) => {
        console.log(
          JSON.stringify({ level: "warn", message: "KV cache write failed", key, error: String(error) }),
        );
      })
      .finally(() => {
        if (pendingWrites.get(key) === answer) pendingWrites.delete(key);
      });
    c.executionCtx.waitUntil(write);
  };
}

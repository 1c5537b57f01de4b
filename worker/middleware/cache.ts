// KV cache-aside for read routes: answers from KV when the same organization asked the same question
// at the same data version, else runs the route and stores a 200 answer for `ttlSeconds` (default
// CACHE_TTL_SECONDS, 5 min). The key carries the org id and organizations.data_version, which every
// finished run bumps, so a sync shows on the next request; `X-Cache: HIT|MISS` says which happened.
// The question is the route's validated input (its own zod schemas, run here because route middleware
// runs before the validators), hashed: unknown parameters, their order and spelling make no other key,
// and any length fits KV's 512-byte key limit. Input the schemas refuse is not cached (the route answers 400).
// The KV write happens after the answer is sent (`executionCtx.waitUntil`); until it lands, this isolate
// answers the same key from the pending write, so the next identical request here is a HIT at once.
// KV holds the body as it was sent, its headers in the entry's metadata, and a hit streams the body out as
// KV hands it over: a large answer (ABC's every product, megabytes) is neither escaped into an envelope on
// the way in nor parsed out of one on the way back. A handler that streams an answer of any size (the supply
// plan's CSV) sets `Cache-Control: no-store`: that answer is passed through, never read whole to be kept.

import type { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { sha256Hex } from "../auth/encoding";
import type { AppEnv } from "../context";

export interface CacheAsideOptions {
  /** The route's query schema: the validated query is part of the question. */
  query?: z.ZodType;
  /** The route's path parameter schema. */
  params?: z.ZodType;
  ttlSeconds?: number;
  /** Response headers kept with the cached body besides Content-Type. */
  keepHeaders?: string[];
}

/** Response headers kept with a cached body (KV metadata, at most 1024 bytes: a type and a file name). */
type CachedHeaders = Record<string, string>;

interface CachedAnswer {
  /** The bytes as sent (text() would decode them and drop a CSV's byte order mark). */
  body: ArrayBuffer;
  headers: CachedHeaders;
}

/** A value with its object keys sorted, so equal questions serialize equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, entry]) => [name, canonical(entry)]),
    );
  }
  return value;
}

/** The query as Hono's validator hands it to the schema: a repeated parameter becomes a list. */
function queryInput(queries: Record<string, string[]>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(queries).map(([name, values]) => [
      name,
      values.length === 1 ? (values[0] as string) : values,
    ]),
  );
}

/**
 * The cache key: organization, data version, and a SHA-256 of the route and its validated input. The prefix moves
 * when answers change shape (v4: every paged answer carries `pages`), so that none cached before is served after.
 */
export async function cacheKey(
  orgId: string,
  dataVersion: number,
  question: { route: string; params?: unknown; query?: unknown },
): Promise<string> {
  return `api:v4:${orgId}:${dataVersion}:${await sha256Hex(JSON.stringify(canonical(question)))}`;
}

/** Answers being written to KV by this isolate, by key: read-your-writes before KV has them. */
const pendingWrites = new Map<string, CachedAnswer>();

function hit(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  body: ArrayBuffer | ReadableStream,
  headers: CachedHeaders,
): void {
  c.res = new Response(body, { status: 200, headers: { ...headers, "X-Cache": "HIT" } });
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Cookie, Authorization");
}

export function cacheAside(options: CacheAsideOptions = {}): MiddlewareHandler<AppEnv> {
  const keep = ["Content-Type", "Content-Disposition", ...(options.keepHeaders ?? [])];
  return async function cacheAsideMiddleware(c, next) {
    const organization = c.get("organization");
    if (!organization || c.req.method !== "GET") return next();
    const params = options.params ? options.params.safeParse(c.req.param()) : undefined;
    const query = options.query ? options.query.safeParse(queryInput(c.req.queries())) : undefined;
    if (params?.success === false || query?.success === false) return next();
    const key = await cacheKey(organization.id, organization.dataVersion, {
      route: c.req.routePath,
      params: params?.data,
      query: query?.data,
    });
    const pending = pendingWrites.get(key);
    if (pending) return hit(c, pending.body, pending.headers);
    const cached = await c.var.cache.getWithMetadata<CachedHeaders>(key, "stream");
    if (cached.value) return hit(c, cached.value, cached.metadata ?? {});
    await next();
    // A handler that streams an answer of any size (an export) says no-store: it is not read whole to be kept.
    const streamed = c.res.headers.get("Cache-Control") === "no-store";
    c.header("X-Cache", "MISS");
    if (!streamed) c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Cookie, Authorization");
    if (c.res.status !== 200 || streamed) return;
    const body = await c.res.clone().arrayBuffer();
    const headers: CachedHeaders = {};
    for (const name of keep) {
      const value = c.res.headers.get(name);
      if (value) headers[name] = value;
    }
    const ttl = options.ttlSeconds ?? c.var.config.cacheTtlSeconds;
    const answer: CachedAnswer = { body, headers };
    pendingWrites.set(key, answer);
    const write = c.var.cache
      .put(key, body, { expirationTtl: Math.max(60, ttl), metadata: headers })
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

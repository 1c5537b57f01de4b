// GET /api/health: is the service able to answer with fresh data? Checks the database round trip and
// KV, and reports the version. 503 names the failing part so an operator knows where to look.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { AppEnv } from "../context";

const CheckSchema = z
  .object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })
  .openapi("HealthCheck");

const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    failing: z.array(z.string()),
    checks: z.record(z.string(), CheckSchema),
  })
  .openapi("Health");

export type HealthReport = z.infer<typeof HealthSchema>;
type Check = z.infer<typeof CheckSchema>;

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["health"],
  summary: "Service health: database, KV and version",
  responses: {
    200: { description: "Every check passed", content: { "application/json": { schema: HealthSchema } } },
    503: {
      description: "A check failed; `failing` names it",
      content: { "application/json": { schema: HealthSchema } },
    },
  },
});

/** The root cause's message: drizzle wraps driver errors in "Failed query: …". */
function describeError(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

async function timed(probe: () => Promise<void>): Promise<Check> {
  const started = Date.now();
  try {
    await probe();
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      ms: Date.now() - started,
      error: describeError(error),
    };
  }
}

/** What the health check probes; the database handle is built inside the probe, so a bad URL fails it. */
export interface HealthServices {
  database: () => Database;
  cache: KVNamespace;
  version: string;
}

export async function checkHealth({ database: db, cache, version }: HealthServices): Promise<HealthReport> {
  const [database, kv] = await Promise.all([
    timed(async () => {
      const result = await db().execute(sql`select 1 as one`);
      if (result.rows[0]?.one !== 1) throw new Error("select 1 did not return 1");
    }),
    timed(async () => {
      const probe = crypto.randomUUID();
      await cache.put("health:probe", probe, { expirationTtl: 60 });
      // KV is eventually consistent across locations but read-your-writes within one.
      if ((await cache.get("health:probe")) !== probe) throw new Error("KV read did not return the write");
    }),
  ]);
  const checks = { database, kv };
  const failing = Object.entries(checks)
    .filter(([, check]) => !check.ok)
    .map(([name]) => name);
  return { status: failing.length ? "degraded" : "ok", version, failing, checks };
}

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { db, cache, config } = c.var;
    const report = await checkHealth({ database: () => db, cache, version: config.appVersion });
    c.header("Cache-Control", "no-store");
    return report.status === "ok" ? c.json(report, 200) : c.json(report, 503);
  });
}

// GET /api/health: is the service able to answer with fresh data? Checks the database round trip and
// KV, and reports the version; once the database answers, the `runs` check fails on a run stuck past its
// lease (health-runs.ts). 503 names the failing part. The route is public: anyone gets the checks with
// generic errors; a signed-in caller (session or API key) also gets their organization's accounts on a vendor
// endpoint that is deprecated or within 30 days of its switch-off (with the replacing adapter) and the accounts
// whose latest run failed. Neither degrades the status: they are the seller's to fix. The health-check cron
// keeps the operator's report, with the drivers' messages and the stuck runs by id.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { accountSunsetWarnings } from "../../cron/adapters/sunsets";
import type { Database } from "../../db/client";
import type { AccountEndpoints } from "../../db/schema/accounts";
import { MARKETPLACES, type Marketplace } from "../../db/schema/enums";
import { NoQuery } from "../api/common";
import { PUBLIC, publicErrorResponses } from "../api/responses";
import type { AppEnv } from "../context";
import { failedRunsOf, stuckMessage, stuckRuns } from "./health-runs";

const CheckSchema = z
  .object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })
  .openapi("HealthCheck");

const SunsetSchema = z
  .object({
    accountId: z.uuid(),
    marketplace: z.enum(MARKETPLACES),
    adapter: z.string(),
    endpoint: z.string(),
    state: z.enum(["switched-off", "switching-off", "deprecated"]),
    switchOffOn: z.string().nullable(),
    replacement: z.string().nullable(),
    message: z.string(),
  })
  .openapi("SunsetWarning");

const FailedRunSchema = z
  .object({ accountId: z.uuid(), runId: z.uuid(), error: z.string() })
  .openapi("FailedRun");

const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    failing: z.array(z.string()),
    checks: z.record(z.string(), CheckSchema),
    sunsets: z.array(SunsetSchema).openapi({
      description:
        "The caller's accounts on a vendor endpoint that is deprecated or switches off within 30 days (empty when not signed in)",
    }),
    failedRuns: z.array(FailedRunSchema).openapi({
      description:
        "The caller's accounts whose latest run failed, with its reason (empty when not signed in)",
    }),
  })
  .openapi("Health");

export type HealthReport = z.infer<typeof HealthSchema>;
type Check = z.infer<typeof CheckSchema>;

const route = createRoute({
  method: "get",
  operationId: "getHealth",
  path: "/api/health",
  tags: ["health"],
  summary:
    "Service health: database, KV, stuck runs and version; for a signed-in caller, their accounts on a vendor endpoint about to go and their failed runs",
  security: PUBLIC,
  request: { query: NoQuery },
  responses: {
    ...publicErrorResponses(400),
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

type SunsetEntry = z.infer<typeof SunsetSchema>;

/** The sunset warnings of the enabled accounts in scope; none when they cannot be read (the database check says why). */
async function accountSunsets(db: Database, nowMs: number, orgId: string | null): Promise<SunsetEntry[]> {
  try {
    const result = await db.execute(
      sql`select id, marketplace, endpoints from marketplace_accounts
        where enabled and (${orgId}::uuid is null or org_id = ${orgId}::uuid) order by marketplace, name`,
    );
    return result.rows.flatMap((row) => {
      const marketplace = row.marketplace as Marketplace;
      const endpoints = (row.endpoints ?? {}) as AccountEndpoints;
      return accountSunsetWarnings(marketplace, endpoints, nowMs).map((w) => ({
        accountId: String(row.id),
        marketplace,
        adapter: w.adapter,
        endpoint: w.endpoint,
        state: w.state,
        switchOffOn: w.switchOffOn,
        replacement: w.replacement,
        message: w.message,
      }));
    });
  } catch {
    return [];
  }
}

/** What the health check probes; the database handle is built inside the probe, so a bad URL fails it. */
export interface HealthServices {
  database: () => Database;
  cache: KVNamespace;
  version: string;
  /** The moment the sunset warnings and the runs are judged at (default now). */
  nowMs?: number;
  /**
   * Who reads the report: the operator (the health-check cron: every account, drivers' messages, stuck runs by
   * id), an organization's member (their accounts; generic errors), or anyone (the checks only).
   */
  viewer?: { kind: "operator" } | { kind: "organization"; orgId: string } | { kind: "anonymous" };
}

const GENERIC_ERRORS: Record<string, string> = {
  database: "the database did not answer (the operator's health report has the cause)",
  kv: "KV did not answer (the operator's health report has the cause)",
};

export async function checkHealth({
  database: db,
  cache,
  version,
  nowMs = Date.now(),
  viewer = { kind: "operator" },
}: HealthServices): Promise<HealthReport> {
  const operator = viewer.kind === "operator";
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
  const checks: Record<string, Check> = { database, kv };
  const orgId = viewer.kind === "organization" ? viewer.orgId : null;
  const inScope = database.ok && viewer.kind !== "anonymous";
  // Once the database answers, the stuck runs, the sunsets and the failed runs are read side by side.
  const [runs, sunsets, failedRuns] = await Promise.all([
    database.ok
      ? timed(async () => {
          const stuck = await stuckRuns(db(), nowMs);
          if (stuck.length > 0) throw new Error(stuckMessage(stuck, operator));
        })
      : undefined,
    inScope ? accountSunsets(db(), nowMs, orgId) : [],
    inScope && orgId ? failedRunsOf(db(), orgId).catch(() => []) : [],
  ]);
  if (runs) checks.runs = runs;
  if (!operator)
    for (const [name, check] of Object.entries(checks))
      if (check.error && GENERIC_ERRORS[name]) check.error = GENERIC_ERRORS[name];
  const failing = Object.entries(checks)
    .filter(([, check]) => !check.ok)
    .map(([name]) => name);
  return { status: failing.length ? "degraded" : "ok", version, failing, checks, sunsets, failedRuns };
}

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { db, cache, config, principal } = c.var;
    const report = await checkHealth({
      database: () => db,
      cache,
      version: config.appVersion,
      viewer: principal ? { kind: "organization", orgId: principal.orgId } : { kind: "anonymous" },
    });
    c.header("Cache-Control", "no-store");
    return report.status === "ok" ? c.json(report, 200) : c.json(report, 503);
  });
}

// `npm run bench:api`: p50 / p95 of every read route (test/bench/api-routes.ts: each with its common
// filters) through the Worker, cache miss and hit, beside the naive raw-row query, on 10,000 products × 40
// warehouses (400,000 inventory rows) and 2,000,000 sales rows in a real PostgreSQL; then the plans of the
// slowest variants' statements (api-explain.ts). Writes bench-results/api.json and api-explain.txt. Sizes
// shrink with BENCH_PRODUCTS / BENCH_SALES / BENCH_SAMPLES, BENCH_ONLY picks variants, BENCH_UPKEEP=0 leaves the
// finalize upkeep out, for quick runs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { neon, neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import { unstable_dev } from "wrangler";
import { migrateDatabase } from "../../db/migrate";
import {
  dashboardRulesFromRow,
  dashboardRulesSql,
  refreshDashboardReadModels,
} from "../../db/queries/dashboard-store";
import { refreshSalesWindows } from "../../db/queries/sales-windows";
import { rebuildSupplyPlanLines } from "../../db/queries/supply-plan-lines";
import { hashPassword } from "../../worker/auth/password";
import { type ExplainedStatement, explainDuring, planLog, setAutoExplain } from "./api-explain";
import { startBenchPostgres } from "./api-postgres";
import { benchVariants, type RouteContext } from "./api-routes";
import { seedBenchData } from "./api-seed";
import { seedBenchHistory } from "./api-seed-history";
import { measureUpkeep } from "./api-upkeep";
import { runInTransaction, runStatements } from "./pg-statements";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const SALES = Number(process.env.BENCH_SALES ?? 2_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const WAREHOUSES = 40;
/** Days of stock snapshots: 90 × 400,000 cells = 36,000,000 inventory_daily rows at full size. */
const SNAPSHOT_DAYS = Number(process.env.BENCH_SNAPSHOT_DAYS ?? 90);

/** BENCH_ONLY=analytics (or a comma list, dashboard,inventory): only the variants whose name starts so. */
const ONLY = process.env.BENCH_ONLY?.split(",").filter((prefix) => prefix.length > 0);
/** How many of the slowest variants get their statements' plans kept. */
const EXPLAINED_VARIANTS = 8;

interface RouteResult {
  path: string;
  /** Null when the route did not answer (`error`). */
  miss_p50_ms: number | null;
  miss_p95_ms: number | null;
  hit_p50_ms: number | null;
  hit_p95_ms: number | null;
  naive_p95_ms: number | null;
  /** miss p95 < 50 ms, hit p95 < 15 ms, and miss p95 below the naive baseline's p95. */
  meets: boolean;
  /** Why the route did not answer 200 (the variant is recorded as not met and the run goes on). */
  error?: string;
}

/** The ids and days the variants name: a WB warehouse, an Ozon cluster, the first product, the WB account and its
 * newest run, the organization's today. */
async function routeContext(serverUrl: string, orgId: string): Promise<RouteContext> {
  const client = new pg.Client({ connectionString: serverUrl.replace(/\/[^/]*$/, "/bench") });
  await client.connect();
  try {
    const found = await client.query(
      `select (select min(id) from warehouses where org_id = $1 and marketplace = 'wb')::int as warehouse_id,
        (select min(id) from products where org_id = $1)::int as product_id,
        (select min(cluster) from warehouses where org_id = $1) as cluster,
        (select id from marketplace_accounts where org_id = $1 and marketplace = 'wb') as account_id,
        (select r.id from etl_runs r join marketplace_accounts a on a.id = r.account_id
          where r.org_id = $1 and a.marketplace = 'wb' order by r.started_at desc limit 1) as run_id,
        to_char((now() at time zone o.time_zone)::date, 'YYYY-MM-DD') as today,
        to_char((now() at time zone o.time_zone)::date - 89, 'YYYY-MM-DD') as from90
      from organizations o where o.id = $1`,
      [orgId],
    );
    const row = found.rows[0];
    return {
      orgId,
      warehouseId: row.warehouse_id,
      productId: row.product_id,
      cluster: row.cluster,
      accountId: row.account_id,
      runId: row.run_id,
      today: row.today,
      from90: row.from90,
    };
  } finally {
    await client.end();
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) * 10) / 10
  );
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const postgres = startBenchPostgres();
  // Not a static import: dev/neon-endpoint is its own module with its own release cadence.
  const endpointModule = "../../dev/neon-endpoint/server";
  const { startNeonEndpoint } = await import(endpointModule);
  const endpoint = await startNeonEndpoint({ port: 0, backend: { kind: "postgres", url: postgres.url } });
  let worker: Awaited<ReturnType<typeof unstable_dev>> | undefined;
  try {
    // BENCH_POSTGRES_URL + BENCH_REUSE=1: measure again on the "bench" database an earlier run seeded on
    // that server (a server given by URL is never stopped), e.g. to compare two versions of the Worker.
    const reuse = process.env.BENCH_REUSE === "1" && process.env.BENCH_POSTGRES_URL !== undefined;
    await endpoint.createDatabase("bench").catch((error: unknown) => {
      if (!reuse) throw error; // reusing: it exists already
    });
    const databaseUrl: string = endpoint.connectionString("bench");
    await migrateDatabase({ url: databaseUrl, httpEndpoint: endpoint.sqlUrl });
    const direct = new pg.Client({ connectionString: postgres.url.replace(/\/[^/]*$/, "/bench") });
    await direct.connect();
    let orgId: string = crypto.randomUUID();
    const seeded = reuse
      ? await direct.query("select id from organizations where slug = 'bench'")
      : undefined;
    if (seeded?.rows[0]) {
      orgId = seeded.rows[0].id;
      console.log(`reusing the seeded database (organization ${orgId})`);
      // Read models a newer migration added empty (a finalize would fill them): the per-period ones again.
      await runStatements(direct, refreshSalesWindows({ orgId }));
      // Rows a later version of the seed added (runs, alerts, clusters), once.
      await seedBenchHistory(direct, orgId);
      // The supply plan's lines, when a warehouse moved since they were written (the migration wrote them).
      const stale = await direct.query("select supply_plan_stale from organizations where id = $1", [orgId]);
      if (stale.rows[0]?.supply_plan_stale) await runStatements(direct, rebuildSupplyPlanLines(orgId));
      await direct.query("analyze etl_runs, etl_pages, etl_rejects, alert_deliveries, warehouses");
    } else {
      console.log(`seeding ${PRODUCTS} products × ${WAREHOUSES} warehouses, ${SALES} sales…`);
      await seedBenchData(direct, orgId, await hashPassword("bench-password"), {
        products: PRODUCTS,
        warehouses: WAREHOUSES,
        sales: SALES,
        snapshotDays: SNAPSHOT_DAYS,
      });
    }
    const counts = await direct.query(
      "select (select count(*) from inventory)::int as inventory, (select count(*) from sales)::int as sales",
    );
    // BENCH_UPKEEP=0: the read routes only (a whole finalize at full scale takes minutes), upkeep null.
    const upkeep = process.env.BENCH_UPKEEP === "0" ? null : await measureUpkeep(direct, orgId);
    console.log("finalize upkeep of the read models:", JSON.stringify(upkeep));

    // The Worker with the real wrangler.toml, but rate limits out of the way of a benchmark.
    const config = readFileSync("wrangler.toml", "utf8").replace(
      /simple = \{ limit = \d+/g,
      "simple = { limit = 1000000",
    );
    mkdirSync(".wrangler", { recursive: true });
    writeFileSync(
      ".wrangler/bench.wrangler.toml",
      config
        .replace('main = "worker/index.ts"', 'main = "../worker/index.ts"')
        .replace('directory = "./dist/web"', 'directory = "../dist/web"'),
    );
    worker = await unstable_dev("worker/index.ts", {
      config: ".wrangler/bench.wrangler.toml",
      vars: {
        DATABASE_URL: databaseUrl,
        NEON_HTTP_ENDPOINT: endpoint.sqlUrl,
        SESSION_SECRET: "bench-session-secret",
        CREDENTIALS_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      },
      experimental: { disableExperimentalWarning: true },
    });
    const signIn = async (): Promise<string> => {
      const login = await worker?.fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "bench@example.test", password: "bench-password" }),
      });
      if (login?.status !== 200) throw new Error(`login failed: ${login?.status} ${await login?.text()}`);
      return (login.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    };
    const cookie = await signIn();
    // Every sample checks it was the miss or hit it claims to be (KV persists between runs).
    const call = async (path: string, expected?: "HIT" | "MISS", options = { anyStatus: false }) => {
      const response = await worker?.fetch(path, { headers: { Cookie: cookie } });
      if (!response || (response.status !== 200 && !options.anyStatus))
        throw new Error(`${path}: ${response?.status} ${await response?.text()}`);
      await response.arrayBuffer();
      const cache = response.headers.get("X-Cache");
      if (expected && cache !== expected) throw new Error(`${path}: X-Cache ${cache}, expected ${expected}`);
      return cache;
    };
    // A settings change moves the organization's data version, and this isolate's cached caller with it (in place:
    // no session lookup follows): the next request is a miss, as right after a sync. A caller cached in an
    // isolate learns of a run elsewhere when its entry expires (30 s) and the session is looked up again: that
    // lookup, which such a miss adds, is timed on its own below (session_lookup).
    // Untimed, so tried again when workerd restarted mid-request (a 503 it does not retry for a PATCH), as it
    // did once under heavy load on the shared machine. The lead time goes between 14 and 15 days: a change that
    // sets what is already set moves nothing (and the next request would be a hit).
    let leadTimeDays = 14;
    const newDataVersion = async () => {
      leadTimeDays = leadTimeDays === 14 ? 15 : 14;
      for (let attempt = 1; ; attempt++) {
        const response = await worker?.fetch("/api/settings", {
          method: "PATCH",
          headers: { Cookie: cookie, "Content-Type": "application/json" },
          body: JSON.stringify({ leadTimeDays }),
        });
        const ok = response?.status === 200;
        if (!ok && (response?.status !== 503 || attempt === 3))
          throw new Error(`settings: ${response?.status} ${await response?.text()}`);
        await response?.arrayBuffer();
        if (ok) return;
      }
    };
    // The Overview's stored answers as a finalize writes them (the warehouses' too), in one transaction.
    const storeAsFinalizeDoes = async () => {
      const [rules] = await runStatements(direct, [dashboardRulesSql(orgId)]);
      const row = rules?.rows[0] ?? {};
      await runInTransaction(direct, refreshDashboardReadModels(orgId, dashboardRulesFromRow(row)));
    };
    neonConfig.fetchEndpoint = endpoint.sqlUrl;
    const naiveSql = neon(databaseUrl);
    const context = await routeContext(postgres.url, orgId);
    const variants = benchVariants(context).filter(
      (v) => ONLY === undefined || ONLY.some((prefix) => v.name.startsWith(prefix)),
    );
    const routes: Record<string, RouteResult> = {};
    for (const variant of variants) {
      const { path } = variant;
      try {
        const expect = (cache: "HIT" | "MISS") => (variant.cached ? cache : undefined);
        const options = { anyStatus: variant.anyStatus === true };
        // A settings change stores all but the warehouses' Overviews; a run's finalize stores those too.
        const moveVersion = async () => {
          await newDataVersion();
          if (variant.storedByFinalize) await storeAsFinalizeDoes();
        };
        await moveVersion();
        await call(path, expect("MISS"), options);
        const miss: number[] = [];
        // The cache key carries the organization's data version: a new one before each sample (untimed).
        for (let i = 0; i < SAMPLES; i++) {
          await moveVersion();
          miss.push(await timed(() => call(path, expect("MISS"), options)));
        }
        const hit: number[] = [];
        if (variant.cached) {
          // Untimed first, as the miss above: the first variant's hits otherwise timed the hit path's warm-up
          // (29 ms p95 for whichever variant ran first, 7–9 ms for the same variant later in the run).
          await call(path, "HIT", options);
          for (let i = 0; i < SAMPLES; i++) hit.push(await timed(() => call(path, "HIT", options)));
        }
        const baseline: number[] = [];
        const naiveText = variant.naive?.(context);
        if (naiveText !== undefined) {
          for (let i = 0; i < Math.max(5, Math.floor(SAMPLES / 6)); i++)
            baseline.push(await timed(() => naiveSql.query(naiveText)));
        }
        const result: RouteResult = {
          path,
          miss_p50_ms: percentile(miss, 50),
          miss_p95_ms: percentile(miss, 95),
          hit_p50_ms: variant.cached ? percentile(hit, 50) : null,
          hit_p95_ms: variant.cached ? percentile(hit, 95) : null,
          naive_p95_ms: naiveText === undefined ? null : percentile(baseline, 95),
          meets: false,
        };
        result.meets =
          result.miss_p95_ms !== null &&
          result.miss_p95_ms < 50 &&
          (result.hit_p95_ms === null || result.hit_p95_ms < 15) &&
          (result.naive_p95_ms === null || (result.miss_p95_ms ?? 0) < result.naive_p95_ms);
        routes[variant.name] = result;
        console.log(variant.name, JSON.stringify(result));
      } catch (error) {
        // A route that fails (e.g. an answer over the database's response limit) is a result, not the run's end.
        const failed: RouteResult = {
          path,
          miss_p50_ms: null,
          miss_p95_ms: null,
          hit_p50_ms: null,
          hit_p95_ms: null,
          naive_p95_ms: null,
          meets: false,
          error: (error instanceof Error ? error.message : String(error)).slice(0, 300),
        };
        routes[variant.name] = failed;
        console.log(variant.name, JSON.stringify(failed));
      }
    }

    // The session lookup: a signed-in caller's first request in an isolate that has not cached it (a new sign-in,
    // or any request after its cached entry expired), GET /api/auth/me with a session signed in just before (untimed).
    const lookups: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const fresh = await signIn();
      lookups.push(
        await timed(async () => {
          const response = await worker?.fetch("/api/auth/me", { headers: { Cookie: fresh } });
          if (response?.status !== 200) throw new Error(`auth/me: ${response?.status}`);
          await response.arrayBuffer();
        }),
      );
    }
    const sessionLookup = { p50_ms: percentile(lookups, 50), p95_ms: percentile(lookups, 95) };
    console.log("session lookup (a session's first request in an isolate)", JSON.stringify(sessionLookup));

    // EXPLAIN (ANALYZE, BUFFERS) of the slowest variants' slowest statements, after the timed samples.
    const explained: ExplainedStatement[] = [];
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const log = await planLog(admin, postgres.logFile);
    if ("file" in log) {
      const logFile = log.file;
      await setAutoExplain(admin, true);
      try {
        const slowest = Object.entries(routes)
          .filter(([, r]) => r.error === undefined)
          .sort(([, a], [, b]) => (b.miss_p95_ms ?? 0) - (a.miss_p95_ms ?? 0))
          .slice(0, EXPLAINED_VARIANTS);
        for (const [name, result] of slowest) {
          await newDataVersion();
          const variant = variants.find((v) => v.name === name);
          explained.push(
            ...(await explainDuring(logFile, name, 2, () =>
              call(result.path, undefined, {
                anyStatus: variant?.anyStatus === true,
              }),
            )),
          );
        }
      } finally {
        await setAutoExplain(admin, false);
      }
    } else {
      console.log(`plans: not kept (${log.missing})`);
    }
    await admin.end();

    const failing = Object.entries(routes).filter(([, r]) => !r.meets);
    console.log(
      `${Object.keys(routes).length - failing.length}/${Object.keys(routes).length} variants meet miss p95 < 50 ms, hit p95 < 15 ms and beat their naive baseline`,
    );
    for (const [name, r] of failing) console.log(`  not met: ${name} ${JSON.stringify(r)}`);
    const result = {
      inventory_rows: counts.rows[0].inventory,
      sales_rows: counts.rows[0].sales,
      samples: SAMPLES,
      finalize_upkeep: upkeep,
      session_lookup: sessionLookup,
      routes,
      slowest_statements: explained,
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/api.json", `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      "bench-results/api-explain.txt",
      "file" in log
        ? explained.map((e) => `== ${e.variant}: ${e.ms} ms\n${e.plan}\n`).join("\n")
        : `No plans: ${log.missing}.\n`,
    );
    console.log("wrote bench-results/api.json and bench-results/api-explain.txt");
    await direct.end();
  } finally {
    await worker?.stop();
    await endpoint.close();
    postgres.stop();
  }
}

await main();

// `npm run bench:api`: p50 / p95 of the dashboard, inventory list, analytics and recommendations
// endpoints through the Worker (cache miss and hit) beside the naive raw-row queries, on 10,000
// products × 40 warehouses (400,000 inventory rows) and 2,000,000 sales rows in a real PostgreSQL.
// Writes bench-results/api.json. Sizes can be shrunk with BENCH_PRODUCTS / BENCH_SALES for a smoke run.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { neon, neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import { unstable_dev } from "wrangler";
import { migrateDatabase } from "../../db/migrate";
import { hashPassword } from "../../worker/auth/password";
import { naiveQueries } from "./api-naive";
import { startBenchPostgres } from "./api-postgres";
import { seedBenchData } from "./api-seed";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const SALES = Number(process.env.BENCH_SALES ?? 2_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const WAREHOUSES = 40;

const ENDPOINTS: Record<string, string> = {
  dashboard: "/api/dashboard",
  inventory: "/api/inventory?sort=available&pageSize=50",
  analytics: "/api/analytics/kpis",
  recommendations: "/api/recommendations",
};

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
    } else {
      console.log(`seeding ${PRODUCTS} products × ${WAREHOUSES} warehouses, ${SALES} sales…`);
      await seedBenchData(direct, orgId, await hashPassword("bench-password"), {
        products: PRODUCTS,
        warehouses: WAREHOUSES,
        sales: SALES,
      });
    }
    const counts = await direct.query(
      "select (select count(*) from inventory)::int as inventory, (select count(*) from sales)::int as sales",
    );
    await direct.end();

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
    const login = await worker.fetch("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "bench@example.test", password: "bench-password" }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    // KV persists between runs (and a reused database keeps its organization and data version), so
    // every run asks with its own nonce, and every sample checks it was the miss or hit it claims to be.
    const nonce = Date.now().toString(36);
    const call = async (path: string, expected?: "HIT" | "MISS") => {
      const response = await worker?.fetch(path, { headers: { Cookie: cookie } });
      if (response?.status !== 200) throw new Error(`${path}: ${response?.status} ${await response?.text()}`);
      await response.arrayBuffer();
      const cache = response.headers.get("X-Cache");
      if (expected && cache !== expected) throw new Error(`${path}: X-Cache ${cache}, expected ${expected}`);
      return cache;
    };
    neonConfig.fetchEndpoint = endpoint.sqlUrl;
    const naiveSql = neon(databaseUrl);
    const naive = naiveQueries(orgId);
    const endpoints: Record<string, Record<string, number>> = {};
    for (const [name, path] of Object.entries(ENDPOINTS)) {
      const separator = path.includes("?") ? "&" : "?";
      await call(`${path}${separator}warmup=${nonce}`, "MISS");
      const miss: number[] = [];
      // An unknown parameter makes a new cache key (the route ignores it): every request is a miss.
      for (let i = 0; i < SAMPLES; i++)
        miss.push(await timed(() => call(`${path}${separator}bench=${nonce}-${i}`, "MISS")));
      const hit: number[] = [];
      for (let i = 0; i < SAMPLES; i++)
        hit.push(await timed(() => call(`${path}${separator}bench=${nonce}-0`, "HIT")));
      const baseline: number[] = [];
      for (let i = 0; i < Math.max(5, Math.floor(SAMPLES / 6)); i++)
        baseline.push(await timed(() => naiveSql.query(naive[name] as string)));
      endpoints[name] = {
        miss_p50_ms: percentile(miss, 50),
        miss_p95_ms: percentile(miss, 95),
        hit_p50_ms: percentile(hit, 50),
        hit_p95_ms: percentile(hit, 95),
        naive_p95_ms: percentile(baseline, 95),
      };
      console.log(name, endpoints[name]);
    }
    const result = { inventory_rows: counts.rows[0].inventory, sales_rows: counts.rows[0].sales, endpoints };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/api.json", `${JSON.stringify(result, null, 2)}\n`);
    console.log("wrote bench-results/api.json");
  } finally {
    await worker?.stop();
    await endpoint.close();
    postgres.stop();
  }
}

await main();

// `npm run dev`: the whole product on one machine with no accounts and no network. Starts the local
// Neon endpoint (PGlite, data under .data/), applies migrations, starts the marketplace simulator,
// seeds the demo seller, builds the dashboard, runs `wrangler dev` on http://127.0.0.1:8787 and fires a
// first full sync. The demo world then follows the wall clock (dev/demo-clock.ts). Ctrl-C stops everything.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { followWallClock } from "./demo-clock";
import { DEMO_LOGIN, seedDemo } from "./demo-seed";
import { startNeonEndpoint } from "./neon-endpoint/server";
import { HOUR_MS } from "./sim/clock";
import { startSimulator } from "./sim/server";
import { startTelegramStandIn } from "./telegram/server";
import { wranglerDevArgs } from "./wrangler-dev";

const HELP = `Usage: npm run dev -- [options]

Options:
  --port <n>        Worker port (default 8787)
  --db-port <n>     local Neon endpoint port (default 8791)
  --sim-port <n>    marketplace simulator port (default 8790)
  --data-dir <dir>  PGlite data folder (default .data/pglite); "memory" keeps nothing
  --postgres <url>  use a real PostgreSQL server instead of PGlite
  --ip-rate-limit <n>  requests per minute per IP on /api from callers not signed in (default 60, as in
                    production; end-to-end runs raise it because every request comes from 127.0.0.1)
  --user-rate-limit <n>  requests per minute per signed-in user (default 300, as in production;
                    end-to-end runs raise it so that the checks' own speed never meets it)
  --size <n>        the demo seller's listings across both marketplaces (default 3000)
  --step-budget-ms <n>  ms one ingest queue delivery runs further pages itself (default: wrangler.toml's
                    INGEST_STEP_BUDGET_MS; 0 = one queue message per page)
  --sim-clock <live|frozen>  live (default): the demo world keeps selling as real time passes; frozen: it
                    stays at the hour it started (end-to-end runs, whose checks compare with its truth)
  --help            show this help`;

/** The local alert bot: Telegram's updates reach POST /api/telegram/webhook with this secret header. */
const DEV_TELEGRAM = {
  TELEGRAM_BOT_TOKEN: "dev-bot-token",
  TELEGRAM_WEBHOOK_SECRET: "dev-telegram-secret",
  TELEGRAM_BOT_USERNAME: "MiCoreDevBot",
};

/** Days of demo order history: the last 30 days and the 30 before them, which Analytics compares with. */
const DEMO_HISTORY_DAYS = 60;

function integerOption(name: string, value: string | undefined, fallback: number, max = 65_535): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    console.error(`--${name} must be a whole number between 1 and ${max}, got "${value}"`);
    process.exit(2);
  }
  return number;
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      options: {
        port: { type: "string" },
        "db-port": { type: "string" },
        "sim-port": { type: "string" },
        "data-dir": { type: "string" },
        postgres: { type: "string" },
        "ip-rate-limit": { type: "string" },
        "user-rate-limit": { type: "string" },
        size: { type: "string" },
        "step-budget-ms": { type: "string" },
        "sim-clock": { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exit(2);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = integerOption("port", values.port as string | undefined, 8787);
  const dbPort = integerOption("db-port", values["db-port"] as string | undefined, 8791);
  const simPort = integerOption("sim-port", values["sim-port"] as string | undefined, 8790);
  const dataDir = (values["data-dir"] as string | undefined) ?? ".data/pglite";
  const postgres = values.postgres as string | undefined;
  const ipRateLimit = integerOption(
    "ip-rate-limit",
    values["ip-rate-limit"] as string | undefined,
    60,
    1_000_000,
  );
  const userRateLimit = integerOption(
    "user-rate-limit",
    values["user-rate-limit"] as string | undefined,
    300,
    1_000_000,
  );
  const size = integerOption("size", values.size as string | undefined, 3000, 1_000_000);
  const stepBudgetMs = values["step-budget-ms"] as string | undefined;
  if (stepBudgetMs !== undefined && !/^\d{1,6}$/.test(stepBudgetMs)) {
    console.error(
      `--step-budget-ms must be a whole number of milliseconds (0 or more), got "${stepBudgetMs}"`,
    );
    process.exit(2);
  }

  const simClock = (values["sim-clock"] as string | undefined) ?? "live";
  if (simClock !== "live" && simClock !== "frozen") {
    console.error(`--sim-clock must be live or frozen, got "${simClock}"`);
    process.exit(2);
  }

  if (!postgres && dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  console.log("1/5 Starting the local Neon endpoint…");
  const endpoint = await startNeonEndpoint({
    port: dbPort,
    backend: postgres
      ? { kind: "postgres", url: postgres }
      : { kind: "pglite", dataDir: dataDir === "memory" ? undefined : dataDir },
  });
  const databaseUrl = endpoint.connectionString("main");
  console.log(`    ${endpoint.sqlUrl} (${postgres ? "PostgreSQL" : `PGlite, ${dataDir}`})`);

  console.log("2/5 Applying migrations…");
  await migrateDatabase({ url: databaseUrl, httpEndpoint: endpoint.sqlUrl });

  console.log("3/5 Starting the marketplace simulator and seeding the demo seller…");
  // Minute-long vendor rate windows pass 60× faster, so the demo's first sync takes seconds, not minutes.
  const timeScale = 60;
  // The simulated world starts at the current hour with 60 days of history before it, so the dashboard, which
  // counts back from today, opens on a month of sales and Analytics' previous 30 days are not empty (tests keep
  // the simulator's fixed default start).
  const start = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
  const simulator = await startSimulator({
    port: simPort,
    timeScale,
    size,
    start,
    historyDays: DEMO_HISTORY_DAYS,
  });
  console.log(
    `    ${simulator.url}${simClock === "live" ? " (following the wall clock)" : " (clock frozen)"}`,
  );
  const stopClock = simClock === "live" ? followWallClock(simulator) : () => {};
  const credentialsKey = "ZGV2LW9ubHktY3JlZGVudGlhbHMta2V5LTMyYnl0ZXM=";
  const db = createDatabase({ url: databaseUrl, httpEndpoint: endpoint.sqlUrl });
  await seedDemo(db, {
    simulatorUrl: simulator.url,
    credentialsKey,
    rateScale: timeScale,
  });

  // Alerts: a stand-in for Telegram's Bot API (and a webhook receiver at /_webhook/<name>) on a free port.
  const telegram = await startTelegramStandIn({ port: 0, token: DEV_TELEGRAM.TELEGRAM_BOT_TOKEN });
  console.log(`    Telegram stand-in ${telegram.url}`);

  console.log("4/5 Building the dashboard…");
  const build = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the dashboard build failed (see above)");

  console.log(`5/5 Starting the Worker on http://127.0.0.1:${port} …`);
  const vars: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    NEON_HTTP_ENDPOINT: endpoint.sqlUrl,
    CREDENTIALS_KEY: credentialsKey,
    SESSION_SECRET: "dev-only-session-secret",
    SIMULATOR_URL: simulator.url,
    ...DEV_TELEGRAM,
    TELEGRAM_API_BASE: telegram.url,
    ...(stepBudgetMs !== undefined ? { INGEST_STEP_BUDGET_MS: stepBudgetMs } : {}),
  };
  // Local KV, queue and Durable Object state lives beside the database's data (or in a throwaway folder),
  // so two dev servers never share one .wrangler/state.
  const persistTo =
    postgres || dataDir === "memory"
      ? mkdtempSync(join(tmpdir(), "mi-core-wrangler-"))
      : `${dataDir}-wrangler`;
  const wrangler: ChildProcess = spawn(
    "npx",
    [
      "wrangler",
      ...wranglerDevArgs({
        port,
        persistTo,
        vars,
        extra:
          ipRateLimit === 60 && userRateLimit === 300
            ? []
            : ["--config", devConfigWithRateLimits(ipRateLimit, userRateLimit)],
      }),
    ],
    // Its own process group, so stopping reaches npx, wrangler and workerd alike.
    { stdio: "inherit", detached: true },
  );

  void firstSync(port, db).catch((error: unknown) => {
    console.error(
      `The first sync could not be started: ${error instanceof Error ? error.message : String(error)}`,
    );
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    stopClock();
    if (wrangler.pid !== undefined && wrangler.exitCode === null) {
      try {
        process.kill(-wrangler.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await simulator.close();
    await telegram.close();
    await endpoint.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  wrangler.on("exit", (code) => void stop(code ?? 0));
}

/** wrangler.toml with other per-IP and per-user limits, written beside it (git-ignored) so relative paths hold. */
function devConfigWithRateLimits(ipLimit: number, userLimit: number): string {
  const original = readFileSync("wrangler.toml", "utf8");
  const limitOf = (binding: string) => new RegExp(`(name = "${binding}"[^[]*?simple = \\{ limit = )\\d+`);
  const changed = original
    .replace(limitOf("IP_RATE_LIMITER"), `$1${ipLimit}`)
    .replace(limitOf("USER_RATE_LIMITER"), `$1${userLimit}`)
    .replace(/RATE_LIMIT_PER_MINUTE = "\d+"/, `RATE_LIMIT_PER_MINUTE = "${ipLimit}"`);
  if (changed === original) throw new Error("could not find the rate limiters in wrangler.toml");
  writeFileSync("wrangler.dev.toml", changed);
  return "wrangler.dev.toml";
}

/**
 * Waits for the Worker to answer, fires the full-sync cron once, says how to sign in, and prints the sync's wall
 * time once every run it started has ended.
 */
async function firstSync(port: number, db: Database): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    const health = await fetch(`${base}/api/health`).catch(() => null);
    if (health?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const firedAt = new Date();
  const fired = await fetch(`${base}/__scheduled?cron=${encodeURIComponent("0 3,15 * * *")}`);
  if (!fired.ok) throw new Error(`/__scheduled answered ${fired.status}`);
  console.log(
    `\nMI Core Edge is running on ${base}: sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
  );
  console.log(
    "A first full sync of the demo seller has started (see Sync in the dashboard, or `npm run cli -- runs`).\n",
  );
  await reportSync(db, firedAt);
}

/** Prints the wall time of the runs started since `firedAt`, once none of them is running any more. */
async function reportSync(db: Database, firedAt: Date): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { rows } = await db.execute(
      sql`select a.marketplace, r.status, r.extracted, r.pages_done,
          extract(epoch from (coalesce(r.finished_at, now()) - ${firedAt.toISOString()}::timestamptz))::float as seconds
        from etl_runs r join marketplace_accounts a on a.id = r.account_id
        where r.started_at >= ${firedAt.toISOString()}::timestamptz and r.status <> 'refused'`,
    );
    if (rows.length === 0 || rows.some((row) => row.status === "running")) continue;
    const seconds = Math.max(...rows.map((row) => Number(row.seconds)));
    const each = rows
      .map((row) => `${row.marketplace} ${row.status}: ${row.extracted} rows, ${row.pages_done} pages`)
      .join("; ");
    console.log(`First sync finished in ${seconds.toFixed(1)} s (${each})`);
    return;
  }
}

main().catch((error: unknown) => {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// `npm run dev`: the whole product on one machine with no accounts and no network. Starts the local
// Neon endpoint (PGlite, data under .data/), applies migrations, starts the marketplace simulator,
// builds the dashboard and runs `wrangler dev` on http://127.0.0.1:8787. Ctrl-C stops everything.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../db/migrate";
import { startNeonEndpoint } from "./neon-endpoint/server";
import { startSimulator } from "./sim/server";

const HELP = `Usage: npm run dev -- [options]

Options:
  --port <n>        Worker port (default 8787)
  --db-port <n>     local Neon endpoint port (default 8791)
  --sim-port <n>    marketplace simulator port (default 8790)
  --data-dir <dir>  PGlite data folder (default .data/pglite); "memory" keeps nothing
  --postgres <url>  use a real PostgreSQL server instead of PGlite
  --help            show this help`;

function portOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`--${name} must be a port number between 1 and 65535, got "${value}"`);
    process.exit(2);
  }
  return port;
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
  const port = portOption("port", values.port as string | undefined, 8787);
  const dbPort = portOption("db-port", values["db-port"] as string | undefined, 8791);
  const simPort = portOption("sim-port", values["sim-port"] as string | undefined, 8790);
  const dataDir = (values["data-dir"] as string | undefined) ?? ".data/pglite";
  const postgres = values.postgres as string | undefined;

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

  console.log("3/5 Starting the marketplace simulator…");
  const simulator = await startSimulator({ port: simPort });
  console.log(`    ${simulator.url}`);

  console.log("4/5 Building the dashboard…");
  const build = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the dashboard build failed (see above)");

  console.log(`5/5 Starting the Worker on http://127.0.0.1:${port} …`);
  const vars: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    NEON_HTTP_ENDPOINT: endpoint.sqlUrl,
    CREDENTIALS_KEY: "ZGV2LW9ubHktY3JlZGVudGlhbHMta2V5LTMyYnl0ZXM=",
    SESSION_SECRET: "dev-only-session-secret",
    SIMULATOR_URL: simulator.url,
  };
  const wrangler: ChildProcess = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--test-scheduled",
      "--show-interactive-dev-session=false",
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
    { stdio: "inherit" },
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    wrangler.kill("SIGTERM");
    await simulator.close();
    await endpoint.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  wrangler.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

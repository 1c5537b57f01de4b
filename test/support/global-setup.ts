// Runs once in Node before the workerd tests: starts the local Neon endpoint (PGlite, in memory) and the
// marketplace simulator on random 127.0.0.1 ports, migrates the template database that every test
// file clones, and hands the URLs to the workerd project. Stops both afterwards.
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../db/migrate";
import { startNeonEndpoint } from "../../dev/neon-endpoint/server";
import { startSimulator } from "../../dev/sim/server";
import { startTelegramStandIn } from "../../dev/telegram/server";
import { TEMPLATE_DATABASE } from "./template";

declare module "vitest" {
  export interface ProvidedContext {
    neonSqlUrl: string;
    neonUrl: string;
    databaseUrl: string;
    simulatorUrl: string;
    telegramUrl: string;
    alertsSimulatorUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  const endpoint = await startNeonEndpoint({
    port: 0,
    backend: postgresUrl ? { kind: "postgres", url: postgresUrl } : { kind: "pglite" },
  });
  await endpoint.createDatabase(TEMPLATE_DATABASE);
  await migrateDatabase({ url: endpoint.connectionString(TEMPLATE_DATABASE), httpEndpoint: endpoint.sqlUrl });
  // Legacy mode: the ingestion tests drive the older adapters (supplier/stocks, v4 with warehouse ids) by default
  // (seedSimAccount); the defaults against this month's vendors are tested in test/unit/cron/default-sync-truth.
  const simulator = await startSimulator({ port: 0, seed: 42, size: 200, timeScale: 600, mode: "legacy" });

  project.provide("neonSqlUrl", endpoint.sqlUrl);
  project.provide("neonUrl", endpoint.url);
  project.provide("databaseUrl", endpoint.connectionString("main"));
  project.provide("simulatorUrl", simulator.url);
  // Alerts: the Telegram Bot API stand-in (also a webhook receiver), and a simulator of their own whose clock
  // no other test moves, so the stock the alert tests sync stays what they chose.
  const telegram = await startTelegramStandIn({ port: 0, token: "test-bot-token" });
  const alertsSimulator = await startSimulator({
    port: 0,
    seed: 17,
    size: 40,
    timeScale: 600,
    mode: "legacy",
  });
  project.provide("telegramUrl", telegram.url);
  project.provide("alertsSimulatorUrl", alertsSimulator.url);

  return async () => {
    await alertsSimulator.close();
    await telegram.close();
    await simulator.close();
    await endpoint.close();
  };
}

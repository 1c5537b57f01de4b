// Test projects: `unit` runs pure logic and Node-side tooling in Node; `worker` runs inside workerd
// through @cloudflare/vitest-pool-workers with the real KV, Queues, Durable Objects and rate limiters.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["test/unit/**/*.test.ts"],
          // Generous on purpose: these are hang guards, not speed checks (CI machines run under heavy load).
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./worker/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                NEON_HTTP_ENDPOINT: inject("neonSqlUrl"),
                NEON_CONTROL_URL: inject("neonUrl"),
                DATABASE_URL: inject("databaseUrl"),
                SIMULATOR_URL: inject("simulatorUrl"),
                CREDENTIALS_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                SESSION_SECRET: "test-session-secret",
                TELEGRAM_API_BASE: inject("telegramUrl"),
                TELEGRAM_BOT_TOKEN: "test-bot-token",
                TELEGRAM_WEBHOOK_SECRET: "test-telegram-secret",
                TELEGRAM_BOT_USERNAME: "MiCoreTestBot",
                ALERTS_SIMULATOR_URL: inject("alertsSimulatorUrl"),
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          globalSetup: ["./test/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

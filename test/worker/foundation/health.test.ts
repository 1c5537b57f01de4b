// /api/health through the real Worker: database round trip and KV reported, 503 naming the database
// when the SQL endpoint is unreachable or the database is missing; accounts on a switched-off vendor endpoint
// listed with the adapter that replaces it.
import { env, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { marketplaceAccounts } from "../../../db/schema";
import { databaseFromEnv } from "../../../worker/db";
import type { HealthReport } from "../../../worker/routes/health";
import { useTestDatabase } from "../../support/worker-database";
import { seedAccount } from "./seed";

useTestDatabase();

const originalEndpoint = env.NEON_HTTP_ENDPOINT;
const originalUrl = () => env.DATABASE_URL;

async function getHealth(ip = "10.0.0.1"): Promise<{ status: number; body: HealthReport; headers: Headers }> {
  const response = await SELF.fetch("http://edge.test/api/health", { headers: { "CF-Connecting-IP": ip } });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("GET /api/health", () => {
  afterEach(() => {
    env.NEON_HTTP_ENDPOINT = originalEndpoint;
  });

  it("reports ok with the database and KV checked and the version", async () => {
    const { status, body, headers } = await getHealth();
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.failing).toEqual([]);
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.kv?.ok).toBe(true);
    expect(body.version).toBe(env.APP_VERSION);
    expect(headers.get("Cache-Control")).toBe("no-store");
  });

  it("names an account on a switched-off endpoint and its replacement; Ozon's defaults only the undated one", async () => {
    const { orgId, accountId: onDefaults } = await seedAccount("health-sunsets");
    const [old] = await databaseFromEnv(env)
      .insert(marketplaceAccounts)
      .values({
        orgId,
        marketplace: "wb",
        name: "old wb",
        credentialsEncrypted: "v1.test.test",
        endpoints: { stock: ["wb.v1.supplier_stocks", "wb.v1.warehouse_remains"] },
      })
      .returning({ id: marketplaceAccounts.id });
    const { status, body } = await getHealth("10.0.0.2");
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    // Ozon says /v2/analytics/stock_on_warehouses will be switched off without naming a date.
    expect(body.sunsets.filter((s) => s.accountId === onDefaults)).toEqual([
      {
        accountId: onDefaults,
        marketplace: "ozon",
        adapter: "ozon.v2.stock_on_warehouses",
        endpoint: "POST /v2/analytics/stock_on_warehouses",
        state: "deprecated",
        switchOffOn: null,
        replacement: "ozon.v1.analytics_stocks",
        message:
          "ozon.v2.stock_on_warehouses (POST /v2/analytics/stock_on_warehouses) is deprecated: the vendor will switch it off, date not given; use ozon.v1.analytics_stocks",
      },
    ]);
    expect(body.sunsets.filter((s) => s.accountId === old?.id)).toEqual([
      {
        accountId: old?.id,
        marketplace: "wb",
        adapter: "wb.v1.supplier_stocks",
        endpoint: "GET /api/v1/supplier/stocks",
        state: "switched-off",
        switchOffOn: "2026-06-23",
        replacement: "wb.v1.warehouse_remains",
        message:
          "wb.v1.supplier_stocks (GET /api/v1/supplier/stocks) was switched off on 2026-06-23; use wb.v1.warehouse_remains",
      },
    ]);
  });

  it("answers 503 naming the database when the SQL endpoint is unreachable", async () => {
    env.NEON_HTTP_ENDPOINT = "http://127.0.0.1:9/sql";
    const { status, body } = await getHealth();
    expect(status).toBe(503);
    expect(body.status).toBe("degraded");
    expect(body.failing).toEqual(["database"]);
    expect(body.checks.database?.error).toBeTruthy();
    expect(body.checks.kv?.ok).toBe(true);
  });

  it("answers 503 naming the database when the database does not exist", async () => {
    const saved = originalUrl();
    env.DATABASE_URL = saved.replace(/\/[^/]+$/, "/no_such_database");
    try {
      const { status, body } = await getHealth();
      expect(status).toBe(503);
      expect(body.failing).toEqual(["database"]);
      expect(body.checks.database?.error).toMatch(/does not exist/);
    } finally {
      env.DATABASE_URL = saved;
    }
  });
});

// /api/health through the real Worker: database round trip and KV reported, 503 naming the database
// when the SQL endpoint is unreachable or the database is missing (the cause only in the operator's report);
// a signed-in caller's accounts on a switched-off vendor endpoint listed with the adapter that replaces it and
// their failed runs, never another organization's, and nothing of either to an anonymous caller.
import { env, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { etlRuns, marketplaceAccounts } from "../../../db/schema";
import { databaseFromEnv } from "../../../worker/db";
import { checkHealth, type HealthReport } from "../../../worker/routes/health";
import { useTestDatabase } from "../../support/worker-database";
import { seedTenant, signIn } from "../api/fixtures";

useTestDatabase();

const originalEndpoint = env.NEON_HTTP_ENDPOINT;
const originalUrl = () => env.DATABASE_URL;

async function getHealth(
  ip = "10.0.0.1",
  cookie?: string,
): Promise<{ status: number; body: HealthReport; headers: Headers }> {
  const headers: Record<string, string> = { "CF-Connecting-IP": ip };
  if (cookie) headers.Cookie = cookie;
  const response = await SELF.fetch("http://edge.test/api/health", { headers });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** An organization with a user to sign in as and one enabled Ozon account on the default adapters. */
async function seedOrgWithAccount(label: string) {
  const tenant = await seedTenant(label);
  const [account] = await databaseFromEnv(env)
    .insert(marketplaceAccounts)
    .values({
      orgId: tenant.orgId,
      marketplace: "ozon",
      name: `${label} ozon`,
      credentialsEncrypted: "v1.test.test",
    })
    .returning({ id: marketplaceAccounts.id });
  if (!account) throw new Error("account not created");
  return { ...tenant, accountId: account.id };
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
    const { orgId, accountId: onDefaults, users } = await seedOrgWithAccount("health-sunsets");
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
    const cookie = await signIn(users.viewer.email, "10.0.0.2");
    const { status, body } = await getHealth("10.0.0.2", cookie);
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

  it("shows a signed-in caller only their organization's sunsets and failed runs, an anonymous one neither", async () => {
    const acme = await seedOrgWithAccount("health-acme");
    const globex = await seedOrgWithAccount("health-globex");
    const failed = {
      status: "failed" as const,
      finishedAt: new Date(),
      error: "WB answered 401: token revoked",
    };
    const run = (tenant: { orgId: string; accountId: string }) => ({
      id: crypto.randomUUID(),
      orgId: tenant.orgId,
      accountId: tenant.accountId,
      kind: "full" as const,
      trigger: "cron" as const,
      ...failed,
    });
    const acmeRun = run(acme);
    // An earlier run of acme's that succeeded: only the latest finished run counts.
    const earlier = {
      ...run(acme),
      status: "succeeded" as const,
      finishedAt: new Date(Date.now() - 3_600_000),
      error: null,
    };
    await databaseFromEnv(env)
      .insert(etlRuns)
      .values([earlier, acmeRun, run(globex)]);

    const anonymous = await getHealth("10.0.0.3");
    // A seller's revoked token is not the service's failure.
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.sunsets).toEqual([]);
    expect(anonymous.body.failedRuns).toEqual([]);
    expect(JSON.stringify(anonymous.body)).not.toContain(acme.accountId);

    const cookie = await signIn(acme.users.viewer.email, "10.0.0.4");
    const { status, body } = await getHealth("10.0.0.4", cookie);
    expect(status).toBe(200);
    expect(body.failedRuns).toEqual([
      { accountId: acme.accountId, runId: acmeRun.id, error: "WB answered 401: token revoked" },
    ]);
    expect(new Set(body.sunsets.map((s) => s.accountId))).toEqual(new Set([acme.accountId]));
    expect(JSON.stringify(body)).not.toContain(globex.accountId);

    // A forged cookie is read as no credentials: the anonymous view, not a 401.
    const forged = await getHealth("10.0.0.5", "mi_session=forged.value");
    expect(forged.status).toBe(200);
    expect(forged.body.sunsets).toEqual([]);

    // A later run that succeeded: the account is no longer listed.
    await databaseFromEnv(env)
      .insert(etlRuns)
      .values({ ...run(acme), status: "succeeded", finishedAt: new Date(Date.now() + 1000), error: null });
    expect((await getHealth("10.0.0.6", cookie)).body.failedRuns).toEqual([]);
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
      // The public answer does not pass the driver's message on; the operator's report (the cron's) has it.
      expect(body.checks.database?.error).toMatch(/^the database did not answer/);
      expect(JSON.stringify(body)).not.toContain("no_such_database");
      const operator = await checkHealth({
        database: () => databaseFromEnv(env),
        cache: env.API_CACHE,
        version: "test",
      });
      expect(operator.checks.database?.error).toMatch(/does not exist/);
    } finally {
      env.DATABASE_URL = saved;
    }
  });
});

// /api/health through the real Worker: database round trip and KV reported, 503 naming the database
// when the SQL endpoint is unreachable or the database is missing.
import { env, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import type { HealthReport } from "../../../worker/routes/health";
import { useTestDatabase } from "../../support/worker-database";

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

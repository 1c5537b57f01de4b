// Every database request of a sync stays under the endpoint's request limit: pages too big for one request load
// in parts, each claimed on its own, and the run ends equal to the truth; a request the endpoint still refuses
// (413) fails its run at once with the reason, instead of being retried while the run stays "running". Runs
// through the app's neon-http driver against the local Neon endpoint, whose limit is scaled down from Neon's
// 10 MiB to 60 KiB so that an ordinary simulator page exceeds it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStockSync } from "../../../cron/engine/run-in-process";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { batchRunner } from "../../../cron/load/statement-runner";
import { createDatabase, type Database } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { type NeonEndpoint, startNeonEndpoint } from "../../../dev/neon-endpoint/server";
import { type Simulator, startSimulator } from "../../../dev/sim/server";
import { seedOrganization, startTestRun } from "./seed-organization";

// Finalize sends one transaction of about 58 KB of SQL (every read model it keeps, the supply plan's lines among
// them, 2026-12): it must fit.
const LIMIT = 60 * 1024;
let endpoint: NeonEndpoint;
let sim: Simulator;
let db: Database;

const query = async (text: string, params: unknown[] = []) =>
  (await db.$client.query(text, params)) as unknown as Record<string, unknown>[];

beforeAll(async () => {
  endpoint = await startNeonEndpoint({ port: 0, maxRequestBytes: LIMIT });
  await endpoint.createDatabase("bounded_requests_test");
  const config = {
    url: `postgresql://local:local@${new URL(endpoint.url).host}/bounded_requests_test`,
    httpEndpoint: endpoint.sqlUrl,
  };
  await migrateDatabase(config);
  db = createDatabase(config);
  sim = await startSimulator({ port: 0, seed: 5, size: 200, timeScale: 6000 });
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await endpoint?.close();
});

/** A full Ozon stock sync whose runner refuses batches over `runnerLimit` and whose engine plans for `engineLimit`. */
async function sync(runnerLimit: number, engineLimit: number, vendor: Simulator = sim) {
  const { orgId, accounts } = await seedOrganization(query, ["ozon"]);
  const runId = await startTestRun({ query }, orgId, accounts.ozon);
  const status = await runStockSync({
    run: batchRunner(db, runnerLimit),
    gate: new MemoryRequestGate(),
    orgId,
    accountId: accounts.ozon,
    runId,
    marketplace: "ozon",
    kind: "full",
    // The FBO feed only: the FBS source the defaults add is not what this test sizes.
    adapters: ["ozon.v2.stock_on_warehouses"],
    credentials: { ozon: { clientId: "1001", apiKey: "demo-ozon-key" } },
    baseUrl: `${vendor.url}/ozon`,
    rateScale: 6000,
    maxRequestBytes: engineLimit,
    deliveries: 2,
  });
  const [run] = await query("select status, error from etl_runs where id = $1", [runId]);
  return { status, run, runId, accountId: accounts.ozon };
}

describe("database requests of a sync", () => {
  it("stay under the limit: a page too big for one request loads in parts, equal to the truth", async () => {
    const { status, run, runId, accountId } = await sync(LIMIT, LIMIT);
    expect(run?.error ?? null).toBeNull();
    expect(status).toBe("succeeded");
    const loaded = await query(
      `select l.external_key as key, w.name as warehouse, i.available, i.reserved, i.in_transit
       from inventory i join listings l on l.id = i.listing_id join warehouses w on w.id = i.warehouse_id
       where l.account_id = $1 and (i.available + i.reserved + i.in_transit) > 0`,
      [accountId],
    );
    const truth = sim.truth
      .stock("ozon")
      .filter((c) => c.warehouseType === "fbo" && c.inFeed && c.available + c.reserved + c.inTransit > 0);
    expect(
      new Map(loaded.map((r) => [`${r.key}|${r.warehouse}`, `${r.available}/${r.reserved}/${r.in_transit}`])),
    ).toEqual(
      new Map(
        truth.map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`]),
      ),
    );
    const parts = await db.execute(
      sql`select count(*)::int as parts from etl_pages where run_id = ${runId} and page_key like '%~%'`,
    );
    expect(Number(parts.rows[0]?.parts)).toBeGreaterThan(0);
  });

  it("one the endpoint refuses (413) fails the run at once with the reason, not after every retry", async () => {
    // The engine plans for Neon's 10 MiB, the endpoint allows 60 KiB: the first page's request (a seller twice
    // the size: its first page's rows alone are over the limit) is refused.
    const bigger = await startSimulator({ port: 0, seed: 5, size: 400, timeScale: 6000 });
    const { status, run } = await sync(10 * 1024 * 1024, 10 * 1024 * 1024, bigger).finally(() =>
      bigger.close(),
    );
    expect(status).toBe("failed");
    expect(run?.status).toBe("failed");
    expect(String(run?.error)).toMatch(
      /Page 0 of ozon\.v2\.stock_on_warehouses can never load: .*413.*too large/,
    );
  });
});

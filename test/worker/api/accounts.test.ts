// GET /api/accounts through the Worker: each marketplace account with its data freshness (last
// successful run and its age, last finished run, the run in progress with pages and counts), for any
// role, only the caller's organization's accounts, and 401 without credentials.
import { beforeAll, describe, expect, it } from "vitest";
import { etlRuns, marketplaceAccounts } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { type Catalog, db, get, seedShop, seedTenant, signIn, type Tenant } from "./fixtures";

useTestDatabase();

interface Account {
  id: string;
  marketplace: string;
  name: string;
  enabled: boolean;
  lastSuccess: { runId: string; kind: string; finishedAt: string; ageSeconds: number } | null;
  lastRun: { runId: string; status: string; error: string | null } | null;
  activeRun: {
    runId: string;
    status: string;
    pagesDone: number;
    extracted: number;
    inserted: number;
    failed: number;
  } | null;
}

let acme: Tenant;
let globex: Tenant;
let acmeShop: Catalog;
let globexShop: Catalog;
const ids = {
  oldSuccess: crypto.randomUUID(),
  newSuccess: crypto.randomUUID(),
  failed: crypto.randomUUID(),
  running: crypto.randomUUID(),
  globexRunning: crypto.randomUUID(),
};
const HOUR = 3_600_000;

beforeAll(async () => {
  acme = await seedTenant("acme");
  globex = await seedTenant("globex");
  acmeShop = await seedShop(acme.orgId);
  globexShop = await seedShop(globex.orgId);
  const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
  await db().insert(marketplaceAccounts).values({
    orgId: acme.orgId,
    marketplace: "ozon",
    name: "Ozon archive",
    credentialsEncrypted: "v1.x.y",
    enabled: false,
  });
  const ozon = acmeShop.accounts.ozon;
  await db()
    .insert(etlRuns)
    .values([
      // Ozon: two successes, then a failure, then a run in progress.
      {
        id: ids.oldSuccess,
        orgId: acme.orgId,
        accountId: ozon,
        kind: "full",
        trigger: "cron",
        status: "succeeded",
        startedAt: ago(10),
        finishedAt: ago(9.5),
      },
      {
        id: ids.newSuccess,
        orgId: acme.orgId,
        accountId: ozon,
        kind: "incremental",
        trigger: "cron",
        status: "succeeded",
        startedAt: ago(4),
        finishedAt: ago(3),
      },
      {
        id: ids.failed,
        orgId: acme.orgId,
        accountId: ozon,
        kind: "incremental",
        trigger: "api",
        status: "failed",
        startedAt: ago(2),
        finishedAt: ago(1.9),
        error: "Ozon answered 401",
      },
      {
        id: ids.running,
        orgId: acme.orgId,
        accountId: ozon,
        kind: "full",
        trigger: "dashboard",
        status: "running",
        startedAt: ago(0.1),
        pagesDone: 7,
        extracted: 7000,
        inserted: 6500,
        failed: 3,
      },
      // Globex: a run in progress on its own WB account.
      {
        id: ids.globexRunning,
        orgId: globex.orgId,
        accountId: globexShop.accounts.wb,
        kind: "full",
        trigger: "cron",
        status: "running",
        startedAt: ago(0.2),
        pagesDone: 1,
      },
    ]);
});

async function accounts(email: string, ip: string): Promise<{ status: number; items: Account[] }> {
  const cookie = await signIn(email, ip);
  const response = await get("/api/accounts", ip, { cookie });
  const body = (await response.json()) as { items: Account[] };
  return { status: response.status, items: body.items };
}

describe("GET /api/accounts", () => {
  it("shows each account's last success and its age, the last finished run and the run in progress", async () => {
    const asked = Date.now();
    const { status, items } = await accounts(acme.users.viewer.email, "10.12.0.1");
    const answered = Date.now();
    expect(status).toBe(200);
    expect(items.map((a) => [a.marketplace, a.name, a.enabled])).toEqual([
      ["ozon", "Ozon archive", false],
      ["ozon", "Ozon main", true],
      ["wb", "WB main", true],
    ]);
    const ozon = items.find((a) => a.name === "Ozon main");
    expect(ozon?.lastSuccess).toMatchObject({ runId: ids.newSuccess, kind: "incremental" });
    // The age is the time from the run's end to the moment the request was answered, however long the
    // test took to get here: bracketed by the clock before and after the request, with a second for rounding.
    const finishedAt = Date.parse(ozon?.lastSuccess?.finishedAt ?? "");
    expect(ozon?.lastSuccess?.ageSeconds).toBeGreaterThanOrEqual(Math.floor((asked - finishedAt) / 1000) - 1);
    expect(ozon?.lastSuccess?.ageSeconds).toBeLessThanOrEqual(Math.ceil((answered - finishedAt) / 1000) + 1);
    expect(ozon?.lastSuccess?.ageSeconds).toBeGreaterThanOrEqual(3 * 3600);
    expect(ozon?.lastRun).toMatchObject({ runId: ids.failed, status: "failed", error: "Ozon answered 401" });
    expect(ozon?.activeRun).toMatchObject({
      runId: ids.running,
      status: "running",
      pagesDone: 7,
      extracted: 7000,
      inserted: 6500,
      failed: 3,
    });
  });

  it("says null for an account that never synced and has nothing running", async () => {
    const { items } = await accounts(acme.users.operator.email, "10.12.0.2");
    const wb = items.find((a) => a.name === "WB main");
    expect(wb).toMatchObject({ lastSuccess: null, lastRun: null, activeRun: null });
  });

  it("never shows another organization's accounts or runs", async () => {
    const { items } = await accounts(globex.users.viewer.email, "10.12.0.3");
    expect(items.map((a) => a.id).sort()).toEqual([globexShop.accounts.ozon, globexShop.accounts.wb].sort());
    const text = JSON.stringify(items);
    for (const id of Object.values(acmeShop.accounts)) expect(text).not.toContain(id);
    expect(text).not.toContain(ids.running);
    expect(items.find((a) => a.marketplace === "wb")?.activeRun?.runId).toBe(ids.globexRunning);
  });

  it("answers 401 without credentials", async () => {
    const response = await get("/api/accounts", "10.12.0.4");
    expect(response.status).toBe(401);
  });
});

// POST /api/etl/sync through the Worker: an operator starts a run (which then reaches the truth), a second
// request while it runs is refused and recorded, a viewer gets 403, an unknown or foreign account 404, and a
// request without credentials 401.
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { type ErrorBody, seedTenant, send, signIn, type Tenant } from "../api/fixtures";
import { loadedStock, seedSimAccount, waitForRun, wbStockTruth } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

interface SyncAnswer {
  runs: { accountId: string; started: boolean; runId: string; activeRunId?: string }[];
}

let tenant: Tenant;
let accountId: string;

beforeAll(async () => {
  tenant = await seedTenant("etl-sync");
  accountId = (await seedSimAccount("wb", {}, tenant.orgId)).accountId;
});

const sync = (body: unknown, ip: string, cookie?: string) =>
  send("POST", "/api/etl/sync", body, ip, cookie ? { cookie } : {});

describe("POST /api/etl/sync", () => {
  it("lets an operator start a run, refuses a second one while it runs, and the run reaches the truth", async () => {
    const cookie = await signIn(tenant.users.operator.email, "10.7.0.1");
    const started = await sync({ accountId, kind: "full" }, "10.7.0.1", cookie);
    expect(started.status).toBe(202);
    const [run] = ((await started.json()) as SyncAnswer).runs;
    expect(run).toMatchObject({ accountId, started: true });
    const again = await sync({ accountId, kind: "incremental" }, "10.7.0.1", cookie);
    expect(again.status).toBe(202);
    expect(((await again.json()) as SyncAnswer).runs[0]).toMatchObject({
      started: false,
      activeRunId: run?.runId,
    });
    expect((await waitForRun(run?.runId ?? "")).status).toBe("succeeded");
    expect(await loadedStock(accountId)).toEqual(await wbStockTruth());
  });

  it("answers 403 to a viewer", async () => {
    const cookie = await signIn(tenant.users.viewer.email, "10.7.0.2");
    const response = await sync({ accountId }, "10.7.0.2", cookie);
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
  });

  it("answers 404 to an unknown account and to another organization's account", async () => {
    const cookie = await signIn(tenant.users.operator.email, "10.7.0.3");
    const unknown = await sync({ accountId: crypto.randomUUID() }, "10.7.0.3", cookie);
    expect(unknown.status).toBe(404);
    const foreign = await seedSimAccount("wb");
    const response = await sync({ accountId: foreign.accountId }, "10.7.0.3", cookie);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe("NOT_FOUND");
  });

  it("answers 401 without credentials", async () => {
    const response = await SELF.fetch("http://edge.test/api/etl/sync", {
      method: "POST",
      headers: { "CF-Connecting-IP": "10.7.0.4", "Content-Type": "application/json" },
      body: JSON.stringify({ accountId }),
    });
    expect(response.status).toBe(401);
  });
});

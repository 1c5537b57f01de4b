// A run whose consumer died mid-run (its next page never delivered) is recovered by the coordinator's alarm
// once the lease runs out: the run log says failed and why, a late message of the dead run changes nothing,
// and the next run starts and ends equal to the truth.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { startRun } from "../../../worker/sync/start-run";
import type { SyncCoordinator } from "../../../worker/sync-coordinator";
import { useTestDatabase } from "../../support/worker-database";
import { deliver, startHeldRun } from "./hand-queue";
import { db, loadedStock, runRow, seedSimAccount, simulator, waitForRun, wbStockTruth } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";
import { accountSnapshot } from "./snapshot";

useTestDatabase();
useExclusiveSimulator();

describe("a crashed run", () => {
  it("is expired by the alarm, and the next run proceeds to the truth", async () => {
    await simulator("/_sim/config", { method: "PUT", body: JSON.stringify({ pageSize: { wbStocks: 60 } }) });
    const ids = await seedSimAccount("wb");
    const start = await startHeldRun(ids, "full", 60_000);
    const [firstPage] = (await deliver(start)).sent;
    if (!firstPage) throw new Error("the start step sent no page");
    const [lostPage] = (await deliver(firstPage.body)).sent;
    if (!lostPage) throw new Error("the first page sent no successor");
    // The consumer died here: the second page is never delivered and nobody renews the lease.
    const coordinator = coordinatorFor(env, ids.accountId);
    await runInDurableObject(coordinator, (_instance: SyncCoordinator, state) => {
      state.storage.sql.exec("UPDATE runs SET lease_until = ? WHERE run_id = ?", Date.now() - 1, start.runId);
    });
    expect(await runDurableObjectAlarm(coordinator)).toBe(true);
    const crashed = await runRow(start.runId);
    expect(crashed.status).toBe("failed");
    expect(crashed.error).toMatch(/lease/);
    expect(crashed.pages_done).toBe(1);

    const beforeLate = await accountSnapshot(ids.accountId, start.runId);
    const late = await deliver(lostPage.body);
    expect(late).toEqual({ sent: [], retried: false });
    expect(await accountSnapshot(ids.accountId, start.runId)).toEqual(beforeLate);

    const next = await startRun(env, db(), { ...ids, kind: "full", trigger: "cron" });
    expect(next.started).toBe(true);
    const run = await waitForRun(next.runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(await loadedStock(ids.accountId)).toEqual(await wbStockTruth());
    expect((await coordinator.status()).active).toBeNull();
  });
});

// The SyncCoordinator Durable Object: one active run per account, leases renewed by heartbeats, and the
// alarm expiring a lease nobody renewed so that the next run can start.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SyncCoordinator } from "../../../worker/sync-coordinator";
import { useTestDatabase } from "../../support/worker-database";

useTestDatabase();

function coordinator(name: string) {
  return env.SYNC_COORDINATOR.get(env.SYNC_COORDINATOR.idFromName(name));
}

describe("SyncCoordinator", () => {
  it("grants one run and refuses a second while the first is active", async () => {
    const stub = coordinator("account-a");
    const first = await stub.requestRun({ kind: "full", trigger: "cron" });
    const second = await stub.requestRun({ kind: "incremental", trigger: "api" });
    expect(first.started).toBe(true);
    expect(second).toEqual({ started: false, reason: "busy", activeRunId: first.started ? first.runId : "" });
    const status = await stub.status();
    expect(status.active?.kind).toBe("full");
    expect(status.refusals).toBe(1);
  });

  it("grants exactly one of ten concurrent requests", async () => {
    const stub = coordinator("account-b");
    const grants = await Promise.all(
      Array.from({ length: 10 }, () => stub.requestRun({ kind: "full", trigger: "api" })),
    );
    expect(grants.filter((grant) => grant.started)).toHaveLength(1);
    expect((await stub.status()).refusals).toBe(9);
  });

  it("lets the next run start once the active one finishes", async () => {
    const stub = coordinator("account-c");
    const first = await stub.requestRun({ kind: "full", trigger: "cron" });
    if (!first.started) throw new Error("first run refused");
    expect(await stub.finishRun(first.runId, "succeeded")).toBe(true);
    expect(await stub.finishRun(first.runId, "succeeded")).toBe(false);
    const next = await stub.requestRun({ kind: "incremental", trigger: "cron" });
    expect(next.started).toBe(true);
    const status = await stub.status();
    expect(status.recent.find((run) => run.runId === first.runId)?.outcome).toBe("succeeded");
  });

  it("expires a run whose lease ran out when the alarm fires, then starts the next", async () => {
    const stub = coordinator("account-d");
    const crashed = await stub.requestRun({ kind: "full", trigger: "cron", leaseMs: 60_000 });
    if (!crashed.started) throw new Error("run refused");
    // The holder never heartbeats; let the lease's time pass, then fire the alarm it scheduled.
    await runInDurableObject(stub, (_instance: SyncCoordinator, state) => {
      state.storage.sql.exec(
        "UPDATE runs SET lease_until = ? WHERE run_id = ?",
        Date.now() - 1,
        crashed.runId,
      );
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const status = await stub.status();
    expect(status.active).toBeNull();
    expect(status.recent[0]).toMatchObject({
      runId: crashed.runId,
      state: "expired",
      outcome: "lease expired",
    });
    expect(await stub.heartbeat(crashed.runId)).toBe(false);
    expect((await stub.requestRun({ kind: "full", trigger: "cron" })).started).toBe(true);
  });

  it("keeps a heartbeating run alive through its alarm", async () => {
    const stub = coordinator("account-e");
    const run = await stub.requestRun({ kind: "full", trigger: "cron", leaseMs: 60_000 });
    if (!run.started) throw new Error("run refused");
    expect(await stub.heartbeat(run.runId)).toBe(true);
    await runInDurableObject(stub, async (instance: SyncCoordinator) => {
      await instance.alarm();
    });
    expect((await stub.status()).active?.runId).toBe(run.runId);
  });
});

// Freshness per account: the last successful sync and the run in progress, from the newest runs.
import { describe, expect, it } from "vitest";
import type { Run } from "../../../web/src/api/types";
import { accountFreshness, isStale, oldestSuccess } from "../../../web/src/lib/freshness";

function run(partial: Partial<Run>): Run {
  return {
    id: crypto.randomUUID(),
    accountId: "a1",
    account: "Ozon main",
    marketplace: "ozon",
    kind: "full",
    trigger: "cron",
    status: "succeeded",
    startedAt: "2026-04-01T10:00:00.000Z",
    finishedAt: "2026-04-01T10:05:00.000Z",
    extracted: 0,
    validated: 0,
    normalized: 0,
    inserted: 0,
    updated: 0,
    failed: 0,
    apiRequests: 0,
    apiFailed: 0,
    apiMs: 0,
    runMs: 0,
    pagesDone: 0,
    error: null,
    retries: 0,
    lastIssue: null,
    retrying: false,
    phase: null,
    ...partial,
  };
}

describe("accountFreshness", () => {
  it("takes the newest succeeded run per account (not a partial one) and the one running now", () => {
    const runs = [
      run({ startedAt: "2026-04-01T08:00:00.000Z", finishedAt: "2026-04-01T08:05:00.000Z" }),
      run({
        startedAt: "2026-04-01T10:00:00.000Z",
        finishedAt: "2026-04-01T10:04:00.000Z",
        status: "partial",
      }),
      run({
        startedAt: "2026-04-01T12:00:00.000Z",
        finishedAt: "2026-04-01T12:01:00.000Z",
        status: "failed",
      }),
      run({ startedAt: "2026-04-01T13:00:00.000Z", finishedAt: null, status: "running", pagesDone: 3 }),
      run({ accountId: "w1", account: "WB", marketplace: "wb", status: "failed" }),
    ];
    const [ozon, wb] = accountFreshness(runs);
    expect(ozon?.lastSuccessAt).toBe("2026-04-01T08:05:00.000Z");
    expect(ozon?.running?.pagesDone).toBe(3);
    expect(ozon?.lastRun?.status).toBe("running");
    expect(wb?.lastSuccessAt).toBeNull();
    expect(wb?.running).toBeNull();
    expect(oldestSuccess(accountFreshness(runs))).toBe("2026-04-01T08:05:00.000Z");
  });

  it("takes the account's last success from the accounts list when its run is off the runs page", () => {
    const known = [
      {
        id: "a1",
        name: "Ozon main",
        marketplace: "ozon" as const,
        enabled: true,
        lastSuccess: { finishedAt: "2026-03-30T09:00:00.000Z" },
      },
      {
        id: "w1",
        name: "WB",
        marketplace: "wb" as const,
        enabled: true,
        lastSuccess: { finishedAt: "2026-03-31T09:00:00.000Z" },
      },
    ];
    const [ozon, wb] = accountFreshness([run({ status: "partial" })], known);
    expect(ozon).toMatchObject({ lastSuccessAt: "2026-03-30T09:00:00.000Z", lastRun: { status: "partial" } });
    expect(wb).toMatchObject({ lastSuccessAt: "2026-03-31T09:00:00.000Z", lastRun: null });
  });

  it("lists an enabled account without runs (just connected) as never synced, and no disabled one", () => {
    const known = [
      { id: "a1", name: "Ozon main", marketplace: "ozon" as const, enabled: true },
      { id: "n1", name: "New WB", marketplace: "wb" as const, enabled: true },
      { id: "d1", name: "Old WB", marketplace: "wb" as const, enabled: false },
    ];
    const listed = accountFreshness([run({})], known);
    expect(listed.map((account) => account.account)).toEqual(["Ozon main", "New WB"]);
    expect(listed[1]).toMatchObject({ accountId: "n1", lastSuccessAt: null, running: null, lastRun: null });
  });

  it("counts data older than six hours, or never synced, as stale", () => {
    const now = Date.parse("2026-04-01T20:00:00.000Z");
    expect(isStale("2026-04-01T15:00:00.000Z", now)).toBe(false);
    expect(isStale("2026-04-01T13:00:00.000Z", now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
  });
});

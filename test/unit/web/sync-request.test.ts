// "Sync now" talks to POST /api/etl/sync with the dashboard as its trigger.
import { describe, expect, it } from "vitest";
import { refusedCount, SYNC_START_PATH, syncRequestBody } from "../../../web/src/lib/sync-request";

describe("sync request", () => {
  it("posts to the Worker's ETL sync route", () => {
    expect(SYNC_START_PATH).toBe("/api/etl/sync");
  });

  it("names the dashboard as the trigger and every account unless one is given", () => {
    expect(syncRequestBody("full")).toEqual({ kind: "full", trigger: "dashboard" });
    expect(syncRequestBody("incremental", "7d0c7a40-2f5e-4a53-9e43-0a6f1c1b2d3e")).toEqual({
      kind: "incremental",
      trigger: "dashboard",
      accountId: "7d0c7a40-2f5e-4a53-9e43-0a6f1c1b2d3e",
    });
  });

  it("counts the accounts whose sync was refused by an active run", () => {
    expect(
      refusedCount([
        { accountId: "a", started: true, runId: "r1" },
        { accountId: "b", started: false, runId: "r2", activeRunId: "r2" },
      ]),
    ).toBe(1);
  });
});

// What the dashboard does with a run its account's progress socket pushed, and what it tells the seller about
// a run that is retrying or failed: the run replaces its row or becomes the first one; the trouble's kind
// picks the advice (check the key, wait for the marketplace, contact support with the run id).
import { describe, expect, it } from "vitest";
import type { Run, RunPage } from "../../../web/src/api/types";
import { runTroubleOf } from "../../../web/src/lib/run-trouble";
import { withRun } from "../../../web/src/models/sync";

function run(partial: Partial<Run>): Run {
  return {
    id: crypto.randomUUID(),
    accountId: "a1",
    account: "Ozon main",
    marketplace: "ozon",
    kind: "full",
    trigger: "dashboard",
    status: "running",
    startedAt: "2026-04-01T10:00:00.000Z",
    finishedAt: null,
    extracted: 0,
    validated: 0,
    normalized: 0,
    inserted: 0,
    updated: 0,
    failed: 0,
    apiRequests: 0,
    apiFailed: 0,
    apiMs: 0,
    runMs: null,
    pagesDone: 0,
    error: null,
    retries: 0,
    lastIssue: null,
    retrying: false,
    phase: null,
    ...partial,
  };
}

const pageOf = (items: Run[], page = 1): RunPage => ({
  items,
  page,
  pageSize: 2,
  total: items.length,
  pages: Math.ceil(items.length / 2),
});

describe("withRun", () => {
  it("replaces the run where it is, with its new progress", () => {
    const older = run({ startedAt: "2026-04-01T09:00:00.000Z", status: "succeeded" });
    const current = run({});
    const next = withRun(pageOf([current, older]), { ...current, pagesDone: 7, extracted: 700 });
    expect(next.items.map((r) => [r.id, r.pagesDone])).toEqual([
      [current.id, 7],
      [older.id, 0],
    ]);
    expect(next.total).toBe(2);
  });

  it("puts a new run first on the first page, within the page size", () => {
    const a = run({ startedAt: "2026-04-01T09:00:00.000Z" });
    const b = run({ startedAt: "2026-04-01T08:00:00.000Z" });
    const fresh = run({ startedAt: "2026-04-01T11:00:00.000Z" });
    const next = withRun({ ...pageOf([a, b]), total: 4, pages: 2 }, fresh);
    expect(next.items.map((r) => r.id)).toEqual([fresh.id, a.id]);
    expect({ total: next.total, pages: next.pages }).toEqual({ total: 5, pages: 3 });
  });

  it("leaves other pages, and runs older than the page's newest, alone", () => {
    const a = run({ startedAt: "2026-04-01T09:00:00.000Z" });
    const old = run({ startedAt: "2026-03-01T09:00:00.000Z" });
    expect(withRun(pageOf([a], 2), run({})).items).toEqual([a]);
    expect(withRun(pageOf([a]), old).items).toEqual([a]);
  });
});

describe("runTroubleOf", () => {
  const issue = (code: string) => ({ code, message: "…", at: "2026-04-01T10:00:00.000Z" });

  it("sends a refused key to Settings", () => {
    expect(runTroubleOf(run({ status: "failed", lastIssue: issue("UNAUTHORIZED") }))).toBe("key");
  });

  it("asks to wait out a marketplace outage, and a failed step still being retried", () => {
    expect(runTroubleOf(run({ status: "partial", lastIssue: issue("SERVER_ERROR") }))).toBe("vendor");
    expect(runTroubleOf(run({ retrying: true, lastIssue: issue("STEP_FAILED") }))).toBe("vendor");
  });

  it("sends a run that gave up after every retry, or an unknown error, to support", () => {
    expect(runTroubleOf(run({ status: "failed", lastIssue: issue("STEP_FAILED") }))).toBe("support");
    expect(runTroubleOf(run({ status: "failed", lastIssue: null }))).toBe("support");
    expect(runTroubleOf(run({ status: "partial", lastIssue: issue("MALFORMED_RESPONSE") }))).toBe("support");
  });
});

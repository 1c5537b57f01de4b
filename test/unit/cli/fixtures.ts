// Runs and run details shaped like GET /api/runs answers, for the CLI's formatting and command tests.
import type { Run, RunDetail } from "../../../cli/api-types";

export const NOW = Date.parse("2026-11-22T12:00:00Z");

export function aRun(patch: Partial<Run> = {}): Run {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    accountId: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
    account: "Ozon demo",
    marketplace: "ozon",
    kind: "full",
    trigger: "cli",
    status: "succeeded",
    startedAt: "2026-11-22T11:50:00.000Z",
    finishedAt: "2026-11-22T11:51:05.000Z",
    extracted: 12_345,
    validated: 12_300,
    normalized: 12_290,
    inserted: 12_000,
    updated: 290,
    failed: 45,
    apiRequests: 14,
    apiFailed: 1,
    apiMs: 3_400,
    runMs: 65_000,
    pagesDone: 13,
    error: null,
    retries: 0,
    lastIssue: null,
    retrying: false,
    phase: null,
    ...patch,
  };
}

export function aDetail(patch: Partial<RunDetail> = {}): RunDetail {
  return {
    run: { ...aRun(), issues: [] },
    pages: 13,
    rejectCount: 0,
    rejects: [],
    ...patch,
  };
}

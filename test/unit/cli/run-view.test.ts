// Text for runs: the runs table, one run's detail with issues and rejected rows by reason, progress lines.
import { describe, expect, it } from "vitest";
import { progressLine, rejectReasons, runDetailText, runElapsed, runsTable } from "../../../cli/run-view";
import { aDetail, aRun, NOW } from "./fixtures";

describe("runsTable", () => {
  it("one line per run with its counts and the full id", () => {
    const text = runsTable(
      [aRun(), aRun({ id: "22222222-2222-4222-8222-222222222222", status: "refused", runMs: null })],
      NOW,
    );
    const [header, first, second] = text.split("\n");
    expect(header).toMatch(
      /^RUN\s+ACCOUNT\s+KIND\s+TRIGGER\s+STATUS\s+STARTED\s+TOOK\s+PAGES\s+ROWS\s+LOADED\s+REJECTED$/,
    );
    expect(first).toMatch(
      /^11111111-1111-4111-8111-111111111111\s+Ozon demo\s+full\s+cli\s+succeeded\s+10m ago\s+1m 05s\s+13\s+12,345\s+12,290\s+45$/,
    );
    expect(second).toContain("refused");
    expect(second).toMatch(/refused\s+10m ago\s+–/);
  });

  it("says so when there are none", () => {
    expect(runsTable([], NOW)).toBe("No runs yet.");
  });
});

describe("runElapsed", () => {
  it("uses the run time, else start to finish, else start to now", () => {
    expect(runElapsed(aRun(), NOW)).toBe(65_000);
    expect(runElapsed(aRun({ runMs: null }), NOW)).toBe(65_000);
    expect(runElapsed(aRun({ runMs: null, finishedAt: null, status: "running" }), NOW)).toBe(600_000);
  });
});

describe("runDetailText", () => {
  it("shows counts, API calls and no issues or rejects", () => {
    const text = runDetailText(aDetail(), NOW);
    expect(text).toContain("account:  Ozon demo (ozon, aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa)");
    expect(text).toContain(
      "rows:     12,345 extracted, 12,300 valid, 12,290 loaded (12,000 new, 290 changed), 45 rejected",
    );
    expect(text).toContain("API:      14 requests, 1 failed, 3.4 s waiting");
    expect(text).toContain("Issues: none");
    expect(text).toContain("Rejected rows: none");
  });

  it("lists issues and sums rejected rows by reason, noting a sample", () => {
    const reject = (reasons: string[], rowIndex: number) => ({
      pageKey: "ozon.v2.stock_on_warehouses#0",
      rowIndex,
      endpoint: "ozon.v2.stock_on_warehouses",
      reasons,
      row: { sku: -5 },
    });
    const detail = aDetail({
      run: {
        ...aRun({ status: "partial", error: "endpoint switched off" }),
        issues: [
          { code: "STOCK_JUMP", message: "3 rows jumped", endpoint: "ozon.v2", at: "2026-11-22T11:50:30Z" },
        ],
      },
      rejectCount: 120,
      rejects: [
        reject(["sku: must be positive"], 1),
        reject(["sku: must be positive", "available: negative"], 2),
        reject([], 3),
      ],
    });
    const text = runDetailText(detail, NOW);
    expect(text).toContain("status:   partial: endpoint switched off");
    expect(text).toContain("Issues (1):\n  2026-11-22T11:50:30Z  STOCK_JUMP [ozon.v2]  3 rows jumped");
    expect(text).toContain(
      "Rejected rows: 120\n  reasons in the first 3:\n      2× sku: must be positive\n      1× (no reason recorded)\n      1× available: negative",
    );
    expect(text).toContain('e.g. ozon.v2.stock_on_warehouses#0 row 1: {"sku":-5}');
  });

  it("rejectReasons orders by count then text", () => {
    expect(rejectReasons([])).toEqual([]);
  });
});

describe("progressLine", () => {
  it("says where a run is", () => {
    expect(progressLine(aRun({ status: "running", runMs: null, finishedAt: null }), NOW)).toBe(
      "Ozon demo: running, 13 pages, 12,345 rows extracted, 12,290 loaded, 45 rejected, 14 API calls, 10m 00s",
    );
  });
});

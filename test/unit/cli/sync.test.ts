// `sync`: what it asks the API, what it prints, following runs with --wait, and its exit codes.
import { describe, expect, it } from "vitest";
import type { Run } from "../../../cli/api-types";
import { syncCommand } from "../../../cli/commands/sync";
import { fakeContext } from "./fake-context";
import { aDetail, aRun } from "./fixtures";

const OZON = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const RUN = "11111111-1111-4111-8111-111111111111";
const ACTIVE = "33333333-3333-4333-8333-333333333333";

const running = (pages: number): Run =>
  aRun({
    status: "running",
    pagesDone: pages,
    extracted: pages * 1000,
    normalized: pages * 1000,
    failed: 0,
    finishedAt: null,
    runMs: null,
  });

describe("sync", () => {
  it("starts a full run for a named account and returns at once", async () => {
    const { ctx, calls, lines } = fakeContext({
      "GET /api/runs?pageSize=500": () => ({ items: [aRun()], page: 1, pageSize: 500, total: 1 }),
      "POST /api/etl/sync": () => ({ runs: [{ accountId: OZON, started: true, runId: RUN }] }),
      [`GET /api/runs/${RUN}`]: () => aDetail({ run: { ...running(0), issues: [] } }),
    });
    const code = await syncCommand.run(ctx, {
      values: { account: "ozon DEMO", full: true },
      positionals: [],
    });
    expect(code).toBe(0);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      accountId: OZON,
      kind: "full",
      trigger: "cli",
    });
    expect(lines).toEqual([`Started full run ${RUN} for Ozon demo (ozon).`]);
  });

  it("--wait prints progress until the run ends; success exits 0", async () => {
    const states = [
      running(1),
      running(1),
      running(3),
      aRun({ pagesDone: 4, extracted: 4000, normalized: 4000, failed: 0 }),
    ];
    const { ctx, lines } = fakeContext({
      "POST /api/etl/sync": () => ({ runs: [{ accountId: OZON, started: true, runId: RUN }] }),
      [`GET /api/runs/${RUN}`]: (_body, call) =>
        aDetail({ run: { ...(states[call - 1] ?? aRun()), issues: [] } }),
    });
    const code = await syncCommand.run(ctx, { values: { wait: true }, positionals: [] });
    expect(code).toBe(0);
    expect(lines[0]).toBe(`Started incremental run ${RUN} for Ozon demo (ozon).`);
    // The unchanged second poll prints nothing.
    expect(lines.slice(1).map((l) => l.replace(/, [^,]+$/, ""))).toEqual([
      "Ozon demo: running, 1 pages, 1,000 rows extracted, 1,000 loaded, 0 rejected, 14 API calls",
      "Ozon demo: running, 3 pages, 3,000 rows extracted, 3,000 loaded, 0 rejected, 14 API calls",
      "Ozon demo: succeeded, 4 pages, 4,000 rows extracted, 4,000 loaded, 0 rejected, 14 API calls",
    ]);
  });

  it("a refused sync with --wait follows the active run; a partial end exits 1", async () => {
    const { ctx, lines } = fakeContext({
      "POST /api/etl/sync": () => ({
        runs: [{ accountId: OZON, started: false, runId: RUN, activeRunId: ACTIVE }],
      }),
      [`GET /api/runs/${RUN}`]: () => aDetail({ run: { ...aRun({ status: "refused" }), issues: [] } }),
      [`GET /api/runs/${ACTIVE}`]: () =>
        aDetail({
          run: { ...aRun({ id: ACTIVE, status: "partial", error: "wb.stocks switched off" }), issues: [] },
        }),
    });
    const code = await syncCommand.run(ctx, { values: { wait: true }, positionals: [] });
    expect(code).toBe(1);
    expect(lines[0]).toBe(`Refused for Ozon demo (ozon): run ${ACTIVE} is in progress.`);
    expect(lines.at(-1)).toBe(`Run ${ACTIVE} ended partial: wb.stocks switched off`);
  });

  it("gives up after --timeout and says how to follow", async () => {
    const { ctx, lines } = fakeContext({
      "POST /api/etl/sync": () => ({ runs: [{ accountId: OZON, started: true, runId: RUN }] }),
      [`GET /api/runs/${RUN}`]: () => aDetail({ run: { ...running(1), issues: [] } }),
    });
    const code = await syncCommand.run(ctx, {
      values: { wait: true, timeout: "10", interval: "2" },
      positionals: [],
    });
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(new RegExp(`^Still running after 10.0 s: ${RUN}; follow with`));
  });

  it("no enabled account exits 1; an unknown account name is an argument error", async () => {
    const empty = fakeContext({ "POST /api/etl/sync": () => ({ runs: [] }) });
    expect(await syncCommand.run(empty.ctx, { values: {}, positionals: [] })).toBe(1);
    expect(empty.lines).toEqual(["No enabled account to sync."]);
    const unknown = fakeContext({
      "GET /api/runs?pageSize=500": () => ({ items: [aRun()], page: 1, pageSize: 500, total: 1 }),
    });
    await expect(
      syncCommand.run(unknown.ctx, { values: { account: "Nope" }, positionals: [] }),
    ).rejects.toThrow('--account: no account named "Nope"; known: "Ozon demo"');
  });
});

// A sync run with rejected rows and a recorded error, for the checks that must see one (the Russian-text check,
// the layout audit): the simulator damages some Ozon stock rows and fails one call, the demo's Ozon account
// syncs once through the dashboard's API, the faults are cleared. Made once per e2e run and shared.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";

interface RunDetail {
  run: { status: string; issues: { code: string }[] };
  rejectCount: number;
}

const ENDED = new Set(["succeeded", "partial", "failed", "refused"]);
let made: Promise<string> | undefined;

async function setFaults(simUrl: string, rules: unknown[]): Promise<void> {
  const response = await fetch(`${simUrl}/_sim/faults`, {
    method: rules.length > 0 ? "PUT" : "DELETE",
    headers: { "Content-Type": "application/json" },
    body: rules.length > 0 ? JSON.stringify({ rules }) : undefined,
  });
  assert.equal(response.status, 200, `the simulator took the faults: ${await response.text()}`);
}

async function json<T>(page: Page, path: string, init?: { data: unknown }): Promise<T> {
  const url = new URL(path, page.url()).href;
  const response = init ? await page.request.post(url, { data: init.data }) : await page.request.get(url);
  assert.ok(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function make(page: Page, simUrl: string): Promise<string> {
  const { items } = await json<{ items: { id: string; marketplace: string }[] }>(page, "/api/accounts");
  const ozon = items.find((account) => account.marketplace === "ozon");
  assert.ok(ozon, "the demo seller has an Ozon account");
  await setFaults(simUrl, [
    { endpoint: "ozon.stock_on_warehouses", kind: "server_error", calls: [1] },
    { endpoint: "ozon.stock_on_warehouses", kind: "malformed_rows", from: 2, fraction: 0.05, mode: "mixed" },
  ]);
  try {
    const started = await json<unknown>(page, "/api/etl/sync", {
      data: { accountId: ozon.id, kind: "full", trigger: "dashboard" },
    });
    const runId = JSON.stringify(started).match(/"runId":"([0-9a-f-]{36})"/)?.[1];
    assert.ok(runId, `the sync started a run: ${JSON.stringify(started)}`);
    // An upper bound on waiting for the run to end, not a speed check.
    let detail: RunDetail | undefined;
    for (let waited = 0; waited < 600; waited += 2) {
      detail = await json<RunDetail>(page, `/api/runs/${runId}`);
      if (ENDED.has(detail.run.status)) break;
      await page.waitForTimeout(2000);
    }
    assert.ok(detail && detail.rejectCount > 0, `the run rejected rows: ${JSON.stringify(detail?.run)}`);
    assert.ok(detail.run.issues.length > 0, "the run recorded an error");
    return `/sync/runs/${runId}`;
  } finally {
    await setFaults(simUrl, []);
  }
}

/** The path of the run page with rejected rows and an error (made on the first call). */
export function faultedRunPath(page: Page, simUrl: string): Promise<string> {
  made ??= make(page, simUrl);
  return made;
}

// One delivery runs several steps of a run while its budget lasts (cron/engine/ingest-step.ts); the start runs
// none (it queues each feed's first page). A consumer that
// dies in the middle of such a chain is redelivered: the redelivery resumes at the step that did not run,
// fetches none of the pages already loaded again, and the run ends equal to the truth. A later redelivery of
// the finished chain changes nothing.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { deliver, startHeldRun } from "./hand-queue";
import { db, runRow, simulator } from "./helpers";
import { loadedOzonOf, ozonTruthOf, seedFboFbsAccount } from "./ozon-sources";
import { useExclusiveSimulator } from "./sim-lease";
import { accountSnapshot } from "./snapshot";

useTestDatabase();
useExclusiveSimulator();

/** Long enough for the whole run: the chain is cut only by the injected death. */
const WHOLE_RUN_MS = 600_000;

/** The warehouse directory an Ozon start reads (again when the start is redelivered), apart from the pages. */
const DIRECTORY = new Set(["ozon.warehouse_list", "ozon.cluster_list"]);

async function vendorRequests(): Promise<{ pages: number; directory: number }> {
  const stats = await simulator<{ summary: Record<string, { total: number }> }>("/_sim/stats");
  const count = { pages: 0, directory: 0 };
  for (const [endpoint, { total }] of Object.entries(stats.summary)) {
    if (DIRECTORY.has(endpoint)) count.directory += total;
    else count.pages += total;
  }
  return count;
}

async function pagesOf(runId: string): Promise<number> {
  const result = await db().execute(sql`select count(*)::int as n from etl_pages where run_id = ${runId}`);
  return (result.rows[0] as { n: number }).n;
}

describe("a delivery that runs several pages of a run", () => {
  it("dies mid-chain: the redelivery resumes where it stopped, and the run ends equal to the truth", async () => {
    // Stock alone: one chain (a report would be a feed of its own beside it, run-feeds.ts).
    const ids = await seedFboFbsAccount({ sales: [], reports: [], pageLimit: 100 });
    await simulator("/_sim/stats", { method: "DELETE" });
    const start = await startHeldRun(ids, "full");

    // The start reads the warehouse directory and queues the stock feed's first page; it runs no page itself.
    const started = await deliver(start, { stepBudgetMs: WHOLE_RUN_MS });
    expect(started.retried).toBe(false);
    expect(started.sent.map((s) => s.body.type)).toEqual(["page"]);
    const first = started.sent[0]?.body;
    if (!first) throw new Error("the start queued no page");
    expect(await pagesOf(start.runId)).toBe(0);

    // Page 0 runs whole (its vendor pages read ahead); the consumer dies before its second step.
    const dying = await deliver(first, { stepBudgetMs: WHOLE_RUN_MS, dieAfterSteps: 1 });
    expect(dying).toEqual({ sent: [], retried: true });
    expect(await pagesOf(start.runId)).toBe(1);
    // Each step reads small vendor pages ahead (page-group.ts): one step, at least one vendor page.
    const died = await vendorRequests();
    expect(died.pages).toBeGreaterThanOrEqual(1);
    expect(died.directory).toBe(2);
    expect((await runRow(start.runId)).status).toBe("running");

    const again = await deliver(first, { stepBudgetMs: WHOLE_RUN_MS });
    expect(again).toEqual({ sent: [], retried: false });
    const run = await runRow(start.runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    const pages = await pagesOf(start.runId);
    expect(pages).toBeGreaterThan(1);
    expect(run.pages_done).toBe(pages);
    // The start was not delivered again: the warehouse directory was read once (two requests).
    const requested = await vendorRequests();
    expect(requested.directory).toBe(2);
    expect(run.api_requests).toBe(requested.pages + 2);
    expect(await loadedOzonOf(ids.accountId, "fbo")).toEqual(await ozonTruthOf("fbo"));
    expect(await loadedOzonOf(ids.accountId, "fbs")).toEqual(await ozonTruthOf("fbs"));

    const finished = await accountSnapshot(ids.accountId, start.runId);
    const late = await deliver(first, { stepBudgetMs: WHOLE_RUN_MS });
    expect(late).toEqual({ sent: [], retried: false });
    expect(await accountSnapshot(ids.accountId, start.runId)).toEqual(finished);
    expect(await vendorRequests()).toEqual(requested);

    // The pages the dead delivery loaded were not fetched again: an uninterrupted run of the same listing asks
    // the vendor for as many pages.
    await simulator("/_sim/stats", { method: "DELETE" });
    const whole = await startHeldRun(ids, "full");
    const [page] = (await deliver(whole, { stepBudgetMs: WHOLE_RUN_MS })).sent;
    if (!page) throw new Error("the start queued no page");
    expect(await deliver(page.body, { stepBudgetMs: WHOLE_RUN_MS })).toEqual({ sent: [], retried: false });
    expect((await runRow(whole.runId)).status).toBe("succeeded");
    expect(await vendorRequests()).toEqual({ pages: requested.pages, directory: 2 });
  });
});

// At-least-once delivery when the ack is lost: every message of an Ozon FBO + FBS run is delivered twice, the
// second time after the first had loaded its page and sent its successor. The redelivery calls no vendor and
// sends nothing (no second chain), the duplicate first page of a redelivered start stops at once, a page that
// died before sending still hands on, and the vendor sees exactly the requests of one chain.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { IngestMessage } from "../../../cron/messages";
import { useTestDatabase } from "../../support/worker-database";
import { deliver, type Sent, startHeldRun } from "./hand-queue";
import { db, runRow, simulator } from "./helpers";
import { loadedOzonOf, ozonTruthOf, seedFboFbsAccount } from "./ozon-sources";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

/** Vendor requests the simulator has logged since its stats were cleared. */
async function vendorRequests(): Promise<number> {
  const stats = await simulator<{ summary: Record<string, { total: number }> }>("/_sim/stats");
  return Object.values(stats.summary).reduce((sum, endpoint) => sum + endpoint.total, 0);
}

async function pagesOf(runId: string): Promise<number> {
  const result = await db().execute(sql`select count(*)::int as n from etl_pages where run_id = ${runId}`);
  return (result.rows[0] as { n: number }).n;
}

describe("a page redelivered after its ack was lost", () => {
  it("starts no second chain: the vendor sees one chain's requests and the run ends equal to the truth", async () => {
    // Stock alone: one chain (a report would be a feed of its own beside it; the next test runs them all).
    const ids = await seedFboFbsAccount({ sales: [], reports: [], pageLimit: 100 });
    await simulator("/_sim/stats", { method: "DELETE" });
    const start = await startHeldRun(ids, "full");
    const queue: IngestMessage[] = [start];
    const take = (sent: Sent[]) => queue.push(...sent.map((s) => s.body));
    let delivered = 0;
    let diedBeforeSend = false;
    for (let message = queue.shift(); message; message = queue.shift()) {
      if (message.type === "page" && message.page === 2 && !diedBeforeSend) {
        // This consumer loads the page and dies before sending on: the queue's retry must still hand it on.
        diedBeforeSend = true;
        const dying = await deliver(message, { failSend: true });
        expect(dying).toEqual({ sent: [], retried: true });
      }
      const first = await deliver(message);
      expect(first.retried).toBe(false);
      const before = await vendorRequests();
      const again = await deliver(message);
      expect(again.retried).toBe(false);
      if (message.type === "page") {
        expect(again.sent).toEqual([]);
        expect(await vendorRequests()).toBe(before);
      }
      take(first.sent);
      // A redelivered start sends its first page again: that copy finds the page handed on and stops.
      take(again.sent);
      delivered++;
    }
    expect(diedBeforeSend).toBe(true);
    const run = await runRow(start.runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    const pages = await pagesOf(start.runId);
    expect(pages).toBeGreaterThan(4);
    expect(run.pages_done).toBe(pages);
    // One request per page of the chain, plus the refetch of the page whose first delivery died before sending,
    // plus the warehouse directory (cluster list and warehouse list) read by each of the start's two deliveries.
    const directory = 2 * 2;
    expect(await vendorRequests()).toBe(pages + 1 + directory);
    expect(run.api_requests).toBe(pages + 1 + directory);
    // start, every page, the duplicate first page, finalize.
    expect(delivered).toBe(pages + 3);
    expect(await loadedOzonOf(ids.accountId, "fbo")).toEqual(await ozonTruthOf("fbo"));
    expect(await loadedOzonOf(ids.accountId, "fbs")).toEqual(await ozonTruthOf("fbs"));
  });

  it("a run's feeds side by side, every message delivered twice: one finalize, after the last feed, equal to the truth", async () => {
    // Stock, the FBO postings once it ends, and the turnover report from the start (run-feeds.ts).
    const ids = await seedFboFbsAccount({ sales: ["ozon.v3.posting_fbo_list"], pageLimit: 100 });
    const start = await startHeldRun(ids, "full");
    const queue: IngestMessage[] = [start];
    const feedsAtFinalize: string[] = [];
    let finalizes = 0;
    let firstReportPage = -1;
    let lastStockPage = -1;
    for (let at = 0, message = queue.shift(); message; at++, message = queue.shift()) {
      if (message.type === "page" && message.endpoint === "ozon.v1.analytics_turnover_stocks")
        firstReportPage = firstReportPage < 0 ? at : firstReportPage;
      if (message.type === "page" && message.endpoint.startsWith("ozon.v2.")) lastStockPage = at;
      if (message.type === "finalize") {
        finalizes++;
        const open = await db().execute(
          sql`select feed from etl_run_feeds where run_id = ${start.runId} and finished_at is null`,
        );
        feedsAtFinalize.push(...open.rows.map((row) => String(row.feed)));
      }
      const first = await deliver(message);
      const again = await deliver(message);
      expect(first.retried || again.retried).toBe(false);
      if (message.type === "page") expect(again.sent).toEqual([]);
      queue.push(...first.sent.map((s) => s.body), ...again.sent.map((s) => s.body));
    }
    // The report's first page went before the stock feed's last; finalize came once, with no feed open.
    expect(firstReportPage).toBeGreaterThanOrEqual(0);
    expect(firstReportPage).toBeLessThan(lastStockPage);
    expect(finalizes).toBe(1);
    expect(feedsAtFinalize).toEqual([]);
    const run = await runRow(start.runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(await loadedOzonOf(ids.accountId, "fbo")).toEqual(await ozonTruthOf("fbo"));
    expect(await loadedOzonOf(ids.accountId, "fbs")).toEqual(await ozonTruthOf("fbs"));
    const turnover = await db().execute(
      sql`select count(*)::int as n from ozon_turnover where account_id = ${ids.accountId} and complete`,
    );
    expect((turnover.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });
});

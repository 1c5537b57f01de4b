// A run's feeds go side by side (the stock feed, then each sales feed; the turnover report from the start) and
// join before finalize: the join itself (etl_run_feeds), and whole Ozon runs through the in-process driver, one
// step per delivery so the feeds' messages interleave: they end equal to the simulator's truth, a last page
// delivered again after its hand-on was lost finalizes nothing twice, and a failing feed ends the run with its
// reason.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { OZON_TURNOVER_STOCKS_V1_ID } from "../../../cron/adapters/ozon/analytics-turnover-stocks-v1";
import type { RunContext } from "../../../cron/engine/run-context";
import { finishFeed, openFeeds, STOCK_FEED, storedProgress } from "../../../cron/engine/run-feeds";
import { runSync } from "../../../cron/engine/run-in-process";
import type { StatementRunner } from "../../../cron/load/statement-runner";
import { seedAccount, startTestRun } from "./pglite-database";
import { loadedStock, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 23, size: 300 });
const FBO = "ozon.v3.posting_fbo_list";
const FBS = "ozon.v4.posting_fbs_list";
const dialect = new PgDialect();

function ozonTruth(): Map<string, string> {
  const cells = harness.sim.truth
    .stock("ozon")
    .filter((c) => c.inFeed && c.available + c.reserved + c.inTransit > 0);
  return new Map(
    cells.map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`]),
  );
}

async function runRow(runId: string) {
  const [row] = await harness.db.query<{ status: string; error: string | null; finished_at: string }>(
    "select status, error, finished_at::text from etl_runs where id = $1",
    [runId],
  );
  return row;
}

async function feedRows(runId: string) {
  return harness.db.query<{ feed: string; finished: boolean; last: boolean }>(
    "select feed, finished_at is not null as finished, last from etl_run_feeds where run_id = $1 order by feed",
    [runId],
  );
}

describe("the join of a run's feeds", () => {
  it("finalize waits for the slowest feed, and only the page that finished the last one sends it", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    const runId = await startTestRun(harness.db, ids.orgId, ids.accountId, "full");
    const run = {
      runId,
      ...ids,
      marketplace: "ozon",
      status: "running",
      endpoints: {},
      baseUrl: null,
      credentials: {},
      stockJumpFactor: null,
    } as RunContext;
    const progress = { completeSources: ["ozon.fbo"], zeroEndpoints: ["ozon.v2.stock_on_warehouses"] };
    await openFeeds(harness.db.run, run, "full");
    await openFeeds(harness.db.run, run, "full");
    expect((await feedRows(runId)).map((f) => f.feed)).toEqual(
      [STOCK_FEED, FBO, FBS, OZON_TURNOVER_STOCKS_V1_ID].sort(),
    );
    const finish = (feed: string, pageKey: string) =>
      finishFeed(harness.db.run, run, "full", feed, pageKey, feed === STOCK_FEED ? progress : null);
    expect(await finish(STOCK_FEED, "ozon.v2.stocks_by_warehouse_fbs#3")).toEqual({
      mine: true,
      finalize: false,
    });
    // The same last page again (its hand-on lost): still its own, still not the last feed.
    expect(await finish(STOCK_FEED, "ozon.v2.stocks_by_warehouse_fbs#3")).toEqual({
      mine: true,
      finalize: false,
    });
    expect(await finish(FBO, `${FBO}#4`)).toEqual({ mine: true, finalize: false });
    expect(await finish(OZON_TURNOVER_STOCKS_V1_ID, `${OZON_TURNOVER_STOCKS_V1_ID}#2`)).toEqual({
      mine: true,
      finalize: false,
    });
    // A twin of the report's chain that ends at another page finds the feed finished by someone else.
    expect(await finish(OZON_TURNOVER_STOCKS_V1_ID, `${OZON_TURNOVER_STOCKS_V1_ID}#3`)).toEqual({
      mine: false,
      finalize: false,
    });
    // The slowest feed ends: its page sends finalize, and so does its redelivery (the first send may be lost);
    // no other page ever does.
    expect(await finish(FBS, `${FBS}#0`)).toEqual({ mine: true, finalize: true });
    expect(await finish(FBS, `${FBS}#0`)).toEqual({ mine: true, finalize: true });
    expect(await finish(FBO, `${FBO}#4`)).toEqual({ mine: true, finalize: false });
    expect(await storedProgress(harness.db.run, runId)).toEqual(progress);
    expect((await feedRows(runId)).filter((f) => f.last).map((f) => f.feed)).toEqual([FBS]);
  });
});

describe("an Ozon run's feeds side by side (in-process driver, one step per delivery)", () => {
  it("interleave, end equal to the truth, and a last page delivered again after a lost hand-on finalizes once", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    const order: string[] = [];
    let finalizes = 0;
    const lostHandOns = new Set<string>();
    // Every page's hand-on fails once after its successors were sent (a delivery dying there), so each page,
    // the last of every feed included, is delivered again; finalize's snapshot counts its runs.
    const run: StatementRunner = async (statements: readonly SQL[]) => {
      for (const statement of statements) {
        const query = dialect.sqlToQuery(statement);
        if (query.sql.includes("insert into inventory_daily")) finalizes++;
        if (query.sql.includes("set handed_on_at")) {
          const key = String(query.params[2] ?? query.params.find((p) => String(p).includes("#")));
          if (!lostHandOns.has(key)) {
            lostHandOns.add(key);
            throw new Error(`the delivery died before handing ${key} on`);
          }
        }
      }
      return harness.db.run(statements);
    };
    const { runId, status } = await syncAgainstSimulator(
      { sim: harness.sim, db: { ...harness.db, run } },
      (input) => runSync({ ...input, stepBudget: null, onPage: (page) => order.push(page.endpoint) }),
      ids,
      "ozon",
      "full",
      { pageLimit: 100 },
    );
    expect(status).toBe("succeeded");
    expect(finalizes).toBe(1);
    expect(lostHandOns.size).toBeGreaterThan(4);
    // The report's pages went between the stock feed's, and the sales feeds' between each other's.
    const stock = (endpoint: string) => endpoint.startsWith("ozon.v2.");
    const firstReport = order.indexOf(OZON_TURNOVER_STOCKS_V1_ID);
    expect(firstReport).toBeGreaterThanOrEqual(0);
    expect(firstReport).toBeLessThan(order.findLastIndex(stock));
    const firstSale = order.findIndex((endpoint) => endpoint === FBO || endpoint === FBS);
    expect(firstSale).toBeGreaterThan(order.findLastIndex(stock));
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(ozonTruth());
    const [turnover] = await harness.db.query<{ n: number }>(
      "select count(*)::int as n from ozon_turnover where account_id = $1 and complete",
      [ids.accountId],
    );
    expect(turnover?.n).toBe(harness.sim.truth.ozonTurnover().length);
    const feeds = await feedRows(runId);
    expect(feeds.every((f) => f.finished)).toBe(true);
    expect(feeds.filter((f) => f.last)).toHaveLength(1);
  });

  it("a report the vendor switched off ends its feed: the run finalizes, partial, with the reason", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([{ endpoint: "ozon.turnover_stocks", kind: "switched_off", rate: 1 }]);
    const { runId, status } = await syncAgainstSimulator(
      harness,
      (input) => runSync({ ...input, stepBudget: null }),
      ids,
      "ozon",
      "full",
      { pageLimit: 100 },
    );
    harness.sim.faults.clear();
    expect(status).toBe("partial");
    expect((await runRow(runId))?.error).toContain("turnover");
    expect((await feedRows(runId)).every((f) => f.finished)).toBe(true);
    // The stock feed was read whole: finalize ran (stock equals the truth) despite the failed report.
    expect(await loadedStock(harness.db, ids.accountId)).toEqual(ozonTruth());
  });

  it("a sales feed the vendor keeps failing ends its feed: the run finalizes, partial, naming it", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([{ endpoint: "ozon.posting_fbs_list", kind: "server_error", rate: 1 }]);
    const { runId, status } = await syncAgainstSimulator(
      harness,
      (input) => runSync({ ...input, stepBudget: null }),
      ids,
      "ozon",
      "full",
      { pageLimit: 100 },
    );
    harness.sim.faults.clear();
    expect(status).toBe("partial");
    expect((await runRow(runId))?.error).toContain(FBS);
    expect((await feedRows(runId)).every((f) => f.finished)).toBe(true);
  });

  it("a feed whose page fails every delivery ends the run (not running), naming the page and the reason", async () => {
    const ids = await seedAccount(harness.db, "ozon");
    // The FBS postings' first page never loads (its database write fails on every delivery).
    const run: StatementRunner = async (statements: readonly SQL[]) => {
      for (const statement of statements) {
        const query = dialect.sqlToQuery(statement);
        if (query.sql.includes("insert into etl_pages") && query.params.includes(`${FBS}#0`))
          throw new Error("the database refused the page");
      }
      return harness.db.run(statements);
    };
    const { runId, status } = await syncAgainstSimulator(
      { sim: harness.sim, db: { ...harness.db, run } },
      (input) => runSync({ ...input, stepBudget: null, deliveries: 2 }),
      ids,
      "ozon",
      "full",
      { pageLimit: 100 },
    );
    expect(status).toBe("partial");
    const ended = await runRow(runId);
    expect(ended?.status).toBe("partial");
    expect(ended?.error).toContain(`page 0 of ${FBS}`);
    expect(ended?.error).toContain("the database refused the page");
    expect(ended?.finished_at).toBeTruthy();
    // Finalize never ran: the FBS feed never finished.
    expect((await feedRows(runId)).find((f) => f.feed === FBS)?.finished).toBe(false);
  });
});

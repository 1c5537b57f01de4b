// Two feeds of one run (WB orders and WB sales) load their pages side by side, on a real PostgreSQL server:
// each page's transaction takes its feed's lock, not the run's, so a page of one feed goes through its own
// rows while the other's transaction is open and waits only for the run's row (its counters, written last);
// two pages naming the same new listings in opposite orders wait for each other instead of deadlocking; and
// the run's counters add up both pages.
import { describe, expect, it } from "vitest";
import { feedLockedRunner } from "../../../cron/engine/page-load";
import { loadSalesPage } from "../../../cron/load/load-sales-page";
import type { PageScope } from "../../../cron/load/page-scope";
import { recordApiCalls } from "../../../cron/load/run-log";
import type { ValidSale } from "../../../cron/validate/validate-sales";
import { postgresInstalled, runnerOn, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, startTestRun } from "./seed-organization";

const ORDERS = "wb.v1.supplier_orders";
const SALES = "wb.v1.supplier_sales";

function sale(kind: "order" | "sale", externalId: string, nmId: number): ValidSale {
  return {
    listing: { externalKey: `nm:${nmId}:0`, article: `ART-${nmId}`, name: `Товар ${nmId}`, wbNmId: nmId },
    kind,
    externalId,
    occurredAt: "2026-12-01T10:00:00.000Z",
    quantity: 1,
    revenue: 100,
    warehouseName: null,
    region: null,
    status: null,
    lastChangeAt: null,
    cancelledAt: null,
    drift: [],
    warehouse: null,
    quality: 1,
  };
}

describe.skipIf(!postgresInstalled())("a run's feeds loading side by side (real PostgreSQL)", () => {
  const pg = usePostgresSessions(["orders", "sales"] as const);
  const rows: RowsQuery = async (text, params) => (await pg.observer.query(text, params)).rows;

  async function seedRun() {
    const { orgId, accounts } = await seedOrganization(rows, ["wb"]);
    const runId = await startTestRun({ query: rows }, orgId, accounts.wb);
    const scope = (endpoint: string): PageScope => ({
      orgId,
      accountId: accounts.wb,
      marketplace: "wb",
      runId,
      pageKey: `${endpoint}#0`,
      endpoint,
    });
    /** One page of `endpoint` loaded on `session` as the engine loads it, inside the session's open transaction. */
    const load = (session: "orders" | "sales", endpoint: string, valid: ValidSale[]) =>
      loadSalesPage(
        feedLockedRunner(runnerOn(pg.sessions[session]), runId, endpoint),
        scope(endpoint),
        { valid, rejected: [] },
        valid.length,
        null,
        [recordApiCalls(runId, { requests: 1, failed: 0, ms: 10 })],
      );
    const counted = async () =>
      (await rows("select pages_done, api_requests, normalized from etl_runs where id = $1", [runId]))[0];
    const listings = async () =>
      (
        await rows("select external_key from listings where account_id = $1 order by external_key", [
          accounts.wb,
        ])
      ).map((row) => row.external_key);
    const sales = async () =>
      Number((await rows("select count(*)::int as n from sales where run_id = $1", [runId]))[0]?.n);
    return { load, counted, listings, sales };
  }

  it("a page of another feed goes through its own rows and waits only for the run's row", async () => {
    const { load, counted, listings, sales } = await seedRun();
    const { orders, sales: salesSession } = pg.sessions;
    await orders.query("begin");
    expect((await load("orders", ORDERS, [sale("order", "o1", 1), sale("order", "o2", 2)])).claimed).toBe(
      true,
    );
    await salesSession.query("begin");
    const second = load("sales", SALES, [sale("sale", "s3", 3), sale("sale", "s4", 4)]);
    // Under the run's lock it waited for the advisory lock before writing anything; now for the run's row.
    await pg.waitingForLock(salesSession, "transactionid");
    await orders.query("commit");
    expect((await second).claimed).toBe(true);
    await salesSession.query("commit");
    expect(await listings()).toEqual(["nm:1:0", "nm:2:0", "nm:3:0", "nm:4:0"]);
    expect(await sales()).toBe(4);
    expect(await counted()).toEqual({ pages_done: 2, api_requests: 2, normalized: 4 });
  });

  it("two pages naming the same new listings in opposite orders wait for each other, then both count", async () => {
    const { load, counted, listings, sales } = await seedRun();
    const { orders, sales: salesSession } = pg.sessions;
    await orders.query("begin");
    await load("orders", ORDERS, [sale("order", "o6", 6), sale("order", "o5", 5)]);
    await salesSession.query("begin");
    const second = load("sales", SALES, [sale("sale", "s5", 5), sale("sale", "s6", 6)]);
    await pg.waitingForLock(salesSession, "transactionid");
    await orders.query("commit");
    expect((await second).claimed).toBe(true);
    await salesSession.query("commit");
    expect(await listings()).toEqual(["nm:5:0", "nm:6:0"]);
    expect(await sales()).toBe(4);
    expect(await counted()).toEqual({ pages_done: 2, api_requests: 2, normalized: 4 });
  });
});

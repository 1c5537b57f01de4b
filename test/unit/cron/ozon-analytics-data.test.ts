// Ozon /v1/analytics/data as a sales feed against the simulator into PGlite: the loaded sku × day orders equal the
// simulator's postings summed per sku and day, a second run changes nothing (no duplicates), an incremental run
// after the world moved on still equals the truth; shifting pages, damaged rows and wrong shapes.
import { describe, expect, it } from "vitest";
import {
  ANALYTICS_DATA_LIMIT,
  analyticsSaleId,
  OZON_ANALYTICS_DATA_V1_ID,
  ozonAnalyticsDataV1,
} from "../../../cron/adapters/ozon/analytics-data-v1";
import { salesAdapterList } from "../../../cron/adapters/sales-adapters";
import { runSync } from "../../../cron/engine/run-in-process";
import type { OzonSaleTruth } from "../../../dev/sim/truth";
import { seedAccount } from "./pglite-database";
import { expectDamagedRowsRejected, syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";
import { answeringContext, marketplaceError } from "./stub-vendor";

const harness = useSimulatorAndDatabase({ seed: 31, size: 400 });

type Ids = { orgId: string; accountId: string };

/** One run of the account with analytics/data as its only sales feed, at the simulator's clock. */
async function sync(ids: Ids, kind: "full" | "incremental" = "full") {
  const { runId, status } = await syncAgainstSimulator(harness, runSync, ids, "ozon", kind, {
    pageLimit: 150,
    sales: [OZON_ANALYTICS_DATA_V1_ID],
    nowMs: harness.sim.now().getTime(),
  });
  const [run] = await harness.db.query<{
    inserted: number;
    updated: number;
    failed: number;
    issues: { code: string; message: string }[];
  }>("select inserted, updated, failed, issues from etl_runs where id = $1", [runId]);
  return { runId, status, ...run };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** "order|analytics:<sku>:<day>" → "units/revenue" from the simulator's postings (cancelled ones were ordered too). */
function truth(): Map<string, string> {
  const sums = new Map<string, { units: number; revenue: number }>();
  for (const row of harness.sim.truth.sales("ozon") as OzonSaleTruth[]) {
    const key = `order|${analyticsSaleId(row.sku, row.createdAt.slice(0, 10))}`;
    const sum = sums.get(key) ?? { units: 0, revenue: 0 };
    sum.units += row.quantity;
    sum.revenue += row.price * row.quantity;
    sums.set(key, sum);
  }
  expect(sums.size).toBeGreaterThan(200);
  return new Map([...sums].map(([key, s]) => [key, `${s.units}/${round2(s.revenue)}`] as const));
}

/** The same view of the loaded sales facts; fails on a duplicate key. */
async function loadedSales(accountId: string): Promise<Map<string, string>> {
  const rows = await harness.db.query<{ kind: string; id: string; q: number; r: string; day: string }>(
    `select kind, external_id as id, quantity as q, revenue::float8::text as r, day::text as day
     from sales where account_id = $1`,
    [accountId],
  );
  for (const row of rows) expect(row.id.endsWith(`:${row.day}`), row.id).toBe(true);
  const map = new Map(rows.map((row) => [`${row.kind}|${row.id}`, `${row.q}/${Number(row.r)}`]));
  expect(map.size).toBe(rows.length);
  return map;
}

describe("Ozon /v1/analytics/data against the simulator", () => {
  it("is not a default feed: an account configures it", () => {
    expect(salesAdapterList("ozon", undefined)).not.toContain(OZON_ANALYTICS_DATA_V1_ID);
    expect(salesAdapterList("ozon", [OZON_ANALYTICS_DATA_V1_ID])).toEqual([OZON_ANALYTICS_DATA_V1_ID]);
  });

  it("a full sync equals the per-sku-per-day truth despite shifting pages; a second run changes nothing", async () => {
    harness.sim.reset({ seed: 31, size: 400 });
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([{ endpoint: "ozon.analytics_data", kind: "shift_rows", calls: [2, 4], by: -7 }]);
    const first = await sync(ids);
    harness.sim.faults.clear();
    // Each shift breaks the join of two pages: noted, and the feed read again (the second time left as it is).
    expect((first.issues ?? []).map((issue) => issue.code)).toEqual(["PAGING", "PAGING"]);
    expect(first.status).toBe("succeeded");
    expect(await loadedSales(ids.accountId)).toEqual(truth());
    const calls = harness.sim.stats.requests("ozon.analytics_data");
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.every((call) => call.status === 200)).toBe(true); // the 1/minute budget held: no 429
    expect(calls.filter((call) => call.faults.includes("shift_rows"))).toHaveLength(2);

    const second = await sync(ids);
    expect(second.status).toBe("succeeded");
    expect([second.inserted, second.updated, second.failed]).toEqual([0, 0, 0]);
    expect(await loadedSales(ids.accountId)).toEqual(truth());
  });

  it("an incremental run after the world moved on re-reads the recent days and equals the truth", async () => {
    harness.sim.reset({ seed: 31, size: 400 });
    const ids = await seedAccount(harness.db, "ozon");
    expect((await sync(ids)).status).toBe("succeeded");
    harness.sim.advance({ hours: 30 });
    harness.sim.stats.clear();
    const incremental = await sync(ids, "incremental");
    expect(incremental.status).toBe("succeeded");
    expect(incremental.inserted).toBeGreaterThan(0);
    expect(await loadedSales(ids.accountId)).toEqual(truth());
    const asked = harness.sim.stats.requests("ozon.analytics_data");
    expect(asked.length).toBeGreaterThan(0);
  });

  it("rejects damaged rows with their reasons and loads every valid one as the truth has it", async () => {
    harness.sim.reset({ seed: 31, size: 400 });
    const ids = await seedAccount(harness.db, "ozon");
    harness.sim.faults.set([
      { endpoint: "ozon.analytics_data", kind: "malformed_rows", rate: 1, fraction: 0.05, mode: "mixed" },
    ]);
    const run = await sync(ids);
    harness.sim.faults.clear();
    expect(run.status).toBe("succeeded");
    await expectDamagedRowsRejected(harness.db, run, await loadedSales(ids.accountId), truth());
  });
});

/** A page context whose vendor answers 200 with `answer(url)` (the 1/minute budget compressed to ~1 ms). */
const answering = (answer: (url: string) => unknown) => answeringContext("ozon", answer, 60_000);

const cursor = ozonAnalyticsDataV1.firstCursor({
  kind: "full",
  watermark: null,
  nowMs: Date.parse("2026-11-01T06:00:00Z"),
});

describe("Ozon /v1/analytics/data rows and shapes", () => {
  it("asks sku × day from 90 days back; an incremental run from 3 days before its watermark", () => {
    expect(cursor).toEqual({ dateFrom: "2026-08-03", dateTo: "2026-11-01", offset: 0 });
    const nowMs = Date.parse("2026-11-01T06:00:00Z");
    expect(
      ozonAnalyticsDataV1.firstCursor({ kind: "incremental", watermark: "2026-10-30T00:00:00.000Z", nowMs }),
    ).toEqual({ dateFrom: "2026-10-27", dateTo: "2026-11-01", offset: 0 });
  });

  it("a response without result.data is MALFORMED_RESPONSE", async () => {
    const error = await marketplaceError(() =>
      ozonAnalyticsDataV1.fetchPage(
        answering(() => ({ data: [] })),
        cursor,
      ),
    );
    expect(error.code).toBe("MALFORMED_RESPONSE");
    expect(error.endpoint).toBe(OZON_ANALYTICS_DATA_V1_ID);
  });

  /** The products with their skus, as /v4/product/info/stocks names them (the product list has no sku). */
  const kettleProducts = {
    cursor: "",
    items: [
      { product_id: 9, offer_id: "KETTLE-1", stocks: [{ sku: "777", type: "fbo", present: 0, reserved: 0 }] },
    ],
  };

  it("moves the watermark only on the feed's last page (rows are not ordered by day)", async () => {
    const full = Array.from({ length: ANALYTICS_DATA_LIMIT }, (_, i) => ({
      dimensions: [
        { id: "777", name: "Kettle" },
        { id: i % 2 === 0 ? "2026-10-31" : "2026-10-01", name: "" },
      ],
      metrics: [100, 1],
    }));
    const products = kettleProducts;
    const page = await ozonAnalyticsDataV1.fetchPage(
      answering((url) =>
        url.endsWith("/v4/product/info/stocks") ? products : { result: { data: full, totals: [] } },
      ),
      cursor,
    );
    expect(page.next).not.toBeNull();
    expect(page.watermark ?? null).toBeNull();
  });

  it("maps a row to one order of the day with the article from the product list; unknown SKUs are rejected", async () => {
    const page = await ozonAnalyticsDataV1.fetchPage(
      answering((url) =>
        url.endsWith("/v4/product/info/stocks")
          ? kettleProducts
          : {
              result: {
                data: [
                  {
                    dimensions: [
                      { id: "777", name: "Kettle" },
                      { id: "2026-10-30", name: "" },
                    ],
                    metrics: [4099.5, 2],
                  },
                  {
                    dimensions: [
                      { id: "778", name: "Cup" },
                      { id: "2026-10-30", name: "" },
                    ],
                    metrics: [10, 1],
                  },
                  {
                    dimensions: [
                      { id: "777", name: "Kettle" },
                      { id: "2026-10-31", name: "" },
                    ],
                    metrics: [0, 0],
                  },
                ],
                totals: [4109.5, 3],
              },
            },
      ),
      cursor,
    );
    expect(page.next).toBeNull();
    // The feed's last page: the whole range was read, up to its end day.
    expect(page.watermark).toBe("2026-11-01T00:00:00.000Z");
    expect(page.rows).toEqual([
      {
        ok: true,
        record: {
          listing: {
            externalKey: "sku:777",
            article: "KETTLE-1",
            name: "Kettle",
            ozonSku: 777,
            ozonProductId: 9,
            offerId: "KETTLE-1",
          },
          kind: "order",
          externalId: "analytics:777:2026-10-30",
          occurredAt: "2026-10-30T12:00:00.000Z",
          quantity: 2,
          revenue: 4099.5,
          warehouseName: null,
          region: null,
          status: null,
          lastChangeAt: null,
          cancelledAt: null,
          drift: [],
        },
      },
      {
        ok: false,
        raw: {
          dimensions: [
            { id: "778", name: "Cup" },
            { id: "2026-10-30", name: "" },
          ],
          metrics: [10, 1],
        },
        reasons: ["sku 778: not in the seller's product list"],
      },
    ]);
  });
});

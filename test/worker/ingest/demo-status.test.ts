// Over the simulator's demo seller (seed 42, both marketplaces, synced through the queue): every product's
// status from the API is domain/stock-status.ts' for its figures, the dashboard counts them, and no product
// is both "overstock" and "order now" (GET /api/recommendations), on the cover basis and on the units basis.
// The check has teeth: the simulator's history is moved to end at the database's today (its default month lay
// weeks in the past, where the forecast decayed every velocity to a fraction and nothing near "overstock" was
// due), and on the units basis the test first requires products whose units band alone says "overstock" while
// their reorder is due: without the rule that "order now" is never overstock, they would show as both.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEFAULT_START } from "../../../dev/sim/clock";
import { reorderDue } from "../../../domain/replenishment";
import { type StatusRules, stockBand, stockStatus } from "../../../domain/stock-status";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, get, seedTenant, send, signIn } from "../api/fixtures";
import { db, seedSimAccount, simulator, syncThroughQueue } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

const ip = distinctIps(62);

interface Line {
  productId: number;
  article: string;
  status: string;
  available: number;
  inTransit: number;
}

async function json<T>(path: string, cookie: string): Promise<T> {
  const response = await get(path, ip(), { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

async function everyPage<T>(path: string, cookie: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await json<{ items: T[] }>(`${path}&pageSize=500&page=${page}`, cookie);
    items.push(...answer.items);
    if (answer.items.length < 500) return items;
  }
}

/** Products whose units or cover band is "overstock" while their reorder is due: where the two rules meet. */
interface Agreement {
  bandOverstockButDue: number;
}

async function expectStatusesAgree(orgId: string, cookie: string): Promise<Agreement> {
  const rules = await json<StatusRules>("/api/settings", cookie);
  const lines = await everyPage<Line>("/api/inventory?sort=article", cookie);
  const reorder = await everyPage<{ productId: number }>("/api/recommendations?onlyReorder=true", cookie);
  // The exact velocity (the API rounds it for display).
  const summary = await db().execute(
    sql`select product_id, velocity from product_summary where org_id = ${orgId}`,
  );
  const velocity = new Map(
    (summary.rows as Array<{ product_id: number | string; velocity: number | string }>).map((row) => [
      Number(row.product_id),
      Number(row.velocity),
    ]),
  );
  let bandOverstockButDue = 0;
  for (const line of lines) {
    const figures = {
      available: line.available,
      inTransit: line.inTransit,
      velocity: velocity.get(line.productId) ?? 0,
    };
    expect({ article: line.article, status: line.status }).toEqual({
      article: line.article,
      status: stockStatus(figures, rules),
    });
    if (stockBand(figures, rules) === "overstock" && reorderDue(figures, rules)) bandOverstockButDue++;
  }
  const overstock = new Set(
    lines.filter((line) => line.status === "overstock").map((line) => line.productId),
  );
  const toOrder = new Set(reorder.map((line) => line.productId));
  expect(overstock.size, "the demo has overstocked products").toBeGreaterThan(0);
  expect(toOrder.size, "the demo has products to order now").toBeGreaterThan(0);
  expect(
    [...toOrder].filter((id) => overstock.has(id)),
    "overstock and order now at once",
  ).toEqual([]);
  const dashboard = await json<{ counts: Record<string, number> }>("/api/dashboard", cookie);
  const tally = { critical: 0, low: 0, normal: 0, overstock: 0 } as Record<string, number>;
  for (const line of lines) tally[line.status] = (tally[line.status] ?? 0) + 1;
  expect(dashboard.counts).toEqual(tally);
  return { bandOverstockButDue };
}

describe("stock status over the demo seller", () => {
  it("matches the domain rule, and never says overstock to a product to order now, on both bases", async () => {
    // The simulator's month of history, ending at the database's today (06:00 UTC), so that the forecast reads
    // the demo's real selling rates; put back to its default start afterwards.
    const today = await db().execute(sql`select current_date::text as day`);
    const start = `${(today.rows[0] as { day: string }).day}T06:00:00Z`;
    await simulator("/_sim/reset", { method: "POST", body: JSON.stringify({ start }) });
    try {
      // A long lead time (200 + 30 safety days, goods shipped from afar): the demo's faster sellers (2–3.6 a
      // day) with a few hundred units are due an order, the case where a units-only status said "overstock"
      // beside "order now". The target cover and the cover ceiling stay above lead time + safety days, as the
      // settings require.
      const tenant = await seedTenant("demo-status", {
        leadTimeDays: 200,
        safetyStockDays: 30,
        targetCoverDays: 300,
        coverCeilingDays: 365,
      });
      for (const marketplace of ["ozon", "wb"] as const) {
        await syncThroughQueue(await seedSimAccount(marketplace, {}, tenant.orgId), "full");
      }
      const viewer = await signIn(tenant.users.viewer.email, ip());
      await expectStatusesAgree(tenant.orgId, viewer);
      const admin = await signIn(tenant.users.admin.email, ip());
      const units = await send("PATCH", "/api/settings", { statusBasis: "units" }, ip(), { cookie: admin });
      expect(units.status).toBe(200);
      const onUnits = await expectStatusesAgree(tenant.orgId, await signIn(tenant.users.viewer.email, ip()));
      expect(
        onUnits.bandOverstockButDue,
        "products over 100 units whose reorder is due (the rules' meeting point)",
      ).toBeGreaterThan(0);
    } finally {
      await simulator("/_sim/reset", {
        method: "POST",
        body: JSON.stringify({ start: DEFAULT_START.toISOString() }),
      });
    }
  });
});

// Over the simulator's demo seller (both marketplaces, synced through the queue, its history ending today): the
// supply plan agrees with "order now". Each product's destinations together forecast what the product does (its
// forecast spread by their share of its demand); the plan's units are the Recommendations' and the Overview's
// order-now units plus what packs, the cover cap and destinations planned one by one add, as the reconciliation
// says; and every line is priced at the product's one stored unit price, which finalize set from the listings'
// prices or the orders.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEFAULT_START } from "../../../dev/sim/clock";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, get, seedTenant, signIn } from "../api/fixtures";
import { db, seedSimAccount, simulator, syncThroughQueue } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

const ip = distinctIps(63);

interface Line {
  productId: number;
  article: string;
  quantity: number;
  unitPrice: number;
  productVelocity: number;
  inputs: { velocity: number };
}

interface Plan {
  items: Line[];
  total: number;
  totals: { units: number; value: number };
  reconciliation: {
    planUnits: number;
    orderNowUnits: number;
    planValue: number;
    orderNowValue: number;
    packsAndMinimum: number;
    coverCap: number;
    destinations: number;
    products: Array<{ planUnits: number; orderNowUnits: number; short: string[] }>;
    explanation: string;
  };
}

async function json<T>(path: string, cookie: string): Promise<T> {
  const response = await get(path, ip(), { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe("the supply plan over the demo seller", () => {
  it("reconciles with order now, spreads each product's forecast, and prices lines at the stored price", async () => {
    const today = await db().execute(sql`select current_date::text as day`);
    const start = `${(today.rows[0] as { day: string }).day}T06:00:00Z`;
    await simulator("/_sim/reset", { method: "POST", body: JSON.stringify({ start }) });
    try {
      const tenant = await seedTenant("demo-supply");
      for (const marketplace of ["ozon", "wb"] as const) {
        await syncThroughQueue(await seedSimAccount(marketplace, {}, tenant.orgId), "full");
      }
      const cookie = await signIn(tenant.users.viewer.email, ip());
      const first = await json<Plan>("/api/supply-plan?all=true&pageSize=500", cookie);
      const lines = [...first.items];
      for (let page = 2; lines.length < first.total; page++)
        lines.push(
          ...(await json<Plan>(`/api/supply-plan?all=true&pageSize=500&page=${page}`, cookie)).items,
        );
      expect(lines.length).toBe(first.total);

      // Order now: the Overview's units are the Recommendations' list, and the reconciliation's.
      const money = await json<{ money: { orderToday: { units: number; rub: number } } }>(
        "/api/dashboard",
        cookie,
      );
      const reorder = await json<{ items: Array<{ suggestedQuantity: number }> }>(
        "/api/recommendations?onlyReorder=true&pageSize=500",
        cookie,
      );
      const orderNow = reorder.items.reduce((sum, line) => sum + line.suggestedQuantity, 0);
      expect(orderNow, "the demo has products to order now").toBeGreaterThan(0);
      expect(money.money.orderToday.units).toBe(orderNow);
      const { reconciliation, totals } = first;
      expect(reconciliation.orderNowUnits).toBe(orderNow);
      expect(reconciliation.planUnits).toBe(totals.units);
      // In ₽ the same: order now at the products' one unit price is the Overview's "order today" (each product
      // rounded to the kopeck here, the sum there), the plan's value its lines'.
      expect(Math.abs(reconciliation.orderNowValue - money.money.orderToday.rub)).toBeLessThan(1);
      expect(reconciliation.planValue).toBeCloseTo(totals.value, 1);
      expect(reconciliation.planUnits).toBe(
        reconciliation.orderNowUnits +
          reconciliation.packsAndMinimum +
          reconciliation.coverCap +
          reconciliation.destinations,
      );
      // Minimum order 1 and single units (the defaults): packs add nothing.
      expect(reconciliation.packsAndMinimum).toBe(0);
      if (reconciliation.destinations !== 0) {
        expect(reconciliation.products[0]?.short.length, reconciliation.explanation).toBeGreaterThan(0);
      }

      // Each product's destinations forecast, together, the product's forecast (to the plan's 0.001 a day).
      const byProduct = new Map<number, { product: number; sum: number; lines: number }>();
      for (const line of lines) {
        const entry = byProduct.get(line.productId) ?? { product: line.productVelocity, sum: 0, lines: 0 };
        entry.sum += line.inputs.velocity;
        entry.lines += 1;
        byProduct.set(line.productId, entry);
      }
      const spread = [...byProduct.values()].filter((entry) => entry.sum > 0);
      expect(spread.length, "products with demand at a destination").toBeGreaterThan(10);
      for (const entry of spread)
        expect(Math.abs(entry.sum - entry.product)).toBeLessThanOrEqual(0.001 * entry.lines + 1e-9);

      // One price per product: finalize stored it; every line carries it.
      const prices = await db().execute(sql`select product_id, unit_price, price_source from product_summary
        where org_id = ${tenant.orgId}`);
      const stored = new Map(
        (prices.rows as Array<{ product_id: string | number; unit_price: number; price_source: string }>).map(
          (row) => [Number(row.product_id), row],
        ),
      );
      for (const line of lines) {
        expect(line.unitPrice).toBe(Math.round(Number(stored.get(line.productId)?.unit_price) * 100) / 100);
      }
      const priced = [...stored.values()].filter((row) => row.price_source !== "none");
      expect(priced.length, "products priced by their listings or orders").toBeGreaterThan(stored.size / 2);
      expect(priced.every((row) => Number(row.unit_price) > 0)).toBe(true);
    } finally {
      await simulator("/_sim/reset", {
        method: "POST",
        body: JSON.stringify({ start: DEFAULT_START.toISOString() }),
      });
    }
  });
});

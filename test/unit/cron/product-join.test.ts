// Joining products across marketplaces (cron/load/link-products.ts) against the simulator's catalogue: Ozon and
// WB listings of one seller article end on one product, whichever account syncs first; sized Ozon offers
// (`ARTICLE-SIZE`) join WB's article when WB sells that size, and no emptied product is left behind; the
// products' stock per day (product_stock_days) moves with the relinked listings' history.
import { describe, expect, it } from "vitest";
import { runSync } from "../../../cron/engine/run-in-process";
import { seedOrganization } from "./seed-organization";
import { syncAgainstSimulator, useSimulatorAndDatabase } from "./sim-harness";

const harness = useSimulatorAndDatabase({ seed: 42, size: 300 });

async function seedOrg(): Promise<{ orgId: string; ozon: string; wb: string }> {
  const { orgId, accounts } = await seedOrganization(harness.db.query, ["ozon", "wb"]);
  return { orgId, ...accounts };
}

async function sync(orgId: string, accountId: string, marketplace: "ozon" | "wb") {
  const { status } = await syncAgainstSimulator(harness, runSync, { orgId, accountId }, marketplace, "full");
  expect(status).toBe("succeeded");
}

/** listing external key → the article of the product it belongs to. */
async function productOf(orgId: string): Promise<Map<string, string>> {
  const rows = await harness.db.query<{ key: string; article: string }>(
    `select l.external_key as key, p.article from listings l join products p on p.id = l.product_id
     where l.org_id = $1`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.key, r.article]));
}

/** What the rule says each loaded listing belongs to, from the simulator's catalogue. */
function expectedProducts(loaded: Map<string, string>): Map<string, string> {
  const expected = new Map<string, string>();
  const wbSizes = new Set<string>();
  for (const l of harness.sim.truth.listings("wb")) {
    if (l.marketplace !== "wb") continue;
    const key = `nm:${l.nmId}:${l.techSize || "0"}`;
    if (!loaded.has(key)) continue;
    expected.set(key, l.article);
    wbSizes.add(`${l.article}|${l.techSize}`);
  }
  for (const l of harness.sim.truth.listings("ozon")) {
    if (l.marketplace !== "ozon" || !loaded.has(`sku:${l.sku}`)) continue;
    const joined = l.size === "0" || wbSizes.has(`${l.article}|${l.size}`);
    expected.set(`sku:${l.sku}`, joined ? l.article : l.offerId);
  }
  return expected;
}

describe("one product across Ozon and WB", () => {
  it("joins listings by the article rule whichever marketplace syncs first", async () => {
    const ozonFirst = await seedOrg();
    await sync(ozonFirst.orgId, ozonFirst.ozon, "ozon");
    await sync(ozonFirst.orgId, ozonFirst.wb, "wb");
    const wbFirst = await seedOrg();
    await sync(wbFirst.orgId, wbFirst.wb, "wb");
    await sync(wbFirst.orgId, wbFirst.ozon, "ozon");

    const mapped = await productOf(ozonFirst.orgId);
    expect(mapped.size).toBeGreaterThan(200);
    expect(mapped).toEqual(expectedProducts(mapped));
    expect(await productOf(wbFirst.orgId)).toEqual(mapped);

    // The rule did join sized offers (ARTICLE-SIZE), and every product left has a listing.
    const [joined] = await harness.db.query<{ n: number }>(
      `select count(*)::int as n from listings l join products p on p.id = l.product_id
       where l.org_id = $1 and l.marketplace = 'ozon' and l.offer_id <> p.article and l.size is not null`,
      [ozonFirst.orgId],
    );
    expect(joined?.n).toBeGreaterThan(10);
    for (const org of [ozonFirst, wbFirst]) {
      const [counts] = await harness.db.query<{ products: number; articles: number; both: number }>(
        `select (select count(*)::int from products where org_id = $1) as products,
           (select count(distinct p.article)::int from listings l join products p on p.id = l.product_id
            where l.org_id = $1) as articles,
           (select count(*)::int from (select product_id from listings where org_id = $1
            group by product_id having count(distinct marketplace) = 2) b) as both`,
        [org.orgId],
      );
      expect(counts?.products).toBe(counts?.articles);
      expect(counts?.both).toBeGreaterThan(20);
      // The products' stock per day moved with the relinked listings' history (ozonFirst's sized offers).
      const stockDays = (table: string) =>
        harness.db.query<{ key: string }>(
          `select product_id || ' ' || day || ' ' || ozon_available || ' ' || ozon_cells || ' ' || wb_available
             || ' ' || wb_cells as key from (${table}) t where ozon_cells + wb_cells > 0 order by 1`,
          [org.orgId],
        );
      expect(await stockDays("select * from product_stock_days where org_id = $1")).toEqual(
        await stockDays(`select product_id, day,
            coalesce(sum(available) filter (where marketplace = 'ozon'), 0) as ozon_available,
            count(*) filter (where marketplace = 'ozon') as ozon_cells,
            coalesce(sum(available) filter (where marketplace = 'wb'), 0) as wb_available,
            count(*) filter (where marketplace = 'wb') as wb_cells
          from inventory_daily where org_id = $1 group by product_id, day`),
      );
    }
  });
});

// A finalize sums the daily sales of its own marketplace and of the relinked one (Ozon, whose listings' sales a
// relink moves to another product), not every marketplace's: on a real PostgreSQL server, each account's
// finalize, in either order, leaves sales_daily and sales_day_totals equal to the sales summed; an Ozon account's
// finalize rewrites none of Wildberries' rows; a Wildberries account's finalize sums the Ozon sales its relink
// moved; and a run that ends without a finalize (abandoned) sums the sales its pages loaded.
import { describe, expect, it } from "vitest";
import { abandonRun } from "../../../cron/engine/abandon-run";
import type { EnginePorts } from "../../../cron/engine/ports";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { salesSummaryTransaction } from "../../../cron/load/finalize-run";
import type { IngestMessage } from "../../../cron/messages";
import { postgresInstalled, runnerOn, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, seedProducts, startTestRun } from "./seed-organization";

type Marketplace = "ozon" | "wb";

describe.skipIf(!postgresInstalled())(
  "daily sales of the finalizing account's marketplaces (real PostgreSQL)",
  () => {
    const pg = usePostgresSessions(["finalize"] as const);
    const rows: RowsQuery = async (text, params) => (await pg.observer.query(text, params)).rows;

    interface Seller {
      orgId: string;
      accounts: Record<Marketplace, string>;
      /** Product "ART" (the WB article) and "ART-46" (the Ozon offer before a relink joins it to ART). */
      products: { article: string; offer: string };
      listings: Record<Marketplace, string>;
    }

    async function seller(): Promise<Seller> {
      const { orgId, accounts } = await seedOrganization(rows, ["ozon", "wb"]);
      const [article, offer] = await seedProducts(rows, orgId, ["ART", "ART-46"]);
      const listing = async (marketplace: Marketplace, product: string, key: string) =>
        String(
          (
            await rows(
              `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
             values ($1, $2, $3, $4, $5, 'Футболка') returning id`,
              [orgId, product, accounts[marketplace], marketplace, key],
            )
          )[0]?.id,
        );
      const listings = {
        wb: await listing("wb", article, "nm:1:46"),
        ozon: await listing("ozon", offer, "sku:7"),
      };
      return { orgId, accounts, products: { article, offer }, listings };
    }

    const sell = (
      s: Seller,
      marketplace: Marketplace,
      id: string,
      units: number,
      daysAgo = 0,
      region = "Москва",
    ) =>
      pg.observer.query(
        `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at,
         day, quantity, revenue, region)
       select $1, $2, $3, 'order', $4, l.id, l.product_id, now(), current_date - $7::int, $5, 100 * $5, $6
       from listings l where l.id = $8`,
        [s.orgId, s.accounts[marketplace], marketplace, id, units, region, daysAgo, s.listings[marketplace]],
      );

    /** What a relink does to the Ozon listing's sales: they move to the WB article's product. */
    async function relink(s: Seller): Promise<void> {
      const moved = [s.listings.ozon, s.products.article];
      await pg.observer.query("update listings set product_id = $2 where id = $1", moved);
      await pg.observer.query("update sales set product_id = $2 where listing_id = $1", moved);
    }

    /** Finalize's sales transaction of the account of `marketplace`, committed. */
    async function finalizeSales(s: Seller, marketplace: Marketplace): Promise<void> {
      const session = pg.sessions.finalize;
      await session.query("begin");
      await runnerOn(session)(salesSummaryTransaction({ orgId: s.orgId, marketplace }));
      await session.query("commit");
    }

    const daily = async (orgId: string) =>
      (
        await pg.observer.query(
          `select current_date - day as days_ago, product_id::text, marketplace::text, region, orders, units,
           revenue::text
         from sales_daily where org_id = $1 order by 1, 2, 3, 4`,
          [orgId],
        )
      ).rows;

    /** sales_daily as it must be: the organization's sales of the last 120 days summed. */
    const truth = async (orgId: string) =>
      (
        await pg.observer.query(
          `select current_date - day as days_ago, product_id::text, marketplace::text, coalesce(region, '') as region,
           (count(*) filter (where kind = 'order'))::int as orders,
           coalesce(sum(quantity) filter (where kind = 'order'), 0)::int as units,
           coalesce(sum(revenue) filter (where kind = 'order'), 0)::text as revenue
         from sales where org_id = $1 and day > current_date - 120 group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
          [orgId],
        )
      ).rows;

    const totals = async (orgId: string) =>
      (
        await pg.observer.query(
          `select current_date - day as days_ago, marketplace::text, region, orders, units from sales_day_totals
         where org_id = $1 order by 1, 2, 3`,
          [orgId],
        )
      ).rows;

    const totalsTruth = async (orgId: string) =>
      (
        await pg.observer.query(
          `select current_date - day as days_ago, marketplace::text, coalesce(region, '') as region,
           count(*)::int as orders, sum(quantity)::int as units
         from sales where org_id = $1 and kind = 'order' and day > current_date - 120 group by 1, 2, 3 order by 1, 2, 3`,
          [orgId],
        )
      ).rows;

    /** Each WB row's version: a finalize that did not rewrite them leaves these unchanged. */
    const wbVersions = async (orgId: string) =>
      (
        await pg.observer.query(
          "select day, product_id, region, xmin::text as version from sales_daily where org_id = $1 and marketplace = 'wb' order by 1, 2, 3",
          [orgId],
        )
      ).rows;

    it("an Ozon account's finalize sums Ozon's sales and leaves Wildberries' rows to Wildberries' finalize", async () => {
      const s = await seller();
      await sell(s, "wb", "srid-1", 2);
      await sell(s, "ozon", "posting-1", 3, 1);
      await finalizeSales(s, "ozon");
      expect(await daily(s.orgId)).toEqual([
        {
          days_ago: 1,
          product_id: s.products.offer,
          marketplace: "ozon",
          region: "Москва",
          orders: 1,
          units: 3,
          revenue: "300.00",
        },
      ]);
      expect(await totals(s.orgId)).toEqual([
        { days_ago: 1, marketplace: "ozon", region: "Москва", orders: 1, units: 3 },
      ]);

      await finalizeSales(s, "wb");
      expect(await daily(s.orgId)).toEqual(await truth(s.orgId));
      expect(await totals(s.orgId)).toEqual(await totalsTruth(s.orgId));
    });

    it("a Wildberries account's finalize also sums the Ozon sales its relink moved to another product", async () => {
      const s = await seller();
      await sell(s, "wb", "srid-1", 2);
      await sell(s, "ozon", "posting-1", 3);
      await finalizeSales(s, "ozon");
      await finalizeSales(s, "wb");
      await relink(s);
      await finalizeSales(s, "wb");
      const summed = await daily(s.orgId);
      expect(summed).toEqual(await truth(s.orgId));
      // Both marketplaces' sales now under the WB article's product; none left under the Ozon offer's.
      expect(summed.map((row) => [row.marketplace, row.product_id])).toEqual([
        ["ozon", s.products.article],
        ["wb", s.products.article],
      ]);
    });

    for (const order of [
      ["wb", "ozon"],
      ["ozon", "wb"],
    ] as const)
      it(`a first sync's two finalizes (${order.join(" then ")}) leave the daily sales equal to the sales`, async () => {
        const s = await seller();
        // The first account's finalize runs while the other's pages still load.
        await sell(s, "wb", "srid-1", 2, 0);
        await sell(s, "wb", "srid-2", 1, 3, "Казань");
        await sell(s, "ozon", "posting-1", 4, 3, "Казань");
        await finalizeSales(s, order[0]);
        await sell(s, order[1], `${order[1]}-late`, 5, 2);
        await sell(s, order[0], `${order[0]}-late`, 1, 2);
        if (order[1] === "wb") await relink(s);
        const before = await wbVersions(s.orgId);
        await finalizeSales(s, order[1]);
        // The late sale of the first account's marketplace waits for that marketplace's next finalize (or is
        // summed now, when the relink's marketplace is the first's); everything else is summed.
        if (order[1] === "ozon") {
          // Wildberries' rows were not rewritten by the Ozon account's finalize.
          expect(await wbVersions(s.orgId)).toEqual(before);
          await finalizeSales(s, "wb");
        }
        expect(await daily(s.orgId)).toEqual(await truth(s.orgId));
        expect(await totals(s.orgId)).toEqual(await totalsTruth(s.orgId));
        // Finalizing again changes nothing.
        const settled = await wbVersions(s.orgId);
        await finalizeSales(s, "wb");
        await finalizeSales(s, "ozon");
        expect(await wbVersions(s.orgId)).toEqual(settled);
        expect(await daily(s.orgId)).toEqual(await truth(s.orgId));
      });

    it("a run that ends without a finalize sums the sales its pages loaded", async () => {
      const s = await seller();
      const runId = await startTestRun({ query: rows }, s.orgId, s.accounts.wb);
      await pg.observer.query("update etl_runs set pages_done = 1 where id = $1", [runId]);
      await sell(s, "wb", "srid-1", 2);
      const finished: string[] = [];
      const ports: EnginePorts = {
        run: runnerOn(pg.observer),
        gate: new MemoryRequestGate(),
        send: async () => undefined,
        runContext: async () => null,
        heartbeat: async () => true,
        finishRun: async (_, outcome) => void finished.push(outcome),
        nowMs: () => 0,
      };
      const message: IngestMessage = { type: "start", runId, accountId: s.accounts.wb, kind: "full" };
      await abandonRun(ports, message, "Gave up on the run's start after every retry");
      expect(finished).toEqual(["partial"]);
      expect(await daily(s.orgId)).toEqual(await truth(s.orgId));
      expect(await daily(s.orgId)).toHaveLength(1);

      // Abandoning it again changes nothing.
      const versions = await wbVersions(s.orgId);
      await abandonRun(ports, message, "again");
      expect(await wbVersions(s.orgId)).toEqual(versions);
    });
  },
);

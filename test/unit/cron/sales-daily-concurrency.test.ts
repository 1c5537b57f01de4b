// Two accounts' finalizes of one organization rebuilding its daily sales at the same time, on a real
// PostgreSQL server: the second waits for the first and then rebuilds over its rows, instead of failing on a
// duplicate key (each used to delete what its own snapshot saw and insert the same keys).
import { describe, expect, it } from "vitest";
import { refreshSalesDaily } from "../../../cron/load/finalize-run";
import { postgresInstalled, runnerOn, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, seedProducts } from "./seed-organization";

describe.skipIf(!postgresInstalled())(
  "rebuilding daily sales from two finalizes at once (real PostgreSQL)",
  () => {
    const pg = usePostgresSessions(["ozon", "wb"] as const);

    async function seedOrganizationWithSales(): Promise<string> {
      const rows: RowsQuery = async (text, params) => (await pg.observer.query(text, params)).rows;
      const one = async (text: string, params: unknown[]) => String((await rows(text, params))[0]?.id);
      const { orgId, accounts } = await seedOrganization(rows, ["wb"]);
      const account = accounts.wb;
      const [product] = await seedProducts(rows, orgId, ["ART"]);
      const listing = await one(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, wb_nm_id, name)
       values ($1, $2, $3, 'wb', 'nm:1:0', 1, 'Футболка') returning id`,
        [orgId, product, account],
      );
      for (const [srid, units] of [
        ["s1", 2],
        ["s2", 3],
      ] as const)
        await pg.observer.query(
          `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at,
           day, quantity, revenue, region)
         values ($1, $2, 'wb', 'order', $3, $4, $5, now(), current_date, $6, 100, 'Москва')`,
          [orgId, account, srid, listing, product, units],
        );
      return orgId;
    }

    it("the second waits for the first, and both commit the same figures", async () => {
      const orgId = await seedOrganizationWithSales();
      const { ozon, wb } = pg.sessions;
      await ozon.query("begin");
      await runnerOn(ozon)(refreshSalesDaily({ orgId }));
      await wb.query("begin");
      const second = runnerOn(wb)(refreshSalesDaily({ orgId }));
      await pg.waitingForLock(wb);
      await ozon.query("commit");
      await second;
      await wb.query("commit");
      const { rows } = await pg.observer.query(
        "select orders, units, region from sales_daily where org_id = $1 and day = current_date",
        [orgId],
      );
      expect(rows).toEqual([{ orders: 2, units: 5, region: "Москва" }]);
    });
  },
);

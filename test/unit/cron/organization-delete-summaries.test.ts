// The product summaries finalize writes (product_summary, product_stock_days, product_marketplace_stock,
// product_warehouse_summary, supply_plan_lines, supply_plan_products) have no organization foreign key (migration 0032): on a real PostgreSQL server, an
// organization's deletion still removes them, by the organizations trigger, and leaves another organization's;
// its sales go too, though the warehouses trigger updates them after their listings are gone (migration 0032
// checks only sales an update moved to another listing).
import { describe, expect, it } from "vitest";
import { finalizeRun } from "../../../cron/load/finalize-run";
import type { StatementRunner } from "../../../cron/load/statement-runner";
import { postgresInstalled, runnerOn, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, seedProducts, startTestRun } from "./seed-organization";

const SUMMARIES = [
  "product_summary",
  "product_stock_days",
  "product_marketplace_stock",
  "product_warehouse_summary",
  "supply_plan_lines",
  "supply_plan_products",
] as const;

describe.skipIf(!postgresInstalled())(
  "an organization's deletion and its summaries (real PostgreSQL)",
  () => {
    const pg = usePostgresSessions([] as const);
    const rows: RowsQuery = async (text, params) => (await pg.observer.query(text, params)).rows;

    /** An organization with one WB listing in stock, an order, and a finalized run: every summary has its row. */
    async function finalizedOrganization(): Promise<string> {
      const { orgId, accounts } = await seedOrganization(rows, ["wb"]);
      const [product] = await seedProducts(rows, orgId, ["SHIRT"]);
      const [listing] = await rows(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
       values ($1, $2, $3, 'wb', 'wb:shirt', 'x') returning id`,
        [orgId, product, accounts.wb],
      );
      const [warehouse] = await rows(
        "insert into warehouses (org_id, marketplace, name) values ($1, 'wb', 'Коледино') returning id",
        [orgId],
      );
      await rows(
        `insert into inventory (org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved,
         in_transit, source_endpoint, last_synced_at)
       values ($1, $2, $3, $4, 'wb', 5, 0, 0, 'test', clock_timestamp())`,
        [orgId, listing?.id, warehouse?.id, product],
      );
      await rows(
        `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, warehouse_id,
         occurred_at, day, quantity, revenue)
       values ($1, $2, 'wb', 'order', 'o1', $3, $4, $5, now() - interval '2 days', current_date - 2, 1, 100)`,
        [orgId, accounts.wb, listing?.id, product, warehouse?.id],
      );
      const runId = await startTestRun({ query: rows }, orgId, accounts.wb);
      // Each of finalize's round trips one transaction, as on the endpoint.
      const inTransaction: StatementRunner = async (statements) => {
        await pg.observer.query("begin");
        try {
          const results = await runnerOn(pg.observer)(statements);
          await pg.observer.query("commit");
          return results;
        } catch (error) {
          await pg.observer.query("rollback");
          throw error;
        }
      };
      await finalizeRun(inTransaction, {
        orgId,
        accountId: accounts.wb,
        runId,
        zeroUnseen: true,
        status: "succeeded",
        error: null,
      });
      return orgId;
    }

    const counts = async (orgId: string) => {
      const found: Record<string, number> = {};
      for (const table of SUMMARIES)
        found[table] = Number(
          (await rows(`select count(*)::int as n from ${table} where org_id = $1`, [orgId]))[0]?.n,
        );
      return found;
    };
    const each = (n: number) => Object.fromEntries(SUMMARIES.map((table) => [table, n]));

    it("removes the deleted organization's summary rows and keeps the other organization's", async () => {
      const gone = await finalizedOrganization();
      const kept = await finalizedOrganization();
      expect(await counts(gone)).toEqual(each(1));
      await rows("delete from organizations where id = $1", [gone]);
      expect(await counts(gone)).toEqual(each(0));
      expect(await counts(kept)).toEqual(each(1));
      // Its sale, whose warehouse and listing went in the same statement, went with them.
      expect(await rows("select count(*)::int as n from sales where org_id = $1", [gone])).toEqual([
        { n: 0 },
      ]);
    });
  },
);

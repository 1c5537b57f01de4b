// Finalize's daily sales are made equal to the sales facts by writing only what changed (db/queries/
// sales-summaries.ts syncSalesDaily): on a real PostgreSQL server, a new sale adds its row, a changed one updates
// it, a sale moved to another day leaves no row at its old key, a re-run that changed nothing rewrites no row, and
// an organization's deletion takes its daily sales with it and a warehouse's deletion leaves its sales without
// a warehouse (migration 0030's triggers, no FKs any more).
import { describe, expect, it } from "vitest";
import { refreshSalesDaily } from "../../../cron/load/finalize-run";
import { postgresInstalled, runnerOn, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, seedProducts } from "./seed-organization";

describe.skipIf(!postgresInstalled())("syncing daily sales with the sales facts (real PostgreSQL)", () => {
  const pg = usePostgresSessions(["finalize"] as const);

  async function seed(): Promise<{ orgId: string; account: string; listing: string; product: string }> {
    const rows: RowsQuery = async (text, params) => (await pg.observer.query(text, params)).rows;
    const { orgId, accounts } = await seedOrganization(rows, ["wb"]);
    const account = accounts.wb;
    const [product] = await seedProducts(rows, orgId, ["ART"]);
    const [row] = await rows(
      `insert into listings (org_id, product_id, account_id, marketplace, external_key, wb_nm_id, name)
       values ($1, $2, $3, 'wb', 'nm:1:0', 1, 'Футболка') returning id`,
      [orgId, product, account],
    );
    return { orgId, account, listing: String(row?.id), product: String(product) };
  }

  const sale = (
    s: { orgId: string; account: string; listing: string; product: string },
    srid: string,
    units: number,
  ) =>
    pg.observer.query(
      `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at,
         day, quantity, revenue, region)
       values ($1, $2, 'wb', 'order', $3, $4, $5, now(), current_date, $6, 100, 'Москва')`,
      [s.orgId, s.account, srid, s.listing, s.product, units],
    );

  const daily = async (orgId: string) =>
    (
      await pg.observer.query(
        `select current_date - day as days_ago, orders, units, region, xmin::text as version from sales_daily
         where org_id = $1 order by day`,
        [orgId],
      )
    ).rows;

  const refresh = (orgId: string) => runnerOn(pg.sessions.finalize)(refreshSalesDaily({ orgId }));

  it("adds, updates and removes rows as the sales changed, and leaves unchanged rows unwritten", async () => {
    const seeded = await seed();
    await sale(seeded, "s1", 2);
    await refresh(seeded.orgId);
    const [first] = await daily(seeded.orgId);
    expect(first).toMatchObject({ days_ago: 0, orders: 1, units: 2, region: "Москва" });

    // Nothing changed: the row is not rewritten.
    await refresh(seeded.orgId);
    expect(await daily(seeded.orgId)).toEqual([first]);

    // A second order the same day updates the row.
    await sale(seeded, "s2", 3);
    await refresh(seeded.orgId);
    expect(await daily(seeded.orgId)).toMatchObject([{ days_ago: 0, orders: 2, units: 5 }]);

    // Both orders move to yesterday: today's row goes, yesterday's comes.
    await pg.observer.query("update sales set day = current_date - 1 where org_id = $1", [seeded.orgId]);
    await refresh(seeded.orgId);
    expect(await daily(seeded.orgId)).toMatchObject([{ days_ago: 1, orders: 2, units: 5 }]);
  });

  it("a deleted warehouse's sales keep their rows, without the warehouse", async () => {
    const seeded = await seed();
    await sale(seeded, "s1", 2);
    const { rows: made } = await pg.observer.query(
      "insert into warehouses (org_id, marketplace, name) values ($1, 'wb', 'Коледино') returning id",
      [seeded.orgId],
    );
    const warehouse = made[0]?.id;
    await pg.observer.query("update sales set warehouse_id = $2 where org_id = $1", [
      seeded.orgId,
      warehouse,
    ]);
    await pg.observer.query("delete from warehouses where id = $1", [warehouse]);
    const { rows } = await pg.observer.query(
      "select external_id, warehouse_id, quantity from sales where org_id = $1",
      [seeded.orgId],
    );
    expect(rows).toEqual([{ external_id: "s1", warehouse_id: null, quantity: 2 }]);
  });

  it("an organization's deletion removes its daily sales", async () => {
    const seeded = await seed();
    await sale(seeded, "s1", 2);
    await refresh(seeded.orgId);
    expect(await daily(seeded.orgId)).toHaveLength(1);
    await pg.observer.query("delete from organizations where id = $1", [seeded.orgId]);
    expect(await daily(seeded.orgId)).toEqual([]);
    const { rows } = await pg.observer.query("select count(*)::int as n from sales where org_id = $1", [
      seeded.orgId,
    ]);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

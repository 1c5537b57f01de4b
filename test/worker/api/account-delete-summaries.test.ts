// Deleting an account rebuilds only the sales summaries its own sales fed, and leaves them exactly as a
// rebuild of the whole organization from the remaining sales would: a day × product × region two accounts
// shared keeps the other account's figures, one only the deleted account sold goes, the rest is untouched; the
// per-product periods and their ABC ranks follow.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "../../../db/queries/account-admin";
import { rebuildSalesDayTotals } from "../../../db/queries/sales-summaries";
import { rebuildSalesWindows } from "../../../db/queries/sales-windows";
import { useTestDatabase } from "../../support/worker-database";
import { db, rebuildStockReadModels, seedTenant, type Tenant } from "./fixtures";

useTestDatabase();

let acme: Tenant;
const ids: Record<string, string> = {};

const rows = async (query: ReturnType<typeof sql>) => (await db().execute(query)).rows;

beforeAll(async () => {
  acme = await seedTenant("account-delete");
  const org = acme.orgId;
  for (const name of ["Gone", "Kept"]) {
    const [row] =
      await rows(sql`insert into marketplace_accounts (org_id, marketplace, name, credentials_encrypted)
      values (${org}, 'wb', ${name}, 'v1.x.y') returning id`);
    ids[name] = String(row?.id);
  }
  await db().execute(sql`insert into products (org_id, article, name) values
    (${org}, 'SHARED', 'Shared'), (${org}, 'ONLY-GONE', 'Only gone'), (${org}, 'ONLY-KEPT', 'Only kept')`);
  await db().execute(sql`insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
    select p.org_id, p.id, a.id, 'wb', a.name || ':' || p.article, p.name
    from products p join marketplace_accounts a on a.org_id = p.org_id
    where p.org_id = ${org} and (p.article = 'SHARED' or p.article = 'ONLY-' || upper(a.name))`);
  // Two days of sales per listing, in two regions; both accounts sell SHARED on the same days and regions.
  await db().execute(sql`insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id,
      occurred_at, day, quantity, revenue, region)
    select l.org_id, l.account_id, 'wb', k.kind, l.external_key || ':' || d || ':' || r || ':' || k.kind, l.id,
      l.product_id, date '2026-11-01' + d, date '2026-11-01' + d, 2, 300, 'Region ' || r
    from listings l, generate_series(0, 1) d, generate_series(1, 2) r,
      (values ('order'::sale_kind), ('return'::sale_kind)) k(kind)
    where l.org_id = ${org}`);
  await db().execute(sql`insert into sales_daily (org_id, day, product_id, marketplace, region, orders, units, revenue,
      returns, cancellations)
    select org_id, day, product_id, marketplace, coalesce(region, ''),
      (count(*) filter (where kind = 'order'))::int, (coalesce(sum(quantity) filter (where kind = 'order'), 0))::int,
      coalesce(sum(revenue) filter (where kind = 'order'), 0),
      (count(*) filter (where kind = 'return'))::int, (count(*) filter (where kind = 'cancellation'))::int
    from sales where org_id = ${org} group by 1, 2, 3, 4, 5`);
  await db().execute(rebuildSalesDayTotals(org));
  // A standard period of the two days (as finalize would have moved it there) and its per-product rows and ranks.
  await db().execute(
    sql`insert into sales_windows (org_id, days, ends_on) values (${org}, 2, date '2026-11-02')`,
  );
  for (const statement of rebuildSalesWindows(org)) await db().execute(statement);
  // Stock of both accounts' listings at one warehouse, and the read models finalize keeps of it (the supply plan's
  // lines among them).
  const [warehouse] = await rows(sql`insert into warehouses (org_id, marketplace, name)
    values (${org}, 'wb', 'Коледино') returning id`);
  await db().execute(sql`insert into inventory (org_id, listing_id, warehouse_id, product_id, marketplace, available,
      reserved, in_transit, source_endpoint, last_synced_at)
    select l.org_id, l.id, ${warehouse?.id}, l.product_id, 'wb', 4, 0, 1, 'test', now() from listings l
    where l.org_id = ${org}`);
  await rebuildStockReadModels(org);
});

/** The period's per-product rows and ABC ranks and class totals as stored. */
const periodRows = async (org: string) => ({
  windows: await rows(sql`select product_id::text, wb_orders, wb_revenue::text from product_sales_windows
    where org_id = ${org} order by product_id`),
  ranks: await rows(sql`select scope, position, product_id::text, revenue, through, abc_class
    from product_abc_windows where org_id = ${org} order by scope, position`),
  classes: await rows(sql`select scope, abc_class, products, revenue, total from abc_class_windows
    where org_id = ${org} order by scope, abc_class`),
});

const daily = (org: string) =>
  rows(sql`select p.article, sd.day::text, sd.region, sd.orders, sd.units, sd.revenue::text, sd.returns
    from sales_daily sd join products p on p.id = sd.product_id where sd.org_id = ${org}
    order by 1, 2, 3`);
const totals = (org: string) =>
  rows(sql`select day::text, region, orders, units, revenue::text, returns from sales_day_totals
    where org_id = ${org} order by 1, 2`);

describe("deleting an account", () => {
  it("leaves the summaries as a rebuild from the remaining sales would", async () => {
    expect(await deleteAccount(db(), acme.orgId, ids.Gone as string)).toBe("deleted");
    const after = { daily: await daily(acme.orgId), totals: await totals(acme.orgId) };
    // Every row now comes from the kept account alone: 2 products × 2 days × 2 regions, one order of 2 units.
    expect(after.daily).toHaveLength(8);
    expect(after.daily.map((row) => row.article)).not.toContain("ONLY-GONE");
    for (const row of after.daily)
      expect(row).toMatchObject({ orders: 1, units: 2, revenue: "300.00", returns: 1 });
    expect(after.totals).toHaveLength(4);
    for (const row of after.totals)
      expect(row).toMatchObject({ orders: 2, units: 4, revenue: "600.00", returns: 2 });
    // The period's rows and ranks are those a rebuild from the remaining sales gives: the kept account's two.
    const stored = await periodRows(acme.orgId);
    expect(stored.ranks.filter((row) => row.scope === "all")).toHaveLength(2);
    for (const statement of rebuildSalesWindows(acme.orgId)) await db().execute(statement);
    expect(await periodRows(acme.orgId)).toEqual(stored);
  });

  it("drops the supply plan's lines of a product no listing sells any more, and keeps the others'", async () => {
    const lines = await rows(sql`select p.article, l.available, sp.available as product_available
      from supply_plan_lines l join products p on p.id = l.product_id
      join supply_plan_products sp on sp.org_id = l.org_id and sp.product_id = l.product_id
        and sp.marketplace = l.marketplace
      where l.org_id = ${acme.orgId} order by 1`);
    expect(lines.map((line) => line.article)).toEqual(["ONLY-KEPT", "SHARED"]);
  });
});

// Everything a sync writes for one account and run, read back as plain values, so a test can tell whether a
// step changed anything (API call counters aside: a redelivered page may call the vendor again).
import { sql } from "drizzle-orm";
import { db } from "./helpers";

export async function accountSnapshot(accountId: string, runId: string) {
  const rows = async (query: ReturnType<typeof sql>) => (await db().execute(query)).rows;
  return {
    inventory:
      await rows(sql`select l.external_key, i.warehouse_id, i.available, i.reserved, i.in_transit, i.run_id
      from inventory i join listings l on l.id = i.listing_id where l.account_id = ${accountId}
      order by 1, 2`),
    audit:
      await rows(sql`select count(*)::int as n from inventory_audit a join listings l on l.id = a.listing_id
      where l.account_id = ${accountId}`),
    sales: await rows(sql`select count(*)::int as n, coalesce(sum(revenue), 0)::text as revenue from sales
      where account_id = ${accountId}`),
    listings: await rows(sql`select count(*)::int as n from listings where account_id = ${accountId}`),
    pages: await rows(sql`select page_key, rows from etl_pages where run_id = ${runId} order by 1`),
    rejects: await rows(sql`select count(*)::int as n from etl_rejects where run_id = ${runId}`),
    run: await rows(sql`select status, extracted, validated, normalized, inserted, updated, failed, pages_done
      from etl_runs where id = ${runId}`),
  };
}

/** Cells with more than one "created" audit row: a page loaded twice would leave some. */
export async function duplicatedCreations(accountId: string): Promise<number> {
  const result = await db().execute(sql`select count(*)::int as n from (
      select a.listing_id, a.warehouse_id from inventory_audit a join listings l on l.id = a.listing_id
      where l.account_id = ${accountId} and a.change_type = 'created'
      group by 1, 2 having count(*) > 1) d`);
  return (result.rows[0] as { n: number }).n;
}

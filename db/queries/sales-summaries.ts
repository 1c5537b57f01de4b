// Keeps sales_day_totals equal to sales_daily summed over products. Finalize refreshes the days it rebuilds in
// sales_daily (the last 120), in its transaction and after that rebuild (whose advisory lock it relies on);
// `rebuildSalesDayTotals` covers every day, for data written to sales_daily outside a run (the migration's
// backfill does the same for every organization). Rows whose figures did not change are left untouched, so a
// re-run that changed nothing writes nothing; a day × marketplace × region without sales any more is removed.
import { type SQL, sql } from "drizzle-orm";
import type { Marketplace } from "../schema/enums";

/**
 * One rebuild of an organization's sales_daily at a time (a transaction-level advisory lock): finalize's and an
 * account deletion's, or two accounts' finalizes, each deleting what its snapshot saw and inserting the same keys.
 */
export function salesDailyLock(orgId: string): SQL {
  return sql`select pg_advisory_xact_lock(hashtext('mi.sales_daily'), hashtext(${orgId}::text))`;
}

/** The sales_daily rows (product × marketplace × day × region) of the organization's sales matching `where`. */
function dailyOf(orgId: string, where: SQL): SQL {
  return sql`select org_id, day, product_id, marketplace, coalesce(region, '') as region,
      (count(*) filter (where kind = 'order'))::int as orders,
      (coalesce(sum(quantity) filter (where kind = 'order'), 0))::int as units,
      coalesce(sum(revenue) filter (where kind = 'order'), 0) as revenue,
      (count(*) filter (where kind = 'return'))::int as returns,
      (count(*) filter (where kind = 'cancellation'))::int as cancellations
    from sales where org_id = ${orgId} and ${where}
    group by org_id, day, product_id, marketplace, coalesce(region, '')`;
}

/** sales_daily rows (product × marketplace × day × region) summed from the organization's sales matching `where`. */
export function insertSalesDaily(orgId: string, where: SQL): SQL {
  return sql`insert into sales_daily (org_id, day, product_id, marketplace, region, orders, units, revenue, returns,
      cancellations)
    ${dailyOf(orgId, where)}`;
}

/**
 * Makes the organization's sales_daily rows of the days `days` (a condition on `day`) equal to its sales summed:
 * new keys inserted, changed figures updated, keys without sales any more removed, and rows whose figures did not
 * change left untouched. Deleting and inserting every row (the old shape) rewrote ~100,000 rows and their two
 * indexes on every finalize, twice on a first sync of two accounts; the end state is the same.
 * The keys to remove are a set difference (EXCEPT: hashed or sorted, never nested) of what is there and what the
 * sales give: an anti-join of sales_daily with `fresh` was planned as nested loops whenever sales_daily's
 * statistics were an empty table's (a first sync), and once `days` also named a marketplace that nested loop
 * compared ~50,000 rows with ~50,000 (172 s in one `npm run bench:ingest` first sync).
 */
export function syncSalesDaily(orgId: string, days: SQL): SQL {
  return sql`with fresh as materialized (${dailyOf(orgId, days)}),
    gone as materialized (
      select day, product_id, marketplace, region from sales_daily where org_id = ${orgId} and ${days}
      except
      select day, product_id, marketplace, region from fresh
    ),
    upserted as (
      insert into sales_daily as d (org_id, day, product_id, marketplace, region, orders, units, revenue, returns,
        cancellations)
      select * from fresh
      on conflict (org_id, day, product_id, marketplace, region) do update set orders = excluded.orders,
        units = excluded.units, revenue = excluded.revenue, returns = excluded.returns,
        cancellations = excluded.cancellations
      where (d.orders, d.units, d.revenue, d.returns, d.cancellations)
        is distinct from (excluded.orders, excluded.units, excluded.revenue, excluded.returns, excluded.cancellations)
      returning 1
    )
    delete from sales_daily d using gone g
    where d.org_id = ${orgId} and d.day = g.day and d.product_id = g.product_id and d.marketplace = g.marketplace
      and d.region = g.region`;
}

function syncSalesDayTotals(orgId: string, days: SQL): SQL {
  return sql`with fresh as materialized (
      select org_id, day, marketplace, region, sum(orders)::int as orders, sum(units)::int as units,
        sum(revenue) as revenue, sum(returns)::int as returns, sum(cancellations)::int as cancellations
      from sales_daily where org_id = ${orgId} and ${days}
      group by org_id, day, marketplace, region
    ),
    upserted as (
      insert into sales_day_totals as t (org_id, day, marketplace, region, orders, units, revenue, returns, cancellations)
      select * from fresh
      on conflict (org_id, day, marketplace, region) do update set orders = excluded.orders, units = excluded.units,
        revenue = excluded.revenue, returns = excluded.returns, cancellations = excluded.cancellations
      where (t.orders, t.units, t.revenue, t.returns, t.cancellations)
        is distinct from (excluded.orders, excluded.units, excluded.revenue, excluded.returns, excluded.cancellations)
      returning 1
    ),
    -- As in syncSalesDaily: the keys to remove by set difference, not by an anti-join planned from statistics.
    gone as materialized (
      select day, marketplace, region from sales_day_totals where org_id = ${orgId} and ${days}
      except
      select day, marketplace, region from fresh
    )
    delete from sales_day_totals t using gone g
    where t.org_id = ${orgId} and t.day = g.day and t.marketplace = g.marketplace and t.region = g.region`;
}

/**
 * The sales_daily rows finalize keeps equal to the sales: the last 120 days, of the marketplaces given (all when
 * none are). sales_daily, sales_day_totals and the sales themselves all carry the marketplace, so one
 * marketplace's rows are summed from that marketplace's sales alone.
 */
export function finalizedDays(marketplaces?: readonly Marketplace[]): SQL {
  return marketplaces
    ? sql`day > current_date - 120 and marketplace in (${sql.join(
        marketplaces.map((marketplace) => sql`${marketplace}::marketplace`),
        sql`, `,
      )})`
    : sql`day > current_date - 120`;
}

/** Finalize's share: the days (and marketplaces) refreshSalesDaily (cron/load/finalize-run.ts) rebuilds. */
export function refreshSalesDayTotals(input: {
  orgId: string;
  marketplaces?: readonly Marketplace[];
}): SQL[] {
  return [syncSalesDayTotals(input.orgId, finalizedDays(input.marketplaces))];
}

/** The day × marketplace × region rows a set of sales touches (`sales` a query of sales rows, e.g. one account's). */
export function refreshSalesDayTotalsOf(orgId: string, sales: SQL): SQL {
  return syncSalesDayTotals(
    orgId,
    sql`(day, marketplace, region) in (select s.day, s.marketplace, coalesce(s.region, '') from (${sales}) s)`,
  );
}

/** Every day of the organization's sales_daily (seeded or backfilled data). */
export function rebuildSalesDayTotals(orgId: string): SQL {
  return syncSalesDayTotals(orgId, sql`true`);
}

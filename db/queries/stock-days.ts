// Keeps product_stock_days equal to inventory_daily summed per product × day and marketplace: after finalize
// writes today's snapshot of an account, the products whose cells it wrote get today's row again (every cell of
// the day, all accounts); when the relink moves a listing to another product with its history, the listing's
// days move between the two products' rows. Rows whose figures did not change are left untouched.
import { type SQL, sql } from "drizzle-orm";

/** Per product × day of `where` (a condition on inventory_daily d): the day's cells summed per marketplace. */
function dayTotals(where: SQL): SQL {
  return sql`select d.org_id, d.product_id, d.day,
      coalesce(sum(d.available) filter (where d.marketplace = 'ozon'), 0) as ozon_available,
      (count(*) filter (where d.marketplace = 'ozon'))::int as ozon_cells,
      coalesce(sum(d.available) filter (where d.marketplace = 'wb'), 0) as wb_available,
      (count(*) filter (where d.marketplace = 'wb'))::int as wb_cells
    from inventory_daily d where ${where}
    group by d.org_id, d.product_id, d.day`;
}

const COLUMNS = sql.raw("org_id, product_id, day, ozon_available, ozon_cells, wb_available, wb_cells");
const SET_ALL = sql.raw(
  "ozon_available = excluded.ozon_available, ozon_cells = excluded.ozon_cells, wb_available = excluded.wb_available, wb_cells = excluded.wb_cells",
);
const CHANGED = sql.raw(
  "(t.ozon_available, t.ozon_cells, t.wb_available, t.wb_cells) is distinct from (excluded.ozon_available, excluded.ozon_cells, excluded.wb_available, excluded.wb_cells)",
);

/**
 * Finalize's share, right after the snapshot statement (cron/load/finalize-run.ts), with the same `with` list
 * (`account`: its time zone) and `written`, the products whose cells that snapshot wrote: their rows of today.
 */
export function refreshStockDays(orgId: string, ctes: SQL, written: SQL): SQL {
  // `written` once, then each of its products' cells of today by the (org, product, day) index. Inlined, the
  // planner rescanned it per cell of the day when its statistics said one row (a table analyzed while small):
  // 150 s of one finalize in a PGlite test, where the join by index takes milliseconds.
  return sql`with ${ctes},
    written as materialized (${written}),
    fresh as (${dayTotals(sql`d.org_id = ${orgId} and d.day = (select (now() at time zone account.time_zone)::date from account)
      and d.product_id in (select w.product_id from written w)`)})
    insert into product_stock_days as t (${COLUMNS}) select ${COLUMNS} from fresh
    on conflict (org_id, product_id, day) do update set ${SET_ALL} where ${CHANGED}`;
}

/**
 * The relink's share, a CTE of its statement after `moved` (the listings moved, with their new product_id): each
 * moved listing's days leave the product inventory_daily still names (the statement's snapshot) and join the new.
 */
export function moveStockDays(moved: string): SQL {
  const signed = (sign: string, product: string) =>
    sql.raw(`select d.org_id, ${product} as product_id, d.day,
        ${sign}coalesce(sum(d.available) filter (where d.marketplace = 'ozon'), 0) as ozon_available,
        ${sign}(count(*) filter (where d.marketplace = 'ozon'))::int as ozon_cells,
        ${sign}coalesce(sum(d.available) filter (where d.marketplace = 'wb'), 0) as wb_available,
        ${sign}(count(*) filter (where d.marketplace = 'wb'))::int as wb_cells
      from inventory_daily d join ${moved} m on d.listing_id = m.id
      group by 1, 2, 3`);
  return sql`insert into product_stock_days as t (${COLUMNS})
    select org_id, product_id, day, sum(ozon_available), sum(ozon_cells)::int, sum(wb_available), sum(wb_cells)::int
    from (${signed("-", "d.product_id")} union all ${signed("", "m.product_id")}) delta
    group by org_id, product_id, day
    on conflict (org_id, product_id, day) do update set ozon_available = t.ozon_available + excluded.ozon_available,
      ozon_cells = t.ozon_cells + excluded.ozon_cells, wb_available = t.wb_available + excluded.wb_available,
      wb_cells = t.wb_cells + excluded.wb_cells
    returning 1`;
}

/** Every day of the organization again from inventory_daily (snapshots written outside a run, e.g. seeded). */
export function rebuildStockDays(orgId: string): SQL[] {
  return [
    sql`delete from product_stock_days where org_id = ${orgId}`,
    sql`insert into product_stock_days (${COLUMNS}) ${dayTotals(sql`d.org_id = ${orgId}`)}`,
  ];
}

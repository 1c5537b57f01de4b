// Keeps product_sales_windows equal to sales_daily summed per product over the standard analytics periods (the
// last 7, 30 and 90 days and the organization's velocity window, up to its today), per marketplace. Finalize moves the periods to today and refreshes the rows in its transaction, after the sales_daily
// rebuild (whose advisory lock it relies on; the periods lie within the 120 days that rebuild redoes). Rows
// whose figures did not change are left untouched, and a product without sales in a period has no row there.
// Then category_sales_windows: the per-product rows summed per category, written again (a few dozen rows); then
// the ABC ranks and classes of every period (abc-windows.ts).
import { type SQL, sql } from "drizzle-orm";
import { refreshAbcWindows } from "./abc-windows";

/** The standard periods besides the velocity window: the Analytics page's presets. */
export const WINDOW_DAYS = [7, 30, 90] as const;

/** Moves the organization's periods to its today (the velocity window's length may have changed). */
function moveWindows(orgId: string): SQL {
  return sql`with wanted as (
      select distinct o.id as org_id, d.days, (now() at time zone o.time_zone)::date as ends_on
      from organizations o
      cross join lateral unnest(array[${sql.raw(WINDOW_DAYS.join(", "))}, o.velocity_window_days]) as d(days)
      where o.id = ${orgId}
    ),
    gone as (
      delete from sales_windows w where w.org_id = ${orgId}
        and not exists (select 1 from wanted x where x.days = w.days)
    )
    insert into sales_windows as w (org_id, days, ends_on) select org_id, days, ends_on from wanted
    on conflict (org_id, days) do update set ends_on = excluded.ends_on where w.ends_on <> excluded.ends_on`;
}

const MEASURES = ["orders", "units", "revenue", "returns", "cancellations"] as const;
const MARKETPLACE_COLUMNS = sql.raw(
  ["ozon", "wb"].flatMap((m) => MEASURES.map((measure) => `${m}_${measure}`)).join(", "),
);
const BY_MARKETPLACE = sql.raw(
  ["ozon", "wb"]
    .flatMap((m) =>
      MEASURES.map((measure) => {
        const cast = measure === "revenue" ? "" : "::int";
        return `(sum(${measure}) filter (where marketplace = '${m}'))${cast} as ${m}_${measure}`;
      }),
    )
    .join(", "),
);
const CHANGED = sql.raw(
  `(${["ozon", "wb"].flatMap((m) => MEASURES.map((x) => `t.${m}_${x}`)).join(", ")}) is distinct from (${[
    "ozon",
    "wb",
  ]
    .flatMap((m) => MEASURES.map((x) => `excluded.${m}_${x}`))
    .join(", ")})`,
);
const SET_ALL = sql.raw(
  ["ozon", "wb"].flatMap((m) => MEASURES.map((x) => `${m}_${x} = excluded.${m}_${x}`)).join(", "),
);

/**
 * The rows of the organization's periods (all ending on the same day), for every product or those `products` (a
 * query of product ids) names. One scan of the longest period's sales_daily rows: each is summed into the band
 * of the shortest period holding it (width_bucket over the lengths), and a period is the sum of its bands.
 */
function syncWindowRows(orgId: string, products: SQL | null): SQL {
  const only = (column: SQL) => (products ? sql` and ${column} in (${products})` : sql``);
  return sql`with w as (select days, ends_on from sales_windows where org_id = ${orgId}),
    bounds as (
      select max(ends_on) as ends_on, array_agg(days order by days) as lengths, max(days) as longest from w
    ),
    banded as (
      select sd.product_id, sd.marketplace, width_bucket(b.ends_on - sd.day, b.lengths) as band,
        sum(sd.orders)::int as orders, sum(sd.units)::int as units, sum(sd.revenue) as revenue,
        sum(sd.returns)::int as returns, sum(sd.cancellations)::int as cancellations
      from bounds b join sales_daily sd on sd.org_id = ${orgId}${only(sql`sd.product_id`)}
        and sd.day between b.ends_on - (b.longest - 1) and b.ends_on
      group by 1, 2, 3
    ),
    fresh as (
      select w.days, banded.product_id, ${BY_MARKETPLACE}
      from banded join bounds b on true join w on w.days >= b.lengths[banded.band + 1]
      group by w.days, banded.product_id
    ),
    upserted as (
      insert into product_sales_windows as t (org_id, days, product_id, ${MARKETPLACE_COLUMNS})
      select ${orgId}, days, product_id, ${MARKETPLACE_COLUMNS} from fresh
      on conflict (org_id, days, product_id) do update set ${SET_ALL}
      where ${CHANGED}
      returning 1
    ),
    removed as (
      delete from product_sales_windows t
      where t.org_id = ${orgId}${only(sql`t.product_id`)}
        and not exists (select 1 from fresh f where f.days = t.days and f.product_id = t.product_id)
      returning 1
    )
    -- A row written or removed: the ABC ranks read these rows (abc-windows.ts ranks again).
    update sales_windows set abc_stale = true
    where org_id = ${orgId} and not abc_stale
      and (exists (select 1 from upserted) or exists (select 1 from removed))`;
}

const CATEGORY_MEASURES = ["ozon", "wb"].flatMap((m) => MEASURES.map((x) => `${m}_${x}`));

/**
 * category_sales_windows again from the per-product rows: each period's products summed per category (a few
 * dozen rows a period), with how many products sold in each, over both marketplaces and per marketplace.
 */
function syncCategoryRows(orgId: string): SQL[] {
  return [
    sql`delete from category_sales_windows where org_id = ${orgId}`,
    sql`insert into category_sales_windows (org_id, days, category, products, ozon_products, wb_products,
        ${sql.raw(CATEGORY_MEASURES.join(", "))})
      select w.org_id, w.days, p.category, count(*)::int, (count(*) filter (where w.ozon_orders is not null))::int,
        (count(*) filter (where w.wb_orders is not null))::int,
        ${sql.raw(CATEGORY_MEASURES.map((column) => `coalesce(sum(w.${column}), 0)`).join(", "))}
      from product_sales_windows w join products p on p.id = w.product_id and p.org_id = ${orgId}
      where w.org_id = ${orgId}
      group by w.org_id, w.days, p.category`,
  ];
}

/** Finalize's share, after refreshSalesDaily (cron/load/finalize-run.ts): the periods up to today, every product. */
export function refreshSalesWindows(input: { orgId: string }): SQL[] {
  return [moveWindows(input.orgId), ...syncSalesWindows(input.orgId)];
}

/**
 * The rows of the periods sales_windows names, every product, and the ABC ranks only when those rows changed
 * (finalize's, once the periods moved: a run that changed no sales ranks nothing).
 */
export function syncSalesWindows(orgId: string): SQL[] {
  return [
    syncWindowRows(orgId, null),
    ...syncCategoryRows(orgId),
    ...refreshAbcWindows(orgId, { onlyIfStale: true }),
  ];
}

/** The rows of the products a set of sales touches (`sales` a query of sales rows with product_id), same periods. */
export function refreshSalesWindowsOf(orgId: string, sales: SQL): SQL[] {
  return [
    syncWindowRows(orgId, sql`select s.product_id from (${sales}) s`),
    ...syncCategoryRows(orgId),
    ...refreshAbcWindows(orgId),
  ];
}

/** The rows of the periods sales_windows names, every product (sales_daily written outside a run, e.g. seeded). */
export function rebuildSalesWindows(orgId: string): SQL[] {
  return [syncWindowRows(orgId, null), ...syncCategoryRows(orgId), ...refreshAbcWindows(orgId)];
}

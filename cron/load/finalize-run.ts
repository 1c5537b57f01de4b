// The end of a run, in three round trips: first Ozon and WB listings of one product are joined across the
// organization (link-products.ts, a short transaction of its own); then the organization's sales summaries are
// made equal to its sales (a transaction of their own, salesSummaryTransaction); then, in one transaction, after a
// full stock listing stock not seen in this run goes to 0 (audited), today's inventory snapshot is written, the
// dashboard's summaries are rebuilt, the run is closed, and the organization's data version moves so cached
// API answers change; last, the Overview's stored answer is computed for that version (dashboard-store.ts). Repeating it is harmless: the relink finds nothing left to move, zeroing finds nothing
// left, the snapshot and summaries are upserts, and the version only moves while the run is still open.
import { type SQL, sql } from "drizzle-orm";
import {
  dashboardRulesFromRow,
  dashboardRulesSql,
  refreshDashboardReadModels,
} from "../../db/queries/dashboard-store";
import { productDemandDays } from "../../db/queries/demand-days";
import { refreshLostSales } from "../../db/queries/lost-sales-refresh";
import {
  finalizedDays,
  refreshSalesDayTotals,
  salesDailyLock,
  syncSalesDaily,
} from "../../db/queries/sales-summaries";
import { refreshSalesWindows } from "../../db/queries/sales-windows";
import { refreshStockDays } from "../../db/queries/stock-days";
import { refreshStockSummaries } from "../../db/queries/stock-summaries";
import { refreshSupplyPlanLinesOfRun } from "../../db/queries/supply-plan-lines";
import {
  refreshSupplyPlanStore,
  supplyPlanLock,
  supplyPlanSettingsFromRow,
  supplyPlanSettingsSql,
} from "../../db/queries/supply-plan-store";
import { refreshUnitPrice } from "../../db/queries/unit-price-refresh";
import type { Marketplace, RunStatus } from "../../db/schema/enums";
import { demandForecastCtes } from "../../domain/forecast-sql";
import { pageRelinkLock, RELINKED_MARKETPLACE, relinkStatements } from "./link-products";
import type { ResultRow, StatementRunner } from "./statement-runner";

export interface FinalizeInput {
  orgId: string;
  accountId: string;
  runId: string;
  /** The account's marketplace: its finalize keeps the daily sales of summarizedMarketplaces() equal to the
   * sales. Absent: every marketplace's. */
  marketplace?: Marketplace;
  /** Zero stock not seen in this run (full runs over an adapter that lists all stock, with no failed page). */
  zeroUnseen: boolean;
  /**
   * When only some stock sources read their whole listing: zero only cells last written by these adapters.
   * Absent or null: every cell of the account not seen in this run.
   */
  zeroEndpoints?: readonly string[] | null;
  status: Extract<RunStatus, "succeeded" | "partial" | "failed">;
  error: string | null;
}

function zeroUnseenStock(input: FinalizeInput): SQL {
  const sources = input.zeroEndpoints
    ? sql`and i.source_endpoint = any(${sql.param([...input.zeroEndpoints])}::text[])`
    : sql``;
  // The cells the run's stock pages saw unchanged (etl_pages.seen_*): a page does not rewrite those, so
  // inventory.run_id cannot tell them from unseen ones; a cell a page wrote carries the run's id and is not
  // recorded there (a first sync records none). One hash anti-join over the account's stock.
  return sql`with seen as (
      select s.listing_id, s.warehouse_id
      from etl_pages p cross join lateral unnest(p.seen_listing_ids, p.seen_warehouse_ids) as s(listing_id, warehouse_id)
      where p.run_id = ${input.runId}
    ),
    stale as (
      select i.listing_id, i.warehouse_id, i.product_id, i.available, i.reserved, i.in_transit
      from inventory i join listings l on l.id = i.listing_id
      where l.account_id = ${input.accountId}
        and (i.available <> 0 or i.reserved <> 0 or i.in_transit <> 0) ${sources}
        -- A cell this run wrote was seen (also by pages loaded before seen cells were recorded).
        and i.run_id is distinct from ${input.runId}
        and not exists (select 1 from seen where seen.listing_id = i.listing_id and seen.warehouse_id = i.warehouse_id)
        and exists (select 1 from etl_runs r where r.id = ${input.runId} and r.status = 'running')
      for update of i
    ),
    zeroed as (
      update inventory i set available = 0, reserved = 0, in_transit = 0, run_id = ${input.runId}, last_synced_at = now()
      from stale s where i.listing_id = s.listing_id and i.warehouse_id = s.warehouse_id
      returning 1
    ),
    audited as (
      insert into inventory_audit (org_id, listing_id, warehouse_id, product_id, change_type, old_available, new_available,
        old_reserved, new_reserved, old_in_transit, new_in_transit, run_id)
      select ${input.orgId}, listing_id, warehouse_id, product_id, 'zeroed', available, 0, reserved, 0, in_transit, 0, ${input.runId}
      from stale
      returning 1
    )
    update etl_runs set updated = updated + (select count(*) from audited) where id = ${input.runId}`;
}

/**
 * The run's seen cells served their purpose (zeroing) or never will (a run that ended without finalizing);
 * they are not kept with the page ledger.
 */
export function forgetSeenCells(runId: string): SQL {
  return sql`update etl_pages set seen_listing_ids = null, seen_warehouse_ids = null
    where run_id = ${runId} and seen_listing_ids is not null`;
}

/**
 * Refreshes planner statistics of the tables a sync grows, when they changed much since their last ANALYZE (a
 * first sync fills them within seconds, long before autovacuum looks). With statistics of the empty tables the
 * planner takes thousands of listings for one row and nests loops: the product linking alone took 12–66 s on
 * 100k rows. Same threshold shape as autovacuum's, so a routine run skips it.
 */
export function analyzeGrownTables(): SQL {
  return sql.raw(`do $$
    declare t text;
    begin
      for t in select relname from pg_stat_user_tables
        where schemaname = current_schema()
          and relname in ('products', 'listings', 'inventory', 'inventory_daily', 'inventory_audit', 'sales')
          and n_mod_since_analyze > 500 + 0.1 * n_live_tup
        -- In one order: two finalizes analyzing at once queue on each table (ANALYZE locks it until commit)
        -- instead of each holding one the other waits for.
        order by relname
      loop
        execute format('analyze %I', t);
      end loop;
    end $$`);
}

/**
 * The account's snapshot state: when its day's stock snapshot was last taken and whether that was today (the
 * organization's day). Until the next snapshot, cells written since then (last_synced_at > snapshot_at) are
 * what changed; a listing updated since then was (re)linked. `changed_since` is that time, or -infinity on the
 * day's first run (everything counts as changed). Strictly after: what the snapshot's own transaction wrote
 * (zeroed cells, listings linked to another product) carries its now(), and the snapshot and the summaries
 * already include it.
 */
function accountSnapshot(input: FinalizeInput): SQL {
  return sql`account as (
      select a.snapshot_at, o.time_zone, case when taken_today then a.snapshot_at else '-infinity' end as changed_since
      from marketplace_accounts a join organizations o on o.id = a.org_id
      cross join lateral (select coalesce((a.snapshot_at at time zone o.time_zone)::date
        = (now() at time zone o.time_zone)::date, false) as taken_today) t
      where a.id = ${input.accountId}
    )`;
}

/**
 * The time since which cells count as changed, as a scalar: PostgreSQL then filters the stock scan by it
 * before joining to the account's listings (as a join condition it joined all of the account's stock first).
 */
const changedSince = sql`(select changed_since from account)`;

/** The account's stock cells today's snapshot writes: all on the day's first run, later those written since. */
function snapshotCells(input: FinalizeInput): SQL {
  return sql`i.org_id = ${input.orgId} and i.last_synced_at > ${changedSince}
    and i.listing_id in (select l.id from listings l where l.account_id = ${input.accountId})`;
}

/**
 * Today's stock snapshot of the account (inventory_daily). The day's first run writes every cell; a later run
 * of the same day only the cells written since the last snapshot (changed or zeroed), as the others' rows are
 * already there. Then the products' stock of the day (product_stock_days) follows the cells written. Then the
 * account remembers when the snapshot was taken.
 */
function snapshotToday(input: FinalizeInput): [snapshot: SQL, stockDays: SQL, taken: SQL] {
  return [
    sql`with ${accountSnapshot(input)}
      insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace, available, reserved,
        in_transit)
      select i.org_id, (now() at time zone account.time_zone)::date, i.listing_id, i.warehouse_id, i.product_id,
        i.marketplace, i.available, i.reserved, i.in_transit
      from inventory i cross join account
      where ${snapshotCells(input)}
      on conflict (listing_id, warehouse_id, day) do update set available = excluded.available,
        reserved = excluded.reserved, in_transit = excluded.in_transit
      where (inventory_daily.available, inventory_daily.reserved, inventory_daily.in_transit)
        is distinct from (excluded.available, excluded.reserved, excluded.in_transit)`,
    refreshStockDays(
      input.orgId,
      accountSnapshot(input),
      sql`select distinct i.product_id from inventory i where ${snapshotCells(input)}`,
    ),
    sql`update marketplace_accounts set snapshot_at = now() where id = ${input.accountId}`,
  ];
}

/**
 * The account's products a run changed (the `mine` CTE, after accountSnapshot's `account`): on the day's first
 * run every product with a listing in the account, later the same day those whose stock, listings or sales it
 * changed.
 */
function changedProducts(input: FinalizeInput): SQL {
  return sql`mine as (
      select l.product_id from listings l
      where l.account_id = ${input.accountId} and l.updated_at > ${changedSince}
      union
      select i.product_id from inventory i
      where ${changedSince} > '-infinity' and i.org_id = ${input.orgId} and i.last_synced_at > ${changedSince}
        and i.listing_id in (select l.id from listings l where l.account_id = ${input.accountId})
      union
      select s.product_id from sales s join organizations o on o.id = s.org_id
      where s.org_id = ${input.orgId} and s.run_id = ${input.runId}
        and s.day > (now() at time zone o.time_zone)::date - o.velocity_window_days
    )`;
}

/**
 * Stock and velocity per product of the account (the other accounts' runs keep theirs): every product with a
 * listing in the account on the day's first run (the velocity window moves with the day), later the same day
 * only products whose stock, listings or sales this run changed. Set-based (one hash aggregate over their stock
 * and one over their recent orders), and a product whose figures did not change keeps its row untouched (no
 * dead tuples, no index churn on a routine run). Runs before the snapshot moves snapshot_at. Rows go in product
 * order: two accounts' finalizes lock the products both sell in the same order, so neither deadlocks the other.
 */
function refreshProductSummary(input: FinalizeInput): SQL {
  return sql`with ${accountSnapshot(input)}, ${changedProducts(input)},
    -- Per product × warehouse first, then per product: two hash aggregates where count(distinct) would sort.
    per_warehouse as (
      select i.product_id, i.warehouse_id, sum(i.available) as available, sum(i.reserved) as reserved,
        sum(i.in_transit) as in_transit,
        sum(i.available) filter (where i.marketplace = 'ozon') as ozon_available,
        sum(i.available) filter (where i.marketplace = 'wb') as wb_available,
        bool_or(i.available > 0) as stocked
      from inventory i where i.org_id = ${input.orgId} and i.product_id in (select product_id from mine)
      group by i.product_id, i.warehouse_id
    ),
    st as (
      select product_id, sum(available)::int as available, sum(reserved)::int as reserved,
        sum(in_transit)::int as in_transit, sum(ozon_available)::int as ozon_available,
        sum(wb_available)::int as wb_available, (count(*) filter (where stocked))::int as warehouse_count
      from per_warehouse group by product_id
    ),
    sa as (
      select s.product_id, sum(s.quantity)::int as units, sum(s.revenue) as revenue
      from sales s join organizations o on o.id = s.org_id
      where s.org_id = ${input.orgId} and s.kind = 'order' and s.product_id in (select product_id from mine)
        and s.day > (now() at time zone o.time_zone)::date - o.velocity_window_days
      group by s.product_id
    ),
    -- Velocity is the demand forecast (domain/forecast-sql.ts), days out of stock left out.
    ${demandForecastCtes(productDemandDays({ orgId: input.orgId, products: sql`select product_id from mine` }))}
    insert into product_summary as ps (org_id, product_id, available, reserved, in_transit, ozon_available,
      wb_available, warehouse_count, units_sold, revenue, velocity, demand_model, observed_days, censored_days,
      refreshed_at)
    select p.org_id, p.id,
      coalesce(st.available, 0), coalesce(st.reserved, 0), coalesce(st.in_transit, 0),
      coalesce(st.ozon_available, 0), coalesce(st.wb_available, 0), coalesce(st.warehouse_count, 0),
      coalesce(sa.units, 0), coalesce(sa.revenue, 0), coalesce(fc.per_day, 0), coalesce(fc.model, 'none'),
      coalesce(fc.observed_days, 0), coalesce(fc.censored_days, 0), now()
    from products p
    left join st on st.product_id = p.id
    left join sa on sa.product_id = p.id
    left join demand_forecast fc on fc.product_id = p.id
    where p.org_id = ${input.orgId} and p.id in (select product_id from mine)
    order by p.id
    on conflict (org_id, product_id) do update set available = excluded.available, reserved = excluded.reserved,
      in_transit = excluded.in_transit, ozon_available = excluded.ozon_available, wb_available = excluded.wb_available,
      warehouse_count = excluded.warehouse_count, units_sold = excluded.units_sold, revenue = excluded.revenue,
      velocity = excluded.velocity, demand_model = excluded.demand_model, observed_days = excluded.observed_days,
      censored_days = excluded.censored_days, refreshed_at = excluded.refreshed_at
    where (ps.available, ps.reserved, ps.in_transit, ps.ozon_available, ps.wb_available, ps.warehouse_count,
        ps.units_sold, ps.revenue, ps.velocity, ps.demand_model, ps.observed_days, ps.censored_days)
      is distinct from (excluded.available, excluded.reserved, excluded.in_transit, excluded.ozon_available,
        excluded.wb_available, excluded.warehouse_count, excluded.units_sold, excluded.revenue, excluded.velocity,
        excluded.demand_model, excluded.observed_days, excluded.censored_days)`;
}

/**
 * The marketplaces whose daily sales a run of an account of `marketplace` can have changed, which its finalize
 * (or, when it ends without one, its abandonment) makes equal to the sales again: its own, whose sales its pages
 * wrote, and the relinked one, whose listings' sales its relink may have moved to another product. The other
 * marketplace's rows change only through that marketplace's own runs, each followed by the same: on a first
 * sync the second account's finalize no longer compares again every row the first one wrote.
 */
export function summarizedMarketplaces(marketplace: Marketplace): Marketplace[] {
  return [...new Set<Marketplace>([marketplace, RELINKED_MARKETPLACE])];
}

/**
 * Sales per product × marketplace × day × region over the last 120 days (of the marketplaces given; all when none
 * are), made equal to the sales facts (only rows whose figures changed are written), one finalize of the
 * organization at a time (a transaction-level advisory lock): two accounts' finalizes at once each deleted what
 * its snapshot saw and inserted the same keys, and the second failed on a duplicate key.
 */
export function refreshSalesDaily(input: { orgId: string; marketplaces?: readonly Marketplace[] }): SQL[] {
  return [salesDailyLock(input.orgId), syncSalesDaily(input.orgId, finalizedDays(input.marketplaces))];
}

function closeRun(input: FinalizeInput): SQL[] {
  return [
    sql`update organizations set data_version = data_version + 1
      where id = ${input.orgId} and exists (select 1 from etl_runs where id = ${input.runId} and status = 'running')`,
    sql`update etl_runs set status = ${input.status}::run_status, finished_at = now(), error = ${input.error}::text,
        run_ms = (extract(epoch from now() - started_at) * 1000)::int,
        stock_confirmed = ${input.zeroUnseen && !input.zeroEndpoints}::boolean
      where id = ${input.runId} and status = 'running'`,
  ];
}

/**
 * Memory for finalize's sorts and hashes, its transaction only. At PostgreSQL's 4 MB default a first sync's
 * summaries spilled to disk (`npm run bench:ingest -- --profile` with auto_explain, 20,000 stock and 140,000
 * sales rows: sales_daily's aggregate in 21 batches and a 21 MB external sort, the demand forecasts' window sorts
 * 2–7 MB each); 64 MB keeps them in memory at that size, and one finalize runs per account at a time.
 */
const FINALIZE_WORK_MEM = sql`set local work_mem = '64MB'`;

/**
 * The run's own end, after the relink: one transaction. It holds the relink lock shared, as a page load does:
 * its snapshot, zeroed cells' audit rows and summaries read products, and another account's relink must not
 * move them halfway (that relink would also wait for the zeroed cells while this waited for its daily rows).
 */
export function finalizeStatements(input: FinalizeInput): SQL[] {
  const [snapshot, stockDays, snapshotTaken] = snapshotToday(input);
  return [
    FINALIZE_WORK_MEM,
    pageRelinkLock(input.orgId),
    ...(input.zeroUnseen ? [zeroUnseenStock(input)] : []),
    forgetSeenCells(input.runId),
    snapshot,
    stockDays,
    // Late in the transaction: the summary rows of products both marketplaces sell are what another account's
    // finalize waits for, until this transaction commits. Before the snapshot time moves (it reads it).
    refreshProductSummary(input),
    // After the summary's stock (today's stock-outs read it), before the snapshot time moves (mine reads it).
    refreshLostSales(
      input.orgId,
      sql`select product_id from mine`,
      sql`${accountSnapshot(input)}, ${changedProducts(input)}`,
    ),
    // The products' one unit price (listing price, else recent orders' average), after sales_daily's rebuild.
    refreshUnitPrice(
      input.orgId,
      sql`select product_id from mine`,
      sql`${accountSnapshot(input)}, ${changedProducts(input)}`,
    ),
    // Stock per product × warehouse (with its demand forecast) and per marketplace, for the scoped reads; also
    // before the snapshot time moves.
    ...refreshStockSummaries(
      input.orgId,
      sql`select product_id from mine`,
      sql`${accountSnapshot(input)}, ${changedProducts(input)}`,
    ),
    // The supply plan's lines per destination, from the stock summaries just refreshed (every product's after a
    // warehouse moved); also before the snapshot time moves.
    ...refreshSupplyPlanLinesOfRun(
      input.orgId,
      sql`select product_id from mine`,
      sql`${accountSnapshot(input)}, ${changedProducts(input)}`,
    ),
    snapshotTaken,
    ...closeRun(input),
  ];
}

/**
 * Finalize's second transaction, after the relink (which moves sales between products) and before the run's own
 * end (the product summary's forecast, lost sales and unit price read sales_daily): daily sales, their day totals
 * and the sales periods, made equal to the sales facts. A transaction of its own because the sales_daily lock
 * holds until commit: inside the run's own end it was held through the summaries, snapshot and close, and the
 * other account's finalize waited for all of them. Another account's relink committing after it is followed by
 * that account's own sales transaction, so sales_daily ends equal to the sales either way.
 */
export function salesSummaryTransaction(input: Pick<FinalizeInput, "orgId" | "marketplace">): SQL[] {
  const scope = {
    orgId: input.orgId,
    ...(input.marketplace ? { marketplaces: summarizedMarketplaces(input.marketplace) } : {}),
  };
  return [
    FINALIZE_WORK_MEM,
    // sales_daily is not analyzed after a first sync fills it: with its real statistics the product summary's
    // demand forecast (db/queries/demand-days.ts) merge-joined each product's days with its sold days on the
    // product alone, filtering ~2.6M pairs by day (2.0–2.6 s a call against 0.5–0.9 s with an empty table's
    // statistics, in the queue path's first sync of `npm run bench:ingest -- --rows 20000`).
    ...refreshSalesDaily(scope),
    ...refreshSalesDayTotals(scope),
    ...refreshSalesWindows(input),
  ];
}

/** Finalize's first transaction: statistics first (the relink's candidates are planned with them), the relink. */
export function relinkTransaction(orgId: string): SQL[] {
  return [analyzeGrownTables(), ...relinkStatements(orgId)];
}

/** finalizeRun's database round trips, in order (a benchmark times finalize as the run's last this many). */
export const FINALIZE_ROUND_TRIPS = 4;

export async function finalizeRun(run: StatementRunner, input: FinalizeInput): Promise<void> {
  await run(relinkTransaction(input.orgId));
  await run(salesSummaryTransaction(input));
  // The organization's dashboard and supply settings are read at the end of the run's own transaction (one round
  // trip less).
  const ended = await run([
    ...finalizeStatements(input),
    dashboardRulesSql(input.orgId),
    supplyPlanSettingsSql(input.orgId),
  ]);
  const [dashboard, supply] = ended.slice(-2);
  // The supply plan's lock first, as a settings change takes it before the rows both write.
  await run([
    ...refreshSupplyPlanStatements(supply, input.orgId),
    ...refreshDashboardStatements(dashboard, input.orgId),
  ]);
}

/**
 * The Overview's stored answer for the version the run's end moved to, with the settings `read` found: a
 * transaction of its own after it (its 25 KB of SQL would take the run's end past a small request limit, and the
 * answer is tagged with the version and settings it was computed with, so a change between the two is never
 * taken for the stored one).
 */
function refreshDashboardStatements(read: ResultRow[] | undefined, orgId: string): SQL[] {
  const row = read?.[0];
  return row ? refreshDashboardReadModels(orgId, dashboardRulesFromRow(row)) : [];
}

/**
 * The supply plan's stored answer, in the same transaction: the quantities of the lines the run's end wrote and
 * each scope's summary, with the settings `read` found (a change since leaves them unwritten: the settings
 * change's own transaction stored them after the run's end, or its next refresh will).
 */
function refreshSupplyPlanStatements(read: ResultRow[] | undefined, orgId: string): SQL[] {
  const row = read?.[0];
  return row ? [supplyPlanLock(orgId), ...refreshSupplyPlanStore(orgId, supplyPlanSettingsFromRow(row))] : [];
}

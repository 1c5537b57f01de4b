// The statements that load one validated stock page, sent together in one round trip: claim the page,
// register warehouses and aliases, upsert products and listings, upsert inventory from unnest() arrays with
// duplicate keys removed (last row wins), audit only values that changed, flag jumps against the previous
// snapshot, store rejects, and add the page's counts to the run.
import { type SQL, sql } from "drizzle-orm";
import type { RejectedRow, ValidatedPage, ValidStock } from "../validate/validate-stock";
import { arr, catalogStatements, warehouseStatements } from "./catalog-statements";
import { claimPage, ownsPage, type PageScope } from "./page-scope";
import { numberArray, textArray } from "./pg-array";

export interface AnomalyRule {
  /** A new available count above factor × max(previous, floor) is flagged. */
  factor: number;
  floor: number;
}

export const DEFAULT_ANOMALY_RULE: AnomalyRule = { factor: 10, floor: 20 };

/** The rule for an account's jump factor (marketplace_accounts.stock_jump_factor): null or absent = the default. */
export function anomalyRule(factor: number | null | undefined): AnomalyRule {
  return factor == null ? DEFAULT_ANOMALY_RULE : { ...DEFAULT_ANOMALY_RULE, factor };
}

/**
 * A page's (or part's) rows for the run's counters: extracted = validated + failed. Pseudo-rows (a vendor's totals
 * or "in transit" lines named like warehouses) pass validation and are dropped by normalization: validated, not
 * normalized.
 */
export interface PageCounts {
  extracted: number;
  pseudoRows: number;
}

function inventoryStatement(
  scope: PageScope,
  rows: readonly ValidStock[],
  counts: PageCounts,
  rejects: number,
  anomaly: AnomalyRule,
): SQL {
  // Rows are placed by their listing's key (listings this page's catalog statements wrote included); the alias
  // is its position in the page's list of aliases, from 1.
  const byKey = {
    ord: [] as number[],
    key: [] as string[],
    alias: [] as number[],
    available: [] as number[],
    reserved: [] as number[],
    inTransit: [] as number[],
    quality: [] as number[],
  };
  // A page names a few dozen warehouses over thousands of rows: each distinct alias is sent once.
  const aliasAt = new Map<string, number>();
  rows.forEach((row, index) => {
    byKey.ord.push(index + 1);
    byKey.key.push(row.listing.externalKey);
    let alias = aliasAt.get(row.warehouse.alias);
    if (alias === undefined) {
      alias = aliasAt.size + 1;
      aliasAt.set(row.warehouse.alias, alias);
    }
    byKey.alias.push(alias);
    byKey.available.push(row.available);
    byKey.reserved.push(row.reserved);
    byKey.inTransit.push(row.inTransit);
    byKey.quality.push(row.quality);
  });
  return sql`with warehouse_at as (
      -- The page's aliases resolved once (a few dozen), by position: each row takes its warehouse by subscript
      -- instead of a join over the page's rows (planned with an empty table's statistics on a first sync as a
      -- nested loop of every alias × every row).
      select array(
        select a.warehouse_id
        from unnest(${textArray([...aliasAt.keys()])}::text[]) with ordinality as named(alias, at)
        left join warehouse_aliases a on a.org_id = ${scope.orgId} and a.marketplace = ${scope.marketplace}::marketplace
          and a.alias = named.alias and a.active
        order by named.at
      ) as ids
    ),
    placed as (
      -- The listing's product comes with it (the same row the key found); only the rows written use it.
      select l.id as listing_id, l.product_id, (select ids from warehouse_at)[t.alias] as warehouse_id,
        t.available, t.reserved, t.in_transit, t.quality, t.ord
      from unnest(${numberArray(byKey.ord)}::int[], ${textArray(byKey.key)}::text[], ${numberArray(byKey.alias)}::int[],
        ${numberArray(byKey.available)}::int[], ${numberArray(byKey.reserved)}::int[],
        ${numberArray(byKey.inTransit)}::int[], ${numberArray(byKey.quality)}::real[])
        as t(ord, key, alias, available, reserved, in_transit, quality)
      join listings l on l.account_id = ${scope.accountId} and l.external_key = t.key
    ),
    input as (
      select distinct on (p.listing_id, p.warehouse_id) p.listing_id, p.warehouse_id, p.product_id,
        p.available, p.reserved, p.in_transit, p.quality
      from placed p
      where p.warehouse_id is not null and ${ownsPage(scope)}
      order by p.listing_id, p.warehouse_id, p.ord desc
    ),
    -- Each input row with the stock it replaces, by one index probe per row. Joining input to a second CTE of
    -- the previous stock (the old shape) nested two CTE scans, since the planner takes unnest for 100 rows:
    -- quadratic in the page size.
    merged as materialized (
      select n.*, i.listing_id is not null as existed, i.available as old_available, i.reserved as old_reserved,
        i.in_transit as old_in_transit,
        (i.available, i.reserved, i.in_transit, i.source_endpoint)
          is distinct from (n.available, n.reserved, n.in_transit, ${scope.endpoint}::text) as changed
      from input n left join inventory i using (listing_id, warehouse_id)
    ),
    -- Only new cells and changed values are written: a routine run rewrites (and bloats) nothing it did not
    -- change. An existing cell keeps its product: link-products.ts moves a relinked listing's stock in the
    -- transaction that relinks it, which the relink lock keeps from running during a page load.
    written as materialized (
      select m.* from merged m where not m.existed or m.changed
    ),
    upserted as (
      insert into inventory as inv (org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved,
        in_transit, source_endpoint, quality_score, last_synced_at, run_id)
      select ${scope.orgId}, listing_id, warehouse_id, product_id, ${scope.marketplace}::marketplace, available, reserved,
        in_transit, ${scope.endpoint}::text, quality, now(), ${scope.runId}
      from written
      on conflict (listing_id, warehouse_id) do update set available = excluded.available, reserved = excluded.reserved,
        in_transit = excluded.in_transit, source_endpoint = excluded.source_endpoint, quality_score = excluded.quality_score,
        last_synced_at = excluded.last_synced_at, run_id = excluded.run_id
      returning 1
    ),
    -- Only cells the page leaves as they were: a cell it writes carries the run's id, which finalize's zeroing
    -- reads as seen, so on a first sync (every cell new) nothing is recorded.
    seen as (${addSeenCells(scope, sql`merged where existed and not changed`)} returning 1),
    audited as (
      insert into inventory_audit (org_id, listing_id, warehouse_id, product_id, change_type, old_available, new_available,
        old_reserved, new_reserved, old_in_transit, new_in_transit, run_id)
      select ${scope.orgId}, m.listing_id, m.warehouse_id, m.product_id,
        (case when m.existed then 'updated' else 'created' end)::stock_change_type,
        m.old_available, m.available, m.old_reserved, m.reserved, m.old_in_transit, m.in_transit, ${scope.runId}
      from written m
      where not m.existed
        or (m.old_available, m.old_reserved, m.old_in_transit) is distinct from (m.available, m.reserved, m.in_transit)
      returning change_type
    ),
    jumps as (
      select count(*) as jump_count,
        min(format('listing %s at warehouse %s: %s → %s', m.listing_id, m.warehouse_id, m.old_available, m.available)) as sample,
        (array_agg(m.old_available order by format('listing %s at warehouse %s: %s → %s', m.listing_id, m.warehouse_id, m.old_available, m.available)))[1] as sample_from,
        (array_agg(m.available order by format('listing %s at warehouse %s: %s → %s', m.listing_id, m.warehouse_id, m.old_available, m.available)))[1] as sample_to
      from merged m
      where m.existed and m.available > ${anomaly.factor}::real * greatest(m.old_available, ${anomaly.floor}::int)
    ),
    counted as (
      update etl_runs set
        extracted = extracted + ${counts.extracted}::int,
        validated = validated + ${rows.length + counts.pseudoRows}::int,
        normalized = normalized + (select count(*) from merged),
        inserted = inserted + (select count(*) from audited where change_type = 'created'),
        updated = updated + (select count(*) from audited where change_type = 'updated'),
        failed = failed + ${rejects}::int,
        pages_done = pages_done + 1,
        issues = case when (select jump_count from jumps) > 0 then issues || jsonb_build_array(jsonb_build_object(
          'code', 'STOCK_JUMP', 'endpoint', ${scope.endpoint}::text, 'at', now(),
          'message', format('%s rows jumped beyond %s× the previous snapshot (e.g. %s)', (select jump_count from jumps), ${anomaly.factor}::real, (select sample from jumps)),
          -- The same facts as parameters, for the dashboard to say in the reader's language.
          'params', jsonb_build_object('count', (select jump_count from jumps), 'factor', ${anomaly.factor}::real,
            'from', (select sample_from from jumps), 'to', (select sample_to from jumps))))
          else issues end
      where id = ${scope.runId} and ${ownsPage(scope)}
      returning 1
    )
    select ${ownsPage(scope)} as claimed, (select count(*) from merged)::int as loaded,
      (select count(*) from upserted)::int as written, (select count(*) from seen)::int as seen_recorded,
      (select count(*) from audited)::int as changed, (select jump_count from jumps)::int as jumps`;
}

/** Stores the page's rejected rows with their reasons. */
export function rejectStatement(scope: PageScope, rejected: readonly RejectedRow[]): SQL {
  const payload = JSON.stringify(
    rejected.map((r) => ({ row_index: r.index, row: r.raw ?? null, reasons: r.reasons })),
  );
  return sql`insert into etl_rejects (org_id, run_id, page_key, row_index, endpoint, row, reasons)
    select ${scope.orgId}, ${scope.runId}, ${scope.pageKey}, t.row_index, ${scope.endpoint}, coalesce(t.row, 'null'::jsonb), t.reasons
    from jsonb_to_recordset(${payload}::jsonb) as t(row_index int, row jsonb, reasons text[])
    where ${ownsPage(scope)}
    on conflict (run_id, page_key, row_index) do nothing`;
}

/** A rejected row's listing and warehouse, when the rules (not the schema) rejected it. */
function identified(row: RejectedRow): { key: string; alias: string } | null {
  const record = row.raw as { listing?: { externalKey?: unknown }; warehouseName?: unknown } | null;
  const key = record?.listing?.externalKey;
  const alias = record?.warehouseName;
  return typeof key === "string" && typeof alias === "string" ? { key, alias } : null;
}

/**
 * Appends the cells (listing_id, warehouse_id) of `cells` (a relation, with a condition when needed) to the page's
 * seen cells, if it owns the page and there are any.
 */
function addSeenCells(scope: PageScope, cells: SQL): SQL {
  return sql`update etl_pages p set
      seen_listing_ids = coalesce(p.seen_listing_ids, '{}') || (select coalesce(array_agg(listing_id), '{}') from ${cells}),
      seen_warehouse_ids = coalesce(p.seen_warehouse_ids, '{}') || (select coalesce(array_agg(warehouse_id), '{}') from ${cells})
    where p.run_id = ${scope.runId} and p.page_key = ${scope.pageKey} and ${ownsPage(scope)}
      and exists (select 1 from ${cells})`;
}

/** Adds the cells of rule-rejected rows to the page's seen cells, so finalize keeps their stock as it was. */
function keepRejectedSeen(scope: PageScope, rejected: readonly RejectedRow[]): SQL | null {
  const cells = rejected.flatMap((row) => identified(row) ?? []);
  if (cells.length === 0) return null;
  return sql`with cells as (
      select l.id as listing_id, a.warehouse_id
      from unnest(${arr(cells.map((c) => c.key))}::text[], ${arr(cells.map((c) => c.alias))}::text[]) as t(key, alias)
      join listings l on l.account_id = ${scope.accountId} and l.external_key = t.key
      join warehouse_aliases a on a.org_id = ${scope.orgId} and a.marketplace = ${scope.marketplace}::marketplace
        and a.alias = t.alias and a.active
    )
    ${addSeenCells(scope, sql`cells`)}`;
}

export interface StockPageOptions {
  /** When a new available count is flagged as a jump (STOCK_JUMP); default DEFAULT_ANOMALY_RULE. */
  anomaly?: AnomalyRule;
}

/** The page's statements in order; the last one answers {claimed, loaded, changed, jumps}. */
export function stockPageStatements(
  scope: PageScope,
  page: ValidatedPage,
  counts: PageCounts,
  options: StockPageOptions = {},
): SQL[] {
  const { anomaly = DEFAULT_ANOMALY_RULE } = options;
  const statements = [claimPage(scope, counts.extracted)];
  if (page.valid.length > 0)
    statements.push(...warehouseStatements(scope, page.valid), ...catalogStatements(scope, page.valid));
  if (page.rejected.length > 0) statements.push(rejectStatement(scope, page.rejected));
  const keep = keepRejectedSeen(scope, page.rejected);
  if (keep) statements.push(keep);
  statements.push(inventoryStatement(scope, page.valid, counts, page.rejected.length, anomaly));
  return statements;
}

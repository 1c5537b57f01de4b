// The statements that load one validated stock page, sent together in one round trip: claim the page,
// register warehouses and aliases, upsert products and listings, upsert inventory from unnest() arrays with
// duplicate keys removed (last row wins), audit only values that changed, flag jumps against the previous
// snapshot, store rejects, and add the page's counts to the run.
import { type SQL, sql } from "drizzle-orm";
import type { ListingIdentity } from "../adapters/stock-record";
import type { RejectedRow, ResolvedWarehouse, ValidatedPage, ValidStock } from "../validate/validate-stock";
import { claimPage, ownsPage, type PageScope } from "./page-scope";

export interface AnomalyRule {
  /** A new available count above factor × max(previous, floor) is flagged. */
  factor: number;
  floor: number;
}

export const DEFAULT_ANOMALY_RULE: AnomalyRule = { factor: 10, floor: 20 };

export interface PageCounts {
  extracted: number;
  pseudoRows: number;
}

const arr = <T>(values: T[]) => sql.param(values);

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** Registers the page's warehouses and aliases (stock and sales pages alike). */
export function warehouseStatements(
  scope: PageScope,
  rows: readonly { warehouse: ResolvedWarehouse }[],
): SQL[] {
  const warehouses = uniqueBy(
    rows.map((r) => r.warehouse),
    (w) => w.name,
  );
  const aliases = uniqueBy(
    rows.map((r) => r.warehouse),
    (w) => w.alias,
  );
  return [
    sql`insert into warehouses (org_id, marketplace, name, cluster, region, type, provisional)
      select ${scope.orgId}, ${scope.marketplace}::marketplace, t.name, t.cluster, t.region, t.type::warehouse_type, t.provisional
      from unnest(${arr(warehouses.map((w) => w.name))}::text[], ${arr(warehouses.map((w) => w.cluster))}::text[],
        ${arr(warehouses.map((w) => w.region))}::text[], ${arr(warehouses.map((w) => w.type))}::text[],
        ${arr(warehouses.map((w) => w.provisional))}::boolean[]) as t(name, cluster, region, type, provisional)
      where ${ownsPage(scope)}
      on conflict (org_id, marketplace, name) do nothing`,
    sql`insert into warehouse_aliases (org_id, marketplace, alias, warehouse_id, confidence, source)
      select ${scope.orgId}, ${scope.marketplace}::marketplace, t.alias, w.id, t.confidence,
        (case when t.provisional then 'auto' else 'rule' end)::alias_source
      from unnest(${arr(aliases.map((w) => w.alias))}::text[], ${arr(aliases.map((w) => w.name))}::text[],
        ${arr(aliases.map((w) => w.confidence))}::real[], ${arr(aliases.map((w) => w.provisional))}::boolean[])
        as t(alias, name, confidence, provisional)
      join warehouses w on w.org_id = ${scope.orgId} and w.marketplace = ${scope.marketplace}::marketplace and w.name = t.name
      where ${ownsPage(scope)}
      on conflict (org_id, marketplace, alias) do nothing`,
  ];
}

/** Upserts the page's products (by article) and listings (by external key). */
export function catalogStatements(scope: PageScope, rows: readonly { listing: ListingIdentity }[]): SQL[] {
  const listings = uniqueBy(
    rows.map((r) => r.listing),
    (l) => l.externalKey,
  );
  const text = (values: (string | undefined)[]) => arr(values.map((v) => v ?? null));
  const num = (values: (number | undefined)[]) => arr(values.map((v) => v ?? null));
  return [
    // Only new listings need a product: a known one keeps its own (maybe joined to another article: link-products.ts).
    sql`insert into products (org_id, article, name, brand, category)
      select distinct on (t.article) ${scope.orgId}, t.article, t.name, t.brand, t.category
      from unnest(${arr(listings.map((p) => p.article))}::text[], ${arr(listings.map((p) => p.name))}::text[],
        ${text(listings.map((p) => p.brand))}::text[], ${text(listings.map((p) => p.category))}::text[],
        ${arr(listings.map((p) => p.externalKey))}::text[]) as t(article, name, brand, category, key)
      where ${ownsPage(scope)} and not exists (select 1 from listings l
        where l.account_id = ${scope.accountId} and l.external_key = t.key)
      order by t.article, t.name desc
      on conflict (org_id, article) do update set name = excluded.name, updated_at = now()
      where products.name = '' and excluded.name <> ''`,
    sql`insert into listings (org_id, product_id, account_id, marketplace, external_key, ozon_sku, offer_id, wb_nm_id,
        wb_chrt_id, barcode, size, name)
      select ${scope.orgId}, coalesce(p.id, (select k.product_id from listings k
          where k.account_id = ${scope.accountId} and k.external_key = t.key)),
        ${scope.accountId}, ${scope.marketplace}::marketplace, t.key, t.sku, t.offer_id, t.nm_id,
        t.chrt_id, t.barcode, t.size, t.name
      from unnest(${arr(listings.map((l) => l.externalKey))}::text[], ${arr(listings.map((l) => l.article))}::text[],
        ${num(listings.map((l) => l.ozonSku))}::bigint[], ${text(listings.map((l) => l.offerId))}::text[],
        ${num(listings.map((l) => l.wbNmId))}::bigint[], ${num(listings.map((l) => l.wbChrtId))}::bigint[],
        ${text(listings.map((l) => l.barcode))}::text[], ${text(listings.map((l) => l.size))}::text[],
        ${arr(listings.map((l) => l.name))}::text[]) as t(key, article, sku, offer_id, nm_id, chrt_id, barcode, size, name)
      left join products p on p.org_id = ${scope.orgId} and p.article = t.article
      where ${ownsPage(scope)}
      on conflict (account_id, external_key) do update set
        name = coalesce(nullif(excluded.name, ''), listings.name), barcode = coalesce(excluded.barcode, listings.barcode),
        active = true, updated_at = now()
      where (listings.name, listings.barcode, listings.active) is distinct from
        (coalesce(nullif(excluded.name, ''), listings.name), coalesce(excluded.barcode, listings.barcode), true)`,
  ];
}

function inventoryStatement(
  scope: PageScope,
  rows: readonly ValidStock[],
  counts: PageCounts,
  rejects: number,
  anomaly: AnomalyRule,
): SQL {
  return sql`with input as (
      select distinct on (l.id, a.warehouse_id) l.id as listing_id, a.warehouse_id, l.product_id,
        t.available, t.reserved, t.in_transit, t.quality
      from unnest(${arr(rows.map((r) => r.listing.externalKey))}::text[], ${arr(rows.map((r) => r.warehouse.alias))}::text[],
        ${arr(rows.map((r) => r.available))}::int[], ${arr(rows.map((r) => r.reserved))}::int[],
        ${arr(rows.map((r) => r.inTransit))}::int[], ${arr(rows.map((r) => r.quality))}::real[])
        with ordinality as t(key, alias, available, reserved, in_transit, quality, ord)
      join listings l on l.account_id = ${scope.accountId} and l.external_key = t.key
      join warehouse_aliases a on a.org_id = ${scope.orgId} and a.marketplace = ${scope.marketplace}::marketplace
        and a.alias = t.alias and a.active
      where ${ownsPage(scope)}
      order by l.id, a.warehouse_id, t.ord desc
    ),
    -- Each input row with the stock it replaces, by one index probe per row. Joining input to a second CTE of
    -- the previous stock (the old shape) nested two CTE scans, since the planner takes unnest for 100 rows:
    -- quadratic in the page size.
    merged as materialized (
      select n.*, i.listing_id is not null as existed, i.available as old_available, i.reserved as old_reserved,
        i.in_transit as old_in_transit
      from input n left join inventory i using (listing_id, warehouse_id)
    ),
    upserted as (
      insert into inventory as inv (org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved,
        in_transit, source_endpoint, quality_score, last_synced_at, run_id)
      select ${scope.orgId}, listing_id, warehouse_id, product_id, ${scope.marketplace}::marketplace, available, reserved,
        in_transit, ${scope.endpoint}::text, quality, now(), ${scope.runId}
      from merged
      on conflict (listing_id, warehouse_id) do update set available = excluded.available, reserved = excluded.reserved,
        in_transit = excluded.in_transit, source_endpoint = excluded.source_endpoint, quality_score = excluded.quality_score,
        last_synced_at = excluded.last_synced_at, run_id = excluded.run_id
      returning 1
    ),
    audited as (
      insert into inventory_audit (org_id, listing_id, warehouse_id, product_id, change_type, old_available, new_available,
        old_reserved, new_reserved, old_in_transit, new_in_transit, run_id)
      select ${scope.orgId}, m.listing_id, m.warehouse_id, m.product_id,
        (case when m.existed then 'updated' else 'created' end)::stock_change_type,
        m.old_available, m.available, m.old_reserved, m.reserved, m.old_in_transit, m.in_transit, ${scope.runId}
      from merged m
      where not m.existed
        or (m.old_available, m.old_reserved, m.old_in_transit) is distinct from (m.available, m.reserved, m.in_transit)
      returning change_type
    ),
    jumps as (
      select count(*) as jump_count,
        min(format('listing %s at warehouse %s: %s → %s', m.listing_id, m.warehouse_id, m.old_available, m.available)) as sample
      from merged m
      where m.existed and m.available > ${anomaly.factor}::real * greatest(m.old_available, ${anomaly.floor}::int)
    ),
    counted as (
      update etl_runs set
        extracted = extracted + ${counts.extracted}::int,
        validated = validated + ${rows.length}::int,
        normalized = normalized + (select count(*) from merged),
        inserted = inserted + (select count(*) from audited where change_type = 'created'),
        updated = updated + (select count(*) from audited where change_type = 'updated'),
        failed = failed + ${rejects}::int,
        pages_done = pages_done + 1,
        issues = case when (select jump_count from jumps) > 0 then issues || jsonb_build_array(jsonb_build_object(
          'code', 'STOCK_JUMP', 'endpoint', ${scope.endpoint}::text, 'at', now(),
          'message', format('%s rows jumped beyond %s× the previous snapshot (e.g. %s)', (select jump_count from jumps), ${anomaly.factor}::real, (select sample from jumps))))
          else issues end
      where id = ${scope.runId} and ${ownsPage(scope)}
      returning 1
    )
    select ${ownsPage(scope)} as claimed, (select count(*) from upserted)::int as loaded,
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

/** Marks the stock of rule-rejected rows as seen in this run, unchanged, so finalize does not zero it. */
function keepRejectedSeen(scope: PageScope, rejected: readonly RejectedRow[]): SQL | null {
  const cells = rejected.flatMap((row) => identified(row) ?? []);
  if (cells.length === 0) return null;
  return sql`update inventory i set run_id = ${scope.runId}
    from unnest(${arr(cells.map((c) => c.key))}::text[], ${arr(cells.map((c) => c.alias))}::text[]) as t(key, alias)
    join listings l on l.account_id = ${scope.accountId} and l.external_key = t.key
    join warehouse_aliases a on a.org_id = ${scope.orgId} and a.marketplace = ${scope.marketplace}::marketplace
      and a.alias = t.alias and a.active
    where i.listing_id = l.id and i.warehouse_id = a.warehouse_id and ${ownsPage(scope)}`;
}

/** The page's statements in order; the last one answers {claimed, loaded, changed, jumps}. */
export function stockPageStatements(
  scope: PageScope,
  page: ValidatedPage,
  counts: PageCounts,
  anomaly: AnomalyRule = DEFAULT_ANOMALY_RULE,
): SQL[] {
  const statements = [claimPage(scope, counts.extracted)];
  if (page.valid.length > 0)
    statements.push(...warehouseStatements(scope, page.valid), ...catalogStatements(scope, page.valid));
  if (page.rejected.length > 0) statements.push(rejectStatement(scope, page.rejected));
  const keep = keepRejectedSeen(scope, page.rejected);
  if (keep) statements.push(keep);
  statements.push(inventoryStatement(scope, page.valid, counts, page.rejected.length, anomaly));
  return statements;
}

// The statements that load one validated sales page in one round trip: claim the page, register warehouses
// and aliases, upsert products and listings, upsert the sales facts on the vendor's own key (account × kind ×
// external id; duplicates in the page collapse to the last row), store rejects, move the feed's watermark and
// add the page's counts to the run. The last statement answers {claimed, loaded}. Its columns go as array literals
// built here (pg-array.ts), not through the driver's per-element escaping.
import { type SQL, sql } from "drizzle-orm";
import type { ValidatedSalesPage, ValidSale } from "../validate/validate-sales";
import { catalogStatements, warehouseStatements } from "./catalog-statements";
import { claimPage, ownsPage, type PageScope } from "./page-scope";
import { numberArray, textArray } from "./pg-array";
import { rejectStatement } from "./stock-page-statements";
import { watermarkStatement } from "./watermark";

function salesStatement(
  scope: PageScope,
  rows: readonly ValidSale[],
  extracted: number,
  rejects: number,
): SQL {
  return sql`with input as (
      select distinct on (t.kind, t.ext) l.id as listing_id, l.product_id, a.warehouse_id, t.kind, t.ext,
        t.occurred_at, t.quantity, t.revenue, t.region, t.status, t.last_change_at
      from unnest(${textArray(rows.map((r) => r.listing.externalKey))}::text[], ${textArray(rows.map((r) => r.kind))}::text[],
        ${textArray(rows.map((r) => r.externalId))}::text[], ${textArray(rows.map((r) => r.occurredAt))}::timestamptz[],
        ${numberArray(rows.map((r) => r.quantity))}::int[], ${numberArray(rows.map((r) => r.revenue))}::numeric[],
        ${textArray(rows.map((r) => r.warehouse?.alias ?? null))}::text[], ${textArray(rows.map((r) => r.region))}::text[],
        ${textArray(rows.map((r) => r.status))}::text[], ${textArray(rows.map((r) => r.lastChangeAt))}::timestamptz[])
        with ordinality as t(key, kind, ext, occurred_at, quantity, revenue, alias, region, status, last_change_at, ord)
      join listings l on l.account_id = ${scope.accountId} and l.external_key = t.key
      left join warehouse_aliases a on a.org_id = ${scope.orgId} and a.marketplace = ${scope.marketplace}::marketplace
        and a.alias = t.alias and a.active
      where ${ownsPage(scope)}
      order by t.kind, t.ext, t.ord desc
    ),
    upserted as (
      insert into sales as s (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, warehouse_id,
        occurred_at, day, quantity, revenue, region, status, last_change_at, run_id)
      select ${scope.orgId}, ${scope.accountId}, ${scope.marketplace}::marketplace, n.kind::sale_kind, n.ext, n.listing_id,
        n.product_id, n.warehouse_id, n.occurred_at, (n.occurred_at at time zone o.time_zone)::date, n.quantity, n.revenue,
        n.region, n.status, n.last_change_at, ${scope.runId}
      from input n join organizations o on o.id = ${scope.orgId}
      on conflict (account_id, kind, external_id) do update set listing_id = excluded.listing_id,
        product_id = excluded.product_id, warehouse_id = excluded.warehouse_id, occurred_at = excluded.occurred_at,
        day = excluded.day, quantity = excluded.quantity, revenue = excluded.revenue, region = excluded.region,
        status = excluded.status, last_change_at = excluded.last_change_at, run_id = excluded.run_id
      where (s.quantity, s.revenue, s.status, s.occurred_at, s.warehouse_id, s.region)
        is distinct from (excluded.quantity, excluded.revenue, excluded.status, excluded.occurred_at,
          excluded.warehouse_id, excluded.region)
      returning (xmax = 0) as created
    ),
    counted as (
      update etl_runs set
        extracted = extracted + ${extracted}::int,
        validated = validated + ${rows.filter((row) => !row.derived).length}::int,
        normalized = normalized + (select count(*) from input),
        inserted = inserted + (select count(*) from upserted where created),
        updated = updated + (select count(*) from upserted where not created),
        failed = failed + ${rejects}::int,
        pages_done = pages_done + 1
      where id = ${scope.runId} and ${ownsPage(scope)}
      returning 1
    )
    select ${ownsPage(scope)} as claimed, (select count(*) from upserted)::int as loaded,
      (select count(*) from counted)::int as counted`;
}

export function salesPageStatements(
  scope: PageScope,
  page: ValidatedSalesPage,
  extracted: number,
  watermark: string | null,
): SQL[] {
  const statements = [claimPage(scope, extracted)];
  const located = page.valid.flatMap((r) => (r.warehouse ? [{ warehouse: r.warehouse }] : []));
  if (located.length > 0) statements.push(...warehouseStatements(scope, located));
  if (page.valid.length > 0) statements.push(...catalogStatements(scope, page.valid));
  if (page.rejected.length > 0) statements.push(rejectStatement(scope, page.rejected));
  if (watermark) statements.push(watermarkStatement(scope, watermark));
  statements.push(salesStatement(scope, page.valid, extracted, page.rejected.length));
  return statements;
}

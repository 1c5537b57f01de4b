// The catalog statements a page sends before its facts: the page's warehouses and their aliases, and the
// products and listings of its rows (stock and sales pages alike). SQL leaves known, unchanged ones alone.
// Each statement writes its rows in key order, and every page sends them in the same order (warehouses,
// aliases, products, listings): pages of a run's feeds that load side by side and name the same new rows wait
// for each other instead of deadlocking.
import { type SQL, sql } from "drizzle-orm";
import type { ListingIdentity } from "../adapters/stock-record";
import type { ResolvedWarehouse } from "../validate/validate-stock";
import { RELINKED_MARKETPLACE, sizedOfferProducts } from "./link-products";
import { ownsPage, type PageScope } from "./page-scope";
import { numberArray, textArray } from "./pg-array";

export const arr = <T>(values: T[]) => sql.param(values);

/** One item per key: the last one with that key (the last row wins), at its key's first position. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(key(item), item);
  return [...last.values()];
}

/** Each listing as its last row on the page has it: what the page's listing upsert writes. */
export function lastListings(rows: readonly { listing: ListingIdentity }[]): ListingIdentity[] {
  return uniqueBy(rows, (row) => row.listing.externalKey).map((row) => row.listing);
}

/** Registers the page's warehouses and aliases (stock and sales pages alike). */
export function warehouseStatements(
  scope: PageScope,
  rows: readonly { warehouse: ResolvedWarehouse }[],
): SQL[] {
  const byAlias = new Map<string, ResolvedWarehouse>();
  for (const { warehouse } of rows) byAlias.set(warehouse.alias, warehouse);
  if (byAlias.size === 0) return [];
  const aliases = [...byAlias.values()];
  const warehouses = uniqueBy(aliases, (w) => w.name);
  return [
    sql`insert into warehouses (org_id, marketplace, name, cluster, region, type, provisional)
      select ${scope.orgId}, ${scope.marketplace}::marketplace, t.name, t.cluster, t.region, t.type::warehouse_type, t.provisional
      from unnest(${arr(warehouses.map((w) => w.name))}::text[], ${arr(warehouses.map((w) => w.cluster))}::text[],
        ${arr(warehouses.map((w) => w.region))}::text[], ${arr(warehouses.map((w) => w.type))}::text[],
        ${arr(warehouses.map((w) => w.provisional))}::boolean[]) as t(name, cluster, region, type, provisional)
      where ${ownsPage(scope)}
      order by t.name
      on conflict (org_id, marketplace, name) do nothing`,
    sql`insert into warehouse_aliases (org_id, marketplace, alias, warehouse_id, confidence, source)
      select ${scope.orgId}, ${scope.marketplace}::marketplace, t.alias, w.id, t.confidence,
        (case when t.provisional then 'auto' else 'rule' end)::alias_source
      from unnest(${arr(aliases.map((w) => w.alias))}::text[], ${arr(aliases.map((w) => w.name))}::text[],
        ${arr(aliases.map((w) => w.confidence))}::real[], ${arr(aliases.map((w) => w.provisional))}::boolean[])
        as t(alias, name, confidence, provisional)
      join warehouses w on w.org_id = ${scope.orgId} and w.marketplace = ${scope.marketplace}::marketplace and w.name = t.name
      where ${ownsPage(scope)}
      order by t.alias
      on conflict (org_id, marketplace, alias) do nothing`,
  ];
}

/** Products for new listings, by article (the first name wins; an empty name is filled in later). */
function productStatement(
  scope: PageScope,
  fresh: readonly ListingIdentity[],
  unknownOnly: SQL,
  sized: SQL | null,
): SQL {
  // A new Ozon offer that joins a WB article's product at once needs no product of its own.
  const unsized = sized ? sql`and not exists (select 1 from sized z where z.key = t.key)` : sql``;
  return sql`${sized ? sql`with sized as materialized (${sized}) ` : sql``}insert into products (org_id, article, name, brand, category)
      select distinct on (t.article) ${scope.orgId}, t.article, t.name, t.brand, t.category
      from unnest(${textArray(fresh.map((p) => p.article))}::text[], ${textArray(fresh.map((p) => p.name))}::text[],
        ${textArray(fresh.map((p) => p.brand))}::text[], ${textArray(fresh.map((p) => p.category))}::text[],
        ${textArray(fresh.map((p) => p.externalKey))}::text[]) as t(article, name, brand, category, key)
      where ${ownsPage(scope)} ${unknownOnly} ${unsized}
      order by t.article, t.name desc
      on conflict (org_id, article) do update set name = excluded.name, updated_at = now()
      where products.name = '' and excluded.name <> ''`;
}

/** Upserts the page's products (by article) and listings (by external key). */
export function catalogStatements(scope: PageScope, rows: readonly { listing: ListingIdentity }[]): SQL[] {
  const listings = lastListings(rows);
  if (listings.length === 0) return [];
  // Only new listings need a product: a known one keeps its own (maybe joined to another article:
  // link-products.ts).
  const unknownOnly = sql`and not exists (select 1 from listings l where l.account_id = ${scope.accountId} and l.external_key = t.key)`;
  // A WB listing first seen in a feed without chrtId (the remains report) takes it from the cards.
  // A known listing with nothing new is left alone: ON CONFLICT would lock (and so dirty) its row anyway.
  const changedOnly = sql`and not exists (select 1 from listings k where k.account_id = ${scope.accountId} and k.external_key = t.key
          and k.active and k.name = coalesce(nullif(t.name, ''), k.name)
          and k.barcode is not distinct from coalesce(t.barcode, k.barcode)
          and k.wb_chrt_id is not distinct from coalesce(t.chrt_id, k.wb_chrt_id))`;
  // New Ozon listings of sized offers join the WB article's product as they are inserted (link-products.ts).
  const sized =
    scope.marketplace === RELINKED_MARKETPLACE
      ? sizedOfferProducts(scope.orgId, scope.accountId, listings)
      : null;
  const products = [productStatement(scope, listings, unknownOnly, sized)];
  return [
    ...products,
    sql`${sized ? sql`with sized as materialized (${sized}) ` : sql``}insert into listings (org_id, product_id, account_id, marketplace, external_key, ozon_sku, offer_id, wb_nm_id,
        wb_chrt_id, barcode, size, name)
      select ${scope.orgId}, coalesce(${sized ? sql`z.product_id, ` : sql``}p.id, (select k.product_id from listings k
          where k.account_id = ${scope.accountId} and k.external_key = t.key)),
        ${scope.accountId}, ${scope.marketplace}::marketplace, t.key, t.sku, t.offer_id, t.nm_id,
        t.chrt_id, t.barcode, ${sized ? sql`coalesce(z.size, t.size)` : sql`t.size`}, t.name
      from unnest(${textArray(listings.map((l) => l.externalKey))}::text[], ${textArray(listings.map((l) => l.article))}::text[],
        ${numberArray(listings.map((l) => l.ozonSku))}::bigint[], ${textArray(listings.map((l) => l.offerId))}::text[],
        ${numberArray(listings.map((l) => l.wbNmId))}::bigint[], ${numberArray(listings.map((l) => l.wbChrtId))}::bigint[],
        ${textArray(listings.map((l) => l.barcode))}::text[], ${textArray(listings.map((l) => l.size))}::text[],
        ${textArray(listings.map((l) => l.name))}::text[]) as t(key, article, sku, offer_id, nm_id, chrt_id, barcode, size, name)
      left join products p on p.org_id = ${scope.orgId} and p.article = t.article
      ${sized ? sql`left join sized z on z.key = t.key` : sql``}
      where ${ownsPage(scope)} ${changedOnly}
      order by t.key
      on conflict (account_id, external_key) do update set
        name = coalesce(nullif(excluded.name, ''), listings.name), barcode = coalesce(excluded.barcode, listings.barcode),
        wb_chrt_id = coalesce(excluded.wb_chrt_id, listings.wb_chrt_id), active = true, updated_at = now()
      where (listings.name, listings.barcode, listings.wb_chrt_id, listings.active) is distinct from
        (coalesce(nullif(excluded.name, ''), listings.name), coalesce(excluded.barcode, listings.barcode),
          coalesce(excluded.wb_chrt_id, listings.wb_chrt_id), true)`,
  ];
}

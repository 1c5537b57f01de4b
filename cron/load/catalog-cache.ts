// A run's view of the account's catalog: listings (id and product by external key) and the organization's
// warehouse aliases of the marketplace, read once before the stock pass and kept current from what each page
// writes. Pages then skip catalog writes for known, unchanged listings and known aliases, and send listing ids
// instead of keys to look up.
import { sql } from "drizzle-orm";
import type { Marketplace } from "../../db/schema/enums";
import type { ListingIdentity } from "../adapters/stock-record";
import type { ResultRow, StatementRunner } from "./statement-runner";

export interface CachedListing {
  id: number;
  name: string;
  barcode: string | null;
  active: boolean;
}

export interface CatalogCache {
  listings: Map<string, CachedListing>;
  /** Warehouse aliases already registered (active or not: a page never changes an existing one). */
  aliases: Set<string>;
}

/**
 * The account's listings (an inactive one is rewritten on its next sighting, which reactivates it) and the
 * marketplace's aliases of the organization, in one round trip.
 */
export async function loadCatalogCache(
  run: StatementRunner,
  scope: { orgId: string; accountId: string; marketplace: Marketplace },
): Promise<CatalogCache> {
  const [listingRows = [], aliasRows = []] = await run([
    sql`select external_key as cached_listing_key, id as cached_listing_id,
        name as cached_name, barcode as cached_barcode, active as cached_active
      from listings where account_id = ${scope.accountId}`,
    sql`select alias from warehouse_aliases
      where org_id = ${scope.orgId} and marketplace = ${scope.marketplace}::marketplace`,
  ]);
  const cache: CatalogCache = { listings: new Map(), aliases: new Set() };
  rememberListings(cache, listingRows);
  for (const row of aliasRows) cache.aliases.add(String(row.alias));
  return cache;
}

/** True when the listing is unknown or inactive, or the feed brings a name or barcode it does not have yet. */
export function needsWrite(cache: CatalogCache, listing: ListingIdentity): boolean {
  const known = cache.listings.get(listing.externalKey);
  if (!known?.active) return true;
  if (listing.name !== "" && listing.name !== known.name) return true;
  return listing.barcode !== undefined && listing.barcode !== known.barcode;
}

/**
 * Takes in, ahead of the round trip, what a page's listing upsert will leave on the known listings it carries
 * (a new name or barcode, reactivated), so a later page of the same round trip compares with that, as it would
 * one round trip later: the later page's values win. The returned rows replace these entries afterwards.
 */
export function anticipateListings(cache: CatalogCache, listings: Iterable<ListingIdentity>): void {
  for (const listing of listings) {
    const known = cache.listings.get(listing.externalKey);
    if (!known) continue;
    if (listing.name !== "") known.name = listing.name;
    if (listing.barcode !== undefined) known.barcode = listing.barcode;
    known.active = true;
  }
}

/** Adds the listings a page wrote (the rows its listings statement returned; other rows are ignored). */
export function rememberListings(cache: CatalogCache, rows: readonly ResultRow[]): void {
  for (const row of rows) {
    if (typeof row.cached_listing_key !== "string") continue;
    cache.listings.set(row.cached_listing_key, {
      id: Number(row.cached_listing_id),
      name: typeof row.cached_name === "string" ? row.cached_name : "",
      barcode: typeof row.cached_barcode === "string" ? row.cached_barcode : null,
      active: row.cached_active !== false && row.cached_active !== "f",
    });
  }
}

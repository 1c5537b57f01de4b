// A run's view of the account's listings: id and product by external key, read once before the stock pass and
// kept current from the listings each page writes. Pages then skip catalog writes for known, unchanged listings
// and send listing ids instead of keys to look up.
import { sql } from "drizzle-orm";
import type { ListingIdentity } from "../adapters/stock-record";
import type { ResultRow, StatementRunner } from "./statement-runner";

export interface CachedListing {
  id: number;
  productId: number;
  name: string;
  barcode: string | null;
}

export type ListingCache = Map<string, CachedListing>;

/** The account's active listings (an inactive one is not cached, so its next sighting reactivates it). */
export async function loadListingCache(run: StatementRunner, accountId: string): Promise<ListingCache> {
  const [rows = []] = await run([
    sql`select external_key as cached_listing_key, id as cached_listing_id, product_id as cached_product_id,
        name as cached_name, barcode as cached_barcode
      from listings where account_id = ${accountId} and active`,
  ]);
  const cache: ListingCache = new Map();
  rememberListings(cache, rows);
  return cache;
}

/** True when the listing is unknown, or the feed brings a name or barcode it does not have yet. */
export function needsWrite(cache: ListingCache, listing: ListingIdentity): boolean {
  const known = cache.get(listing.externalKey);
  if (!known) return true;
  if (listing.name !== "" && listing.name !== known.name) return true;
  return listing.barcode !== undefined && listing.barcode !== known.barcode;
}

/** Adds the listings a page wrote (the rows its listings statement returned; other rows are ignored). */
export function rememberListings(cache: ListingCache, rows: readonly ResultRow[]): void {
  for (const row of rows) {
    if (typeof row.cached_listing_key !== "string") continue;
    cache.set(row.cached_listing_key, {
      id: Number(row.cached_listing_id),
      productId: Number(row.cached_product_id),
      name: typeof row.cached_name === "string" ? row.cached_name : "",
      barcode: typeof row.cached_barcode === "string" ? row.cached_barcode : null,
    });
  }
}

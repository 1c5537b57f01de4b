// Joining one seller product across marketplaces. The rule: a product is the seller's article. A WB listing
// belongs to the product of its supplierArticle (sizes are techSize under one article). An Ozon listing belongs
// to the product of its offer_id, except that an offer_id `<article>-<size>` belongs to product `<article>`
// when the organization has a WB listing of that article in that size (sellers name sized Ozon offers this
// way). Without such WB evidence the offer_id stays its own product: "MI-00012-46" may as well be an article.
// Applied to the whole organization at the end of every run, so the order in which accounts sync is irrelevant;
// page loads and relinks exclude each other through the organization's relink lock.
import { type SQL, sql } from "drizzle-orm";
import { moveStockDays } from "../../db/queries/stock-days";
import type { Marketplace } from "../../db/schema/enums";
import { textArray } from "./pg-array";

/** The only marketplace whose listings (with their stock, history and sales) a relink moves to another product. */
export const RELINKED_MARKETPLACE: Marketplace = "ozon";

/**
 * The organization's relink lock, a transaction-level advisory lock. A page load takes it shared before it
 * writes anything; a finalize that has listings to relink takes it exclusively, in a short transaction that
 * writes nothing before it (relinkStatements). Without
 * it, a page could write a cell (or an audit or sales row) under a listing's old product while another
 * account's finalize relinks that listing: the relink's statement cannot see the page's uncommitted rows, and
 * the page read the product before the relink committed. Measured by bench:ingest before this lock: 3 cells of
 * a first sync kept a product their listing no longer had, for good.
 */
const relinkLockKey = (orgId: string) => sql`hashtext('mi.relink'), hashtext(${orgId}::text)`;

/**
 * The first statement of a page load (and of finalize's own transaction): waits while a relink of the
 * organization runs, and keeps one from starting.
 */
export function pageRelinkLock(orgId: string): SQL {
  return sql`select pg_advisory_xact_lock_shared(${relinkLockKey(orgId)})`;
}

/**
 * The Ozon listings to move to a WB article's product (relink_links, dropped at commit), then the relink lock
 * when there are any: the relink's own statement, later, then sees every page that was loading meanwhile.
 * Hash-friendly: the WB side's candidate offer_ids first (one per WB listing with a size), then one hash join
 * on offer_id. Joining ozon listings × products on org_id first (the old shape) was quadratic.
 */
function prepareRelink(orgId: string): SQL[] {
  return [
    sql`create temp table relink_links on commit drop as
      with sized as materialized (
        select distinct p.article || '-' || w.size as offer_id, w.product_id, w.size
        from listings w join products p on p.id = w.product_id
        where w.org_id = ${orgId} and w.marketplace = 'wb' and w.size is not null and w.size <> '0'
      )
      -- One product per listing, chosen among all its candidates before comparing with its own: two WB
      -- articles can name the same offer ("A-B" in size "C", "A" in size "B-C"), and choosing among the
      -- differing ones only would move the listing back and forth on every run.
      select listing_id, product_id, size from (
        select distinct on (o.id) o.id as listing_id, o.product_id as current_product_id, s.product_id, s.size
        from listings o join sized s on s.offer_id = o.offer_id
        where o.org_id = ${orgId} and o.marketplace = 'ozon'
        order by o.id, s.product_id
      ) chosen
      where product_id <> current_product_id`,
    sql`select pg_advisory_xact_lock(${relinkLockKey(orgId)}) where exists (select 1 from relink_links)`,
  ];
}

/**
 * The product a new Ozon listing joins as it is inserted, by the same rule as the relink: the WB article's product
 * when the organization already has a WB listing of that article in the size the offer names
 * (`<article>-<size>`), the smallest product id among several (as prepareRelink chooses), with the WB size. A CTE
 * body answering (key, product_id, size) for those of `listings` the account does not have yet; null when no offer
 * of them has a dash. Each offer is split at each of its dashes here, and each split is probed by index (products
 * by article, listings by product), so the cost follows the page, not the organization's catalogue. When the WB
 * listing commits first, the finalize's relink then has nothing to move (no product made for the offer only to be
 * emptied, no stock, audit or snapshot rows rewritten); when it commits later, the relink joins them as before.
 */
export function sizedOfferProducts(
  orgId: string,
  accountId: string,
  listings: readonly { externalKey: string; offerId?: string | null | undefined }[],
): SQL | null {
  const keys: string[] = [];
  const articles: string[] = [];
  const sizes: string[] = [];
  for (const { externalKey, offerId } of listings) {
    if (!offerId) continue;
    for (let at = offerId.indexOf("-"); at >= 0; at = offerId.indexOf("-", at + 1)) {
      const size = offerId.slice(at + 1);
      if (size === "0") continue;
      keys.push(externalKey);
      articles.push(offerId.slice(0, at));
      sizes.push(size);
    }
  }
  if (keys.length === 0) return null;
  return sql`select distinct on (c.key) c.key, p.id as product_id, c.size
    from unnest(${textArray(keys)}::text[], ${textArray(articles)}::text[], ${textArray(sizes)}::text[])
      as c(key, article, size)
    join products p on p.org_id = ${orgId} and p.article = c.article
    where not exists (select 1 from listings k where k.account_id = ${accountId} and k.external_key = c.key)
      and exists (select 1 from listings w where w.product_id = p.id and w.marketplace = 'wb' and w.size = c.size)
    order by c.key, p.id`;
}

/** Moves the listings prepareRelink found (and their stock, history and sales) to the WB article's product. */
function relinkOzonListings(): SQL {
  return sql`with moved as (
      update listings l set product_id = k.product_id, size = k.size, updated_at = now()
      from relink_links k where l.id = k.listing_id and l.product_id <> k.product_id
      returning l.id, l.product_id
    ),
    stock as (update inventory i set product_id = m.product_id from moved m where i.listing_id = m.id returning 1),
    daily as (update inventory_daily d set product_id = m.product_id from moved m where d.listing_id = m.id returning 1),
    -- The products' stock per day (product_stock_days) from the history as it was before this statement.
    stock_days as (${moveStockDays("moved")}),
    audit as (update inventory_audit a set product_id = m.product_id from moved m where a.listing_id = m.id returning 1),
    sold as (update sales s set product_id = m.product_id from moved m where s.listing_id = m.id returning 1)
    select (select count(*) from moved)::int as moved`;
}

/** Drops the products that only existed under a relinked offer_id and have no listing left. */
function dropEmptiedProducts(orgId: string): SQL {
  return sql`delete from products p
    using listings o
    where p.org_id = ${orgId} and o.org_id = ${orgId} and o.marketplace = 'ozon' and o.offer_id = p.article
      and o.product_id <> p.id and not exists (select 1 from listings l where l.product_id = p.id)`;
}

/**
 * The relink as one transaction of its own (finalize sends it after fresh statistics, before the rest): the
 * candidates, the lock when there are any, the relink and the emptied products. Its own transaction holds the
 * lock only as long as the relink, not through the rest of finalize; before the lock it writes nothing, so a
 * finalize waiting for it holds no row another one could wait for.
 */
export function relinkStatements(orgId: string): SQL[] {
  return [...prepareRelink(orgId), relinkOzonListings(), dropEmptiedProducts(orgId)];
}

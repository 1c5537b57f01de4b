// Joining one seller product across marketplaces. The rule: a product is the seller's article. A WB listing
// belongs to the product of its supplierArticle (sizes are techSize under one article). An Ozon listing belongs
// to the product of its offer_id, except that an offer_id `<article>-<size>` belongs to product `<article>`
// when the organization has a WB listing of that article in that size (sellers name sized Ozon offers this
// way). Without such WB evidence the offer_id stays its own product: "MI-00012-46" may as well be an article.
// Applied to the whole organization at the end of every run, so the order in which accounts sync is irrelevant.
import { type SQL, sql } from "drizzle-orm";

/** Moves matching Ozon listings (and their stock, history and sales) to the WB article's product. */
function relinkOzonListings(orgId: string): SQL {
  // Hash-friendly: the WB side's candidate offer_ids first (one per WB listing with a size), then one hash join
  // on offer_id. Joining ozon listings × products on org_id first (the old shape) was quadratic.
  return sql`with sized as materialized (
      select distinct p.article || '-' || w.size as offer_id, w.product_id, w.size
      from listings w join products p on p.id = w.product_id
      where w.org_id = ${orgId} and w.marketplace = 'wb' and w.size is not null and w.size <> '0'
    ),
    links as (
      select distinct on (o.id) o.id as listing_id, s.product_id, s.size
      from listings o join sized s on s.offer_id = o.offer_id
      where o.org_id = ${orgId} and o.marketplace = 'ozon' and o.product_id <> s.product_id
      order by o.id, s.product_id
    ),
    moved as (
      update listings l set product_id = k.product_id, size = k.size, updated_at = now()
      from links k where l.id = k.listing_id
      returning l.id, l.product_id
    ),
    stock as (update inventory i set product_id = m.product_id from moved m where i.listing_id = m.id returning 1),
    daily as (update inventory_daily d set product_id = m.product_id from moved m where d.listing_id = m.id returning 1),
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

/** Runs inside the finalize batch, before the snapshot and summaries are written. */
export function linkProductStatements(orgId: string): SQL[] {
  return [relinkOzonListings(orgId), dropEmptiedProducts(orgId)];
}

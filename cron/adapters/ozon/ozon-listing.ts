// The listing identity an Ozon row names: the sku is its key, the seller's offer_id its article (and offerId),
// and the product id is kept when the feed (or the product list behind it) gives one.
import { type ListingIdentity, ozonListingKey } from "../stock-record";

export function ozonListing(ids: {
  sku: number;
  offerId: string;
  name: string;
  productId?: number | undefined;
}): ListingIdentity {
  return {
    externalKey: ozonListingKey(ids.sku),
    article: ids.offerId,
    name: ids.name,
    ozonSku: ids.sku,
    ...(ids.productId !== undefined ? { ozonProductId: ids.productId } : {}),
    offerId: ids.offerId,
  };
}

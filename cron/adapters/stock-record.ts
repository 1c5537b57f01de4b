// What every stock adapter produces from one vendor row: the listing's marketplace identity, the warehouse
// name exactly as the feed wrote it, and the three counts the product tracks.

export interface ListingIdentity {
  /** Stable within the account: Ozon "sku:<sku>", WB "nm:<nmId>:<techSize>". */
  externalKey: string;
  /** The seller's own article (Ozon offer_id, WB supplierArticle); the product key across marketplaces. */
  article: string;
  name: string;
  ozonSku?: number;
  ozonProductId?: number;
  offerId?: string;
  wbNmId?: number;
  wbChrtId?: number;
  barcode?: string;
  size?: string;
  brand?: string;
  category?: string;
}

export interface StockRecord {
  listing: ListingIdentity;
  warehouseName: string;
  available: number;
  reserved: number;
  inTransit: number;
  /** The vendor's own total when it sends one (WB quantityFull), for the reserved ≤ total rule. */
  total: number | null;
  /**
   * Set when the vendor's own warehouse list names this warehouse (a seller's FBS warehouse): it is loaded under
   * that name as a known warehouse of this type, not as a provisional name awaiting review.
   */
  listedWarehouse?: { type: "fbs"; cluster: string | null; region: string | null };
  /** Fields that arrived in a drifted type (a number as a string): lowers the row's quality score. */
  drift: string[];
}

export const ozonListingKey = (sku: number) => `sku:${sku}`;
export const wbListingKey = (nmId: number, techSize: string) => `nm:${nmId}:${techSize || "0"}`;

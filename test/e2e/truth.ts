// What the simulator really holds: units available per product over every warehouse of both marketplaces,
// which the dashboard's statuses are checked against (domain/stock-status.ts classifies them). A product
// is the seller's article: Wildberries `supplierArticle`; an Ozon `offer_id` when the API keeps that offer
// as a product of its own, else the article it was joined to (ARTICLE-SIZE → ARTICLE; the joining rule
// itself is tested against the simulator in test/unit/cron/product-join.test.ts).
export type DashboardCounts = Record<"critical" | "low" | "normal" | "overstock", number>;

export interface StockTruthRow {
  marketplace: "ozon" | "wb";
  article: string;
  offerId?: string;
  supplierArticle?: string;
  warehouse: string;
  warehouseType?: string;
  available: number;
  inFeed: boolean;
}

export async function stockTruth(simUrl: string): Promise<StockTruthRow[]> {
  const rows: StockTruthRow[] = [];
  for (const marketplace of ["ozon", "wb"] as const) {
    const response = await fetch(`${simUrl}/_sim/truth/stock?marketplace=${marketplace}`);
    if (!response.ok) throw new Error(`GET /_sim/truth/stock?marketplace=${marketplace}: ${response.status}`);
    rows.push(...((await response.json()) as StockTruthRow[]));
  }
  // The WB seller's own warehouses (FBS), which the default WB adapters read too.
  const own = await fetch(`${simUrl}/_sim/truth/wb-seller-stock`);
  if (!own.ok) throw new Error(`GET /_sim/truth/wb-seller-stock: ${own.status}`);
  rows.push(...((await own.json()) as StockTruthRow[]));
  return rows;
}

/** Units available per marketplace and canonical warehouse name, counting only cells the feeds report. */
export function availableByWarehouse(rows: StockTruthRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (!row.inFeed) continue;
    const key = `${row.marketplace}:${row.warehouse}`;
    totals.set(key, (totals.get(key) ?? 0) + row.available);
  }
  return totals;
}

function productKey(row: StockTruthRow, productArticles: ReadonlySet<string>): string {
  if (row.marketplace === "wb") return row.supplierArticle ?? row.article;
  return row.offerId && productArticles.has(row.offerId) ? row.offerId : row.article;
}

/**
 * Units available per product with at least one cell in a feed (grouped under the API's product articles,
 * `productArticles`); cells in `skip` (marketplace:warehouse keys the API does not hold) count 0.
 */
export function unitsByProduct(
  rows: StockTruthRow[],
  productArticles: ReadonlySet<string>,
  skip: ReadonlySet<string> = new Set(),
): Map<string, number> {
  const perProduct = new Map<string, number>();
  for (const row of rows) {
    if (!row.inFeed) continue;
    const key = productKey(row, productArticles);
    const units = skip.has(`${row.marketplace}:${row.warehouse}`) ? 0 : row.available;
    perProduct.set(key, (perProduct.get(key) ?? 0) + units);
  }
  return perProduct;
}

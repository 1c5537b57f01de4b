// What the simulator really holds, classified the way the dashboard classifies products: units available
// per product article over every warehouse of both marketplaces, against the organization's thresholds.
export type DashboardCounts = Record<"critical" | "low" | "normal" | "overstock", number>;

export interface StockTruthRow {
  marketplace: "ozon" | "wb";
  article: string;
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
  return rows;
}

/** Units available per marketplace, counting only cells the feeds report. */
export function availableByMarketplace(rows: StockTruthRow[]): Record<"ozon" | "wb", number> {
  const totals = { ozon: 0, wb: 0 };
  for (const row of rows) if (row.inFeed) totals[row.marketplace] += row.available;
  return totals;
}

/** Products (by article) with at least one cell in a feed, classified by their available units. */
export function classifyTruth(
  rows: StockTruthRow[],
  thresholds: { criticalMax: number; lowMax: number; overstockMin: number },
): DashboardCounts {
  const perArticle = new Map<string, number>();
  for (const row of rows) {
    if (!row.inFeed) continue;
    perArticle.set(row.article, (perArticle.get(row.article) ?? 0) + row.available);
  }
  const counts: DashboardCounts = { critical: 0, low: 0, normal: 0, overstock: 0 };
  for (const available of perArticle.values()) {
    if (available <= thresholds.criticalMax) counts.critical++;
    else if (available <= thresholds.lowMax) counts.low++;
    else if (available > thresholds.overstockMin) counts.overstock++;
    else counts.normal++;
  }
  return counts;
}

// Which stock adapters an account uses: the account's configured list, else the marketplace default. The list
// is grouped by the stock each adapter lists (its source: Ozon FBO, Ozon FBS, WB): every source is read in a
// run; within a source the first adapter is used and later ones replace it when it is switched off.
import type { Marketplace } from "../../db/schema/enums";
import type { StockAdapter } from "./adapter";
import { ozonAnalyticsStocksV1 } from "./ozon/analytics-stocks-v1";
import { ozonProductInfoStocksV4 } from "./ozon/product-info-stocks-v4";
import { ozonStockOnWarehousesV2 } from "./ozon/stock-on-warehouses-v2";
import { ozonStocksByWarehouseFbsV2 } from "./ozon/stocks-by-warehouse-fbs-v2";
import { wbContentCards } from "./wb/content-cards";
import { wbSellerStocks } from "./wb/seller-stocks";
import { wbStocksReportWbWarehouses } from "./wb/stocks-report-wb-warehouses";
import { wbSupplierStocksV1 } from "./wb/supplier-stocks-v1";
import { wbWarehouseRemains } from "./wb/warehouse-remains";

export const STOCK_ADAPTERS: Record<string, StockAdapter> = {
  [ozonStockOnWarehousesV2.id]: ozonStockOnWarehousesV2,
  [ozonProductInfoStocksV4.id]: ozonProductInfoStocksV4,
  [ozonAnalyticsStocksV1.id]: ozonAnalyticsStocksV1,
  [ozonStocksByWarehouseFbsV2.id]: ozonStocksByWarehouseFbsV2,
  [wbSupplierStocksV1.id]: wbSupplierStocksV1,
  [wbStocksReportWbWarehouses.id]: wbStocksReportWbWarehouses,
  [wbWarehouseRemains.id]: wbWarehouseRemains,
  [wbContentCards.id]: wbContentCards,
  [wbSellerStocks.id]: wbSellerStocks,
};

/**
 * A new account's stock adapters: the endpoints the vendors serve this month (sunsets.ts has their dates).
 * Ozon: FBO per warehouse from /v2/analytics/stock_on_warehouses (still served; its replacement /v1/analytics/stocks
 * has no reserved counts), FBS per seller warehouse from /v2/product/info/stocks-by-warehouse/fbs.
 * WB, in this order in every run: the product cards (/content/v2/get/cards/list), so the feeds that name only
 * nmId/chrtId can place their rows; WB-warehouse stock from stocks-report/wb-warehouses, "then" the
 * warehouse-remains report — the fallback of the same source, read in a run only when stocks-report answers as
 * switched off (supplier/stocks was switched off on 2026-06-23 and is not in the list); and the seller's own
 * (FBS) warehouses from /api/v3/warehouses + /api/v3/stocks/{warehouseId}.
 */
export const DEFAULT_STOCK_ADAPTERS: Record<Marketplace, readonly string[]> = {
  ozon: [ozonStockOnWarehousesV2.id, ozonStocksByWarehouseFbsV2.id],
  wb: [wbContentCards.id, wbStocksReportWbWarehouses.id, wbWarehouseRemains.id, wbSellerStocks.id],
};

export class UnknownAdapterError extends Error {
  override name = "UnknownAdapterError";
}

export function stockAdapter(id: string): StockAdapter {
  const adapter = STOCK_ADAPTERS[id];
  if (!adapter)
    throw new UnknownAdapterError(
      `No stock adapter "${id}"; known: ${Object.keys(STOCK_ADAPTERS).join(", ")}`,
    );
  return adapter;
}

/** The account's stock adapters as configured (validated), in order. */
export function stockAdapterChain(
  marketplace: Marketplace,
  configured: readonly string[] | undefined,
): string[] {
  const chain =
    configured && configured.length > 0 ? [...configured] : [...DEFAULT_STOCK_ADAPTERS[marketplace]];
  for (const id of chain) {
    const adapter = stockAdapter(id);
    if (adapter.marketplace !== marketplace)
      throw new UnknownAdapterError(
        `Adapter ${id} is not ${marketplace === "ozon" ? "an Ozon" : "a WB"} adapter`,
      );
  }
  return chain;
}

/**
 * The account's stock adapters grouped by source, in the order each source first appears: every group is read
 * in a run, and within a group later adapters replace an earlier one that was switched off.
 */
export function stockSources(
  marketplace: Marketplace,
  configured: readonly string[] | undefined,
): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of stockAdapterChain(marketplace, configured)) {
    const source = stockAdapter(id).source;
    const group = groups.get(source) ?? [];
    if (!group.includes(id)) group.push(id);
    groups.set(source, group);
  }
  return [...groups.values()];
}

/** The adapters that replace each other with `id` (its source's group), `id` included. */
export function sourceGroupOf(
  marketplace: Marketplace,
  configured: readonly string[] | undefined,
  id: string,
): string[] {
  return stockSources(marketplace, configured).find((group) => group.includes(id)) ?? [id];
}

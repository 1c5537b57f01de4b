// Which stock adapter an account uses: the account's configured list (first entry first), else the
// marketplace default; an adapter switched off at the vendor hands over to its configured replacement.
import type { Marketplace } from "../../db/schema/enums";
import type { StockAdapter } from "./adapter";
import { ozonStockOnWarehousesV2 } from "./ozon/stock-on-warehouses-v2";
import { wbSupplierStocksV1 } from "./wb/supplier-stocks-v1";

export const STOCK_ADAPTERS: Record<string, StockAdapter> = {
  [ozonStockOnWarehousesV2.id]: ozonStockOnWarehousesV2,
  [wbSupplierStocksV1.id]: wbSupplierStocksV1,
};

const DEFAULT_STOCK_ADAPTER: Record<Marketplace, string> = {
  ozon: ozonStockOnWarehousesV2.id,
  wb: wbSupplierStocksV1.id,
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

/** The account's stock adapters in order of preference: the first is used, the rest replace it if switched off. */
export function stockAdapterChain(
  marketplace: Marketplace,
  configured: readonly string[] | undefined,
): string[] {
  const chain = configured && configured.length > 0 ? [...configured] : [DEFAULT_STOCK_ADAPTER[marketplace]];
  for (const id of chain) {
    const adapter = stockAdapter(id);
    if (adapter.marketplace !== marketplace)
      throw new UnknownAdapterError(`Adapter ${id} is not a ${marketplace} adapter`);
  }
  return chain;
}

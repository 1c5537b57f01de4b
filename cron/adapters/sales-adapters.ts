// Which sales adapters an account uses: the account's configured list, else the marketplace default. Each
// runs after the stock pass, one after another; a switched-off one is recorded and skipped. Two feeds that
// count the same orders are refused together.
import type { Marketplace } from "../../db/schema/enums";
import type { SalesAdapter } from "./adapter";
import { ozonAnalyticsDataV1 } from "./ozon/analytics-data-v1";
import { ozonPostingFboListV3 } from "./ozon/posting-fbo-list-v3";
import { ozonPostingFbsListV4 } from "./ozon/posting-fbs-list-v4";
import { UnknownAdapterError } from "./stock-adapters";
import { wbSupplierOrdersV1 } from "./wb/supplier-orders-v1";
import { wbSupplierSalesV1 } from "./wb/supplier-sales-v1";

export const SALES_ADAPTERS: Record<string, SalesAdapter> = {
  [ozonPostingFboListV3.id]: ozonPostingFboListV3,
  [ozonPostingFbsListV4.id]: ozonPostingFbsListV4,
  [ozonAnalyticsDataV1.id]: ozonAnalyticsDataV1,
  [wbSupplierOrdersV1.id]: wbSupplierOrdersV1,
  [wbSupplierSalesV1.id]: wbSupplierSalesV1,
};

const DEFAULT_SALES: Record<Marketplace, string[]> = {
  // FBO and FBS postings: the orders shipped from Ozon's warehouses and from the seller's own.
  ozon: [ozonPostingFboListV3.id, ozonPostingFbsListV4.id],
  wb: [wbSupplierOrdersV1.id, wbSupplierSalesV1.id],
};

/** Two feeds chosen together that count the same orders (the API answers with reason `same_orders`). */
export class SameOrdersError extends UnknownAdapterError {
  override name = "SameOrdersError";
}

/** Feeds that count the same orders: configured together, every order would be counted twice. */
const SAME_ORDERS: readonly (readonly [string, string])[] = [
  [ozonAnalyticsDataV1.id, ozonPostingFboListV3.id],
  [ozonAnalyticsDataV1.id, ozonPostingFbsListV4.id],
];

export function salesAdapter(id: string): SalesAdapter {
  const adapter = SALES_ADAPTERS[id];
  if (!adapter)
    throw new UnknownAdapterError(
      `No sales adapter "${id}"; known: ${Object.keys(SALES_ADAPTERS).join(", ")}`,
    );
  return adapter;
}

/** The account's sales adapters in the order they run; `[]` configured means no sales sync. */
export function salesAdapterList(
  marketplace: Marketplace,
  configured: readonly string[] | undefined,
): string[] {
  const list = configured ? [...configured] : DEFAULT_SALES[marketplace];
  for (const id of list) {
    if (salesAdapter(id).marketplace !== marketplace)
      throw new UnknownAdapterError(
        `Adapter ${id} is not ${marketplace === "ozon" ? "an Ozon" : "a WB"} adapter`,
      );
  }
  for (const [a, b] of SAME_ORDERS) {
    if (list.includes(a) && list.includes(b))
      throw new SameOrdersError(
        `Sales adapters ${a} and ${b} count the same orders: configure one of them, not both`,
      );
  }
  return list;
}

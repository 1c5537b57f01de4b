// What every sales adapter produces from one vendor row: the listing, the event's kind and the vendor's own
// key for it (WB srid or saleID, Ozon "<posting_number>:<sku>"), when it happened, units and money.
import type { SaleKind } from "../../db/schema/enums";
import type { ListingIdentity } from "./stock-record";

export interface SalesRecord {
  listing: ListingIdentity;
  kind: SaleKind;
  externalId: string;
  /** UTC ISO time of the event. */
  occurredAt: string;
  quantity: number;
  /** RUB; negative for returns. */
  revenue: number;
  warehouseName: string | null;
  region: string | null;
  status: string | null;
  /** UTC ISO time of the vendor's last change to the row, when it says. */
  lastChangeAt: string | null;
  /** Set when the vendor reports the order cancelled: the loader also records a cancellation. */
  cancelledAt: string | null;
  drift: string[];
}

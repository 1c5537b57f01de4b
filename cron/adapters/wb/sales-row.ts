// The fields WB orders and sales rows share, read leniently, and the listing identity they name.
import { z } from "zod";
import { lenientId, optionalText } from "../lenient";
import { lenientMoney } from "../money";
import { type ListingIdentity, wbListingKey } from "../stock-record";

export const WbSalesRowBase = z.object({
  date: z.string().min(10),
  lastChangeDate: z.string().min(10),
  warehouseName: optionalText,
  regionName: optionalText,
  supplierArticle: optionalText,
  nmId: lenientId,
  barcode: optionalText,
  techSize: optionalText,
  subject: optionalText,
  category: optionalText,
  brand: optionalText,
  priceWithDisc: lenientMoney,
  srid: z.string().min(1, "srid is empty"),
});
export const WB_SALES_NUMERIC = ["nmId", "priceWithDisc"] as const;

export function wbSalesListing(row: z.infer<typeof WbSalesRowBase>): ListingIdentity {
  const size = row.techSize || "0";
  return {
    externalKey: wbListingKey(row.nmId, size),
    article: row.supplierArticle,
    name: row.subject || row.category,
    wbNmId: row.nmId,
    barcode: row.barcode || undefined,
    size,
    brand: row.brand || undefined,
    category: row.category || undefined,
  };
}

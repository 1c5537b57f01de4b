// The fields WB orders and sales rows share, read leniently, and the listing identity a WB row names
// (stocks, orders and sales rows describe the product card with the same fields).
import { z } from "zod";
import type { RowOutcome } from "../adapter";
import { interned } from "../interned";
import { issueReasons, lenientId, optionalText } from "../lenient";
import { lenientMoney } from "../money";
import { type ListingIdentity, wbListingKey } from "../stock-record";
import { moscowToUtcIso } from "./keyset";

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

type WbCardFields = Pick<
  z.infer<typeof WbSalesRowBase>,
  "nmId" | "techSize" | "supplierArticle" | "subject" | "category" | "barcode" | "brand"
>;

/** The listing a WB row names; its texts are shared with every other row of the same card (interned.ts). */
export function wbListingIdentity(row: WbCardFields): ListingIdentity {
  const size = interned(row.techSize || "0");
  return {
    externalKey: interned(wbListingKey(row.nmId, size)),
    article: interned(row.supplierArticle),
    name: interned(row.subject || row.category),
    wbNmId: row.nmId,
    barcode: row.barcode ? interned(row.barcode) : undefined,
    size,
    brand: row.brand ? interned(row.brand) : undefined,
    category: row.category ? interned(row.category) : undefined,
  };
}

export type WbSalesRowRead<T> =
  | { ok: true; row: T; occurredAt: string }
  | Extract<RowOutcome<never>, { ok: false }>;

/** Parses an orders or sales row and its date (Moscow time → UTC); a year-9999 date is rejected. */
export function readWbSalesRow<T extends z.infer<typeof WbSalesRowBase>>(
  schema: z.ZodType<T>,
  raw: unknown,
): WbSalesRowRead<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const row = parsed.data;
  const occurredAt = moscowToUtcIso(row.date);
  if (!occurredAt || row.date.startsWith("9999"))
    return { ok: false, raw, reasons: [`date: implausible date "${row.date}"`] };
  return { ok: true, row, occurredAt };
}

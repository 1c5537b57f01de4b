// Wildberries GET /api/v1/supplier/sales?flag=0: sales (saleID "S…") and returns ("R…", negative amounts),
// each keyed by its saleID (the srid when a row has none).
import { z } from "zod";
import type { RowOutcome } from "../adapter";
import { interned } from "../interned";
import { driftedFields } from "../lenient";
import type { SalesRecord } from "../sales-record";
import { moscowToUtcIso } from "./keyset";
import { wbSalesFeed } from "./sales-feed";
import { readWbSalesRow, WB_SALES_NUMERIC, WbSalesRowBase, wbListingIdentity } from "./sales-row";

export const WB_SUPPLIER_SALES_ID = "wb.v1.supplier_sales";

const Row = WbSalesRowBase.extend({ saleID: z.string().nullish() });

export function readSupplierSalesRow(raw: unknown): RowOutcome<SalesRecord> {
  const read = readWbSalesRow(Row, raw);
  if (!read.ok) return read;
  const { row, occurredAt } = read;
  const isReturn = (row.saleID ?? "").startsWith("R");
  return {
    ok: true,
    record: {
      listing: wbListingIdentity(row),
      kind: isReturn ? "return" : "sale",
      externalId: row.saleID || row.srid,
      occurredAt,
      quantity: 1,
      revenue: row.priceWithDisc,
      warehouseName: row.warehouseName ? interned(row.warehouseName) : null,
      region: row.regionName ? interned(row.regionName) : null,
      status: isReturn ? "returned" : "sold",
      lastChangeAt: moscowToUtcIso(row.lastChangeDate),
      cancelledAt: null,
      drift: driftedFields(raw, WB_SALES_NUMERIC),
    },
  };
}

export const wbSupplierSalesV1 = wbSalesFeed(
  WB_SUPPLIER_SALES_ID,
  "/api/v1/supplier/sales",
  readSupplierSalesRow,
);

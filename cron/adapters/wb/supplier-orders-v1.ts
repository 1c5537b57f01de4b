// Wildberries GET /api/v1/supplier/orders?flag=0: one row per order (key srid); a cancellation re-stamps the
// order with isCancel and cancelDate, so the loader also records it as a cancellation.
import { z } from "zod";
import type { RowOutcome } from "../adapter";
import { interned } from "../interned";
import { driftedFields } from "../lenient";
import type { SalesRecord } from "../sales-record";
import { moscowToUtcIso } from "./keyset";
import { wbSalesFeed } from "./sales-feed";
import { readWbSalesRow, WB_SALES_NUMERIC, WbSalesRowBase, wbListingIdentity } from "./sales-row";

export const WB_SUPPLIER_ORDERS_ID = "wb.v1.supplier_orders";

const Row = WbSalesRowBase.extend({
  isCancel: z.boolean().nullish(),
  cancelDate: z.string().nullish(),
});

export function readSupplierOrdersRow(raw: unknown): RowOutcome<SalesRecord> {
  const read = readWbSalesRow(Row, raw);
  if (!read.ok) return read;
  const { row, occurredAt } = read;
  const cancelled = row.isCancel === true;
  const cancelledAt =
    cancelled && row.cancelDate && !row.cancelDate.startsWith("0001") ? moscowToUtcIso(row.cancelDate) : null;
  return {
    ok: true,
    record: {
      listing: wbListingIdentity(row),
      kind: "order",
      externalId: row.srid,
      occurredAt,
      quantity: 1,
      revenue: row.priceWithDisc,
      warehouseName: row.warehouseName ? interned(row.warehouseName) : null,
      region: row.regionName ? interned(row.regionName) : null,
      status: cancelled ? "cancelled" : "ordered",
      lastChangeAt: moscowToUtcIso(row.lastChangeDate),
      cancelledAt: cancelled ? (cancelledAt ?? occurredAt) : null,
      drift: driftedFields(raw, WB_SALES_NUMERIC),
    },
  };
}

export const wbSupplierOrdersV1 = wbSalesFeed(
  WB_SUPPLIER_ORDERS_ID,
  "/api/v1/supplier/orders",
  readSupplierOrdersRow,
);

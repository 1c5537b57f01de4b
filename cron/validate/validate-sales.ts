// Validates one page of sales rows: business rules (a known article, positive units, amounts signed by kind),
// the warehouse through the same alias rules as stock (pseudo names dropped to "no warehouse"), a quality
// score, and a derived cancellation record for each cancelled order. Rejected rows carry their reasons.
import type { Marketplace } from "../../db/schema/enums";
import type { RowOutcome } from "../adapters/adapter";
import type { SalesRecord } from "../adapters/sales-record";
import { type RejectedRow, type ResolvedWarehouse, resolveName } from "./validate-stock";

export interface ValidSale extends SalesRecord {
  warehouse: ResolvedWarehouse | null;
  quality: number;
  /** Set on the cancellation derived from a cancelled order: a fact loaded, not a row the vendor sent. */
  derived?: true;
}

/** Rows the vendor sent that this page (or part) holds: valid ones not derived, and rejected ones. */
export function salesRowsRead(page: ValidatedSalesPage): number {
  let read = page.rejected.length;
  for (const sale of page.valid) if (!sale.derived) read++;
  return read;
}

export interface ValidatedSalesPage {
  valid: ValidSale[];
  rejected: RejectedRow[];
}

export function salesRuleViolations(record: SalesRecord): string[] {
  const reasons: string[] = [];
  if (!record.listing.article.trim())
    reasons.push("article: the seller's article is missing, the product is unknown");
  if (!Number.isInteger(record.quantity) || record.quantity <= 0)
    reasons.push(`quantity: must be a positive whole number (got ${record.quantity})`);
  if (record.kind === "return" ? record.revenue > 0 : record.revenue < 0)
    reasons.push(`revenue: ${record.revenue} has the wrong sign for a ${record.kind}`);
  return reasons;
}

/**
 * The record with its warehouse and score, its fields spelled out: an object of one fixed shape. A page keeps up to
 * 80,000 of them, and a spread copy took about four times the memory (test/bench/page-heap.ts).
 */
function validSale(record: SalesRecord, warehouse: ResolvedWarehouse | null, quality: number): ValidSale {
  return {
    listing: record.listing,
    kind: record.kind,
    externalId: record.externalId,
    occurredAt: record.occurredAt,
    quantity: record.quantity,
    revenue: record.revenue,
    warehouseName: record.warehouseName,
    region: record.region,
    status: record.status,
    lastChangeAt: record.lastChangeAt,
    cancelledAt: record.cancelledAt,
    drift: record.drift,
    warehouse,
    quality,
  };
}

export function validateSalesPage(
  marketplace: Marketplace,
  rows: readonly RowOutcome<SalesRecord>[],
): ValidatedSalesPage {
  const page: ValidatedSalesPage = { valid: [], rejected: [] };
  rows.forEach((row, index) => {
    if (!row.ok) {
      page.rejected.push({ index, raw: row.raw, reasons: row.reasons });
      return;
    }
    const violations = salesRuleViolations(row.record);
    if (violations.length > 0) {
      page.rejected.push({ index, raw: row.record, reasons: violations });
      return;
    }
    const warehouse = row.record.warehouseName ? resolveName(marketplace, row.record.warehouseName) : null;
    const quality = Math.max(0, Math.round((1 - 0.1 * row.record.drift.length) * 100) / 100);
    const sale = validSale(row.record, warehouse, quality);
    page.valid.push(sale);
    if (sale.cancelledAt) {
      page.valid.push({
        ...sale,
        kind: "cancellation",
        occurredAt: sale.cancelledAt,
        status: "cancelled",
        derived: true,
      });
    }
  });
  return page;
}

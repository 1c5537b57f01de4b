// Validates one page of stock rows: the adapter's zod schema has already read each row; here the business
// rules (counts non-negative, reserved and available within the vendor's total, known identifiers), the
// warehouse resolution (pseudo-rows dropped, unknown names kept as provisional) and a quality score per row.
// Rejected rows carry their reasons and never stop the page.
import type { Marketplace } from "../../db/schema/enums";
import type { RowOutcome } from "../adapters/adapter";
import type { StockRecord } from "../adapters/stock-record";
import type { CanonicalWarehouse } from "../warehouses/known-warehouses";
import { matchWarehouse, type WarehouseMatch } from "../warehouses/match-warehouse";

/** Where a valid row's stock is loaded: a canonical warehouse or a provisional one awaiting review. */
export interface ResolvedWarehouse {
  /** The feed's own spelling (the alias). */
  alias: string;
  name: string;
  cluster: string | null;
  region: string | null;
  type: CanonicalWarehouse["type"];
  provisional: boolean;
  confidence: number;
}

export interface ValidStock extends StockRecord {
  warehouse: ResolvedWarehouse;
  quality: number;
}

export interface RejectedRow {
  /** Position of the row in the page, for idempotent reject records. */
  index: number;
  raw: unknown;
  reasons: string[];
}

export interface ValidatedPage {
  valid: ValidStock[];
  rejected: RejectedRow[];
  pseudoRows: number;
}

/** True when a row passes every business rule: the common case, checked without allocating. */
function passesRules(record: StockRecord): boolean {
  const { available, reserved, inTransit, total } = record;
  if (available < 0 || reserved < 0 || inTransit < 0) return false;
  if (total !== null && (total < 0 || reserved > total || available > total)) return false;
  return record.listing.article.trim() !== "";
}

export function businessRuleViolations(record: StockRecord): string[] {
  if (passesRules(record)) return [];
  const reasons: string[] = [];
  for (const field of ["available", "reserved", "inTransit"] as const) {
    if (record[field] < 0) reasons.push(`${field}: must not be negative (got ${record[field]})`);
  }
  if (record.total !== null) {
    if (record.total < 0) reasons.push(`total: must not be negative (got ${record.total})`);
    if (record.reserved > record.total)
      reasons.push(`reserved (${record.reserved}) exceeds the vendor's total (${record.total})`);
    if (record.available > record.total)
      reasons.push(`available (${record.available}) exceeds the vendor's total (${record.total})`);
  }
  if (!record.listing.article.trim())
    reasons.push("article: the seller's article is missing, the product is unknown");
  return reasons;
}

/** 1 for a clean row; drifted types, a guessed warehouse and a missing name each lower it. */
export function qualityScore(record: StockRecord, warehouseConfidence: number): number {
  let score = 1 - 0.1 * record.drift.length - 0.5 * (1 - warehouseConfidence);
  if (!record.listing.name.trim()) score -= 0.1;
  return Math.max(0, Math.round(score * 100) / 100);
}

/** A warehouse match as the loader registers it: canonical, or provisional awaiting review. */
export function resolve(match: Exclude<WarehouseMatch, { kind: "pseudo" }>): ResolvedWarehouse {
  if (match.kind === "matched") {
    const { warehouse } = match;
    return {
      alias: match.raw,
      name: warehouse.name,
      cluster: warehouse.cluster,
      region: warehouse.region,
      type: warehouse.type,
      provisional: false,
      confidence: match.confidence,
    };
  }
  return {
    alias: match.raw,
    name: match.provisionalName,
    cluster: null,
    region: null,
    type: "unknown",
    provisional: true,
    confidence: match.confidence,
  };
}

/** Names already resolved, per marketplace: feeds repeat the same few hundred spellings page after page. */
const resolvedNames: Record<Marketplace, Map<string, ResolvedWarehouse | null>> = {
  ozon: new Map(),
  wb: new Map(),
};
const RESOLVED_NAMES_KEPT = 10_000;

/** The warehouse a feed's name resolves to; null for a pseudo-row's name (one shared object per name). */
export function resolveName(marketplace: Marketplace, name: string): ResolvedWarehouse | null {
  const known = resolvedNames[marketplace];
  let warehouse = known.get(name);
  if (warehouse === undefined) {
    const match = matchWarehouse(marketplace, name);
    warehouse = match.kind === "pseudo" ? null : resolve(match);
    if (known.size >= RESOLVED_NAMES_KEPT) known.clear();
    known.set(name, warehouse);
  }
  return warehouse;
}

/**
 * A warehouse the vendor's own list names (the seller's FBS warehouses): known by that name, never matched to a
 * marketplace warehouse of a similar name nor left for review.
 */
function listedWarehouse(
  name: string,
  listed: NonNullable<StockRecord["listedWarehouse"]>,
): ResolvedWarehouse {
  return { alias: name, name: name.trim(), ...listed, provisional: false, confidence: 1 };
}

export function validateStockPage(
  marketplace: Marketplace,
  rows: readonly RowOutcome<StockRecord>[],
): ValidatedPage {
  const page: ValidatedPage = { valid: [], rejected: [], pseudoRows: 0 };
  rows.forEach((row, index) => {
    if (!row.ok) {
      page.rejected.push({ index, raw: row.raw, reasons: row.reasons });
      return;
    }
    const record = row.record;
    const warehouse = record.listedWarehouse
      ? listedWarehouse(record.warehouseName, record.listedWarehouse)
      : resolveName(marketplace, record.warehouseName);
    if (warehouse === null) {
      page.pseudoRows++;
      return;
    }
    if (!passesRules(record)) {
      page.rejected.push({ index, raw: record, reasons: businessRuleViolations(record) });
      return;
    }
    page.valid.push({
      listing: record.listing,
      warehouseName: record.warehouseName,
      available: record.available,
      reserved: record.reserved,
      inTransit: record.inTransit,
      total: record.total,
      drift: record.drift,
      warehouse,
      quality: qualityScore(record, warehouse.confidence),
    });
  });
  return page;
}

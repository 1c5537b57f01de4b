// The rows of a downloaded WB warehouse-remains report: one per barcode with its `warehouses` entries, read by
// zod and turned into one stock record per entry (pseudo entries included: validation drops and counts them).
import { z } from "zod";
import type { RowOutcome } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { StockRecord } from "../stock-record";
import { wbListingIdentity } from "./sales-row";

const Row = z.object({
  nmId: lenientId,
  barcode: optionalText,
  vendorCode: optionalText,
  // A missing size would file the stock under another listing (size "0"): the row is rejected instead.
  techSize: z.string({ error: "techSize is missing: the listing's size is unknown" }),
  brand: optionalText,
  subjectName: optionalText,
  warehouses: z.array(z.unknown(), { error: "warehouses: expected a list of warehouse entries" }),
});
const ROW_NUMERIC = ["nmId"] as const;

const Entry = z.object({
  warehouseName: z.string().trim().min(1, "warehouse name is empty"),
  quantity: lenientCount,
});
const ENTRY_NUMERIC = ["quantity"] as const;

/**
 * One report row as stock records, one per `warehouses` entry. The report gives per warehouse only the units
 * there (`quantity` → available); goods on the way to customers and returns come as per-barcode totals in
 * pseudo entries, so reserved and in transit are 0 on every warehouse record.
 */
export function readRemainsRow(raw: unknown): RowOutcome<StockRecord>[] {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return [{ ok: false, raw, reasons: issueReasons(parsed.error) }];
  const row = parsed.data;
  const listing = wbListingIdentity({
    nmId: row.nmId,
    techSize: row.techSize,
    supplierArticle: row.vendorCode,
    subject: row.subjectName,
    category: "",
    barcode: row.barcode,
    brand: row.brand,
  });
  const rowDrift = driftedFields(raw, ROW_NUMERIC);
  return row.warehouses.map((rawEntry, index): RowOutcome<StockRecord> => {
    const entry = Entry.safeParse(rawEntry);
    if (!entry.success) {
      const reasons = issueReasons(entry.error).map((reason) => `warehouses.${index}.${reason}`);
      return { ok: false, raw: { nmId: row.nmId, techSize: row.techSize, entry: rawEntry }, reasons };
    }
    return {
      ok: true,
      record: {
        listing,
        warehouseName: entry.data.warehouseName,
        available: entry.data.quantity,
        reserved: 0,
        inTransit: 0,
        total: null,
        drift: [...rowDrift, ...driftedFields(rawEntry, ENTRY_NUMERIC)],
      },
    };
  });
}

/**
 * A size can carry several barcodes: their records for one listing × warehouse are summed into one, so the
 * loader (which keeps one row per key) does not drop all but the last barcode's units. A cell with a barcode
 * whose count is negative is not summed at all: the negative record goes to validation (which rejects it) and
 * the cell's other records are rejected with it, rather than loading a partial sum as the cell's stock.
 */
export function mergeSameCells(outcomes: readonly RowOutcome<StockRecord>[]): RowOutcome<StockRecord>[] {
  const cellOf = (record: StockRecord) => `${record.listing.externalKey}|${record.warehouseName}`;
  const damaged = new Set(
    outcomes.flatMap((outcome) =>
      outcome.ok && outcome.record.available < 0 ? [cellOf(outcome.record)] : [],
    ),
  );
  const merged: RowOutcome<StockRecord>[] = [];
  const byCell = new Map<string, number>();
  for (const outcome of outcomes) {
    if (!outcome.ok || outcome.record.available < 0) {
      merged.push(outcome);
      continue;
    }
    const key = cellOf(outcome.record);
    if (damaged.has(key)) {
      merged.push({
        ok: false,
        raw: outcome.record,
        reasons: [
          "another barcode of this size at this warehouse has an invalid count: the cell's sum is unknown",
        ],
      });
      continue;
    }
    const at = byCell.get(key);
    const earlier = at === undefined ? undefined : merged[at];
    if (!earlier?.ok) {
      byCell.set(key, merged.length);
      merged.push(outcome);
      continue;
    }
    const a = earlier.record;
    const b = outcome.record;
    merged[at as number] = {
      ok: true,
      record: {
        ...a,
        listing: { ...a.listing, barcode: a.listing.barcode ?? b.listing.barcode },
        available: a.available + b.available,
        drift: [...new Set([...a.drift, ...b.drift])],
      },
    };
  }
  return merged;
}

/** Every row of a downloaded report as stock outcomes, same cells merged. */
export function readRemainsReport(rows: readonly unknown[]): RowOutcome<StockRecord>[] {
  return mergeSameCells(rows.flatMap(readRemainsRow));
}

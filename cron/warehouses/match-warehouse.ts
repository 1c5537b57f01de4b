// Maps one warehouse name from a feed to a canonical warehouse with a confidence, or marks it a pseudo-row
// (goods in transit, report totals) that must never be counted as stock, or as unknown (loaded provisionally).
import type { Marketplace } from "../../db/schema/enums";
import { type CanonicalWarehouse, knownWarehousesOf, PSEUDO_WAREHOUSE_NAMES } from "./known-warehouses";
import { provisionalWarehouseName, warehouseNameKey } from "./normalize-name";

export type WarehouseMatch =
  | { kind: "pseudo"; raw: string }
  | { kind: "matched"; raw: string; warehouse: CanonicalWarehouse; confidence: number; rule: MatchRule }
  | { kind: "unknown"; raw: string; provisionalName: string; confidence: number };

export type MatchRule = "exact" | "case-spacing" | "normalized" | "partial";

/** Confidence at or above which an automatic match needs no review. */
export const REVIEW_THRESHOLD = 0.9;
export const UNKNOWN_CONFIDENCE = 0.3;

function tidy(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().toLowerCase();
}

const pseudoKeys = new Set(PSEUDO_WAREHOUSE_NAMES.map(warehouseNameKey));

/** Canonical names' tidy forms and keys, computed once per name (a page may bring hundreds of spellings). */
const canonicalForms = new Map<string, { tidy: string; key: string }>();
function formsOf(name: string): { tidy: string; key: string } {
  let forms = canonicalForms.get(name);
  if (!forms) {
    forms = { tidy: tidy(name), key: warehouseNameKey(name) };
    canonicalForms.set(name, forms);
  }
  return forms;
}

export function matchWarehouse(
  marketplace: Marketplace,
  raw: string,
  known: readonly CanonicalWarehouse[] = knownWarehousesOf(marketplace),
): WarehouseMatch {
  const key = warehouseNameKey(raw);
  if (pseudoKeys.has(key)) return { kind: "pseudo", raw };
  const exact = known.find((w) => w.name === raw);
  if (exact) return { kind: "matched", raw, warehouse: exact, confidence: 1, rule: "exact" };
  const tidied = tidy(raw);
  const spaced = known.find((w) => formsOf(w.name).tidy === tidied);
  if (spaced) return { kind: "matched", raw, warehouse: spaced, confidence: 0.98, rule: "case-spacing" };
  const normalized = known.filter((w) => formsOf(w.name).key === key);
  if (normalized.length === 1 && normalized[0]) {
    return { kind: "matched", raw, warehouse: normalized[0], confidence: 0.92, rule: "normalized" };
  }
  // A code form may drop the district ("САНКТ_ПЕТЕРБУРГ_РФЦ" for "Санкт-Петербург Шушары"): accept only a
  // single candidate whose key starts with every word we have, and flag it for review by its confidence.
  if (key.length >= 4 && normalized.length === 0) {
    const partial = known.filter((w) => `${formsOf(w.name).key} `.startsWith(`${key} `));
    if (partial.length === 1 && partial[0]) {
      return { kind: "matched", raw, warehouse: partial[0], confidence: 0.8, rule: "partial" };
    }
  }
  return {
    kind: "unknown",
    raw,
    provisionalName: provisionalWarehouseName(raw),
    confidence: UNKNOWN_CONFIDENCE,
  };
}

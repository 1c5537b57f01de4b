// A product's stock status: critical, low, normal or overstock. Two bases, chosen per organization:
// - cover (the default): days of cover against the lead time. With v = velocity (units a day):
//     out of stock (available ≤ 0)                   → critical
//     no sales in the velocity window, stock on hand → overstock (stock that does not sell; Ozon's NO_SALES)
//     available < v × lead time                      → critical (runs out before a new order arrives)
//     available < v × (lead time + safety days)      → low      (eats into the safety stock)
//     available > v × cover ceiling                  → overstock (more than the ceiling's days, 120 by default)
//     otherwise                                      → normal
// - units: the original thresholds, critical ≤ criticalMax, low ≤ lowMax, overstock > overstockMin.
// On both bases, a product whose reorder is due ("order now", replenishment.ts) is never overstock: it shows
// as normal. Comparisons are on units (available against v × days), not on rounded cover, so the database
// (stock-status-sql.ts, built from the same rules) classifies exactly as this function does.
import { reorderDue } from "./replenishment";

export const STOCK_STATUSES = ["critical", "low", "normal", "overstock"] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const STATUS_BASES = ["cover", "units"] as const;
export type StatusBasis = (typeof STATUS_BASES)[number];

/** Ozon's SURPLUS turnover grade starts above 120 days of cover; the default cover ceiling follows it. */
export const DEFAULT_COVER_CEILING_DAYS = 120;

/** An organization's status settings (the units thresholds are kept for the units basis). */
export interface StatusRules {
  statusBasis: StatusBasis;
  criticalMax: number;
  lowMax: number;
  overstockMin: number;
  leadTimeDays: number;
  safetyStockDays: number;
  coverCeilingDays: number;
}

export const DEFAULT_STATUS_RULES: StatusRules = {
  statusBasis: "cover",
  criticalMax: 5,
  lowMax: 20,
  overstockMin: 100,
  leadTimeDays: 14,
  safetyStockDays: 7,
  coverCeilingDays: DEFAULT_COVER_CEILING_DAYS,
};

export interface StockFigures {
  available: number;
  inTransit: number;
  /** Average units sold a day over the velocity window. */
  velocity: number;
}

/** The status without the "order now" guard: which band the stock falls in. */
export function stockBand(stock: StockFigures, rules: StatusRules): StockStatus {
  const { available } = stock;
  if (rules.statusBasis === "units") {
    if (available <= rules.criticalMax) return "critical";
    if (available <= rules.lowMax) return "low";
    if (available > rules.overstockMin) return "overstock";
    return "normal";
  }
  const v = Math.max(0, stock.velocity);
  if (available <= 0) return "critical";
  if (v === 0) return "overstock";
  if (available < v * rules.leadTimeDays) return "critical";
  if (available < v * (rules.leadTimeDays + rules.safetyStockDays)) return "low";
  if (available > v * rules.coverCeilingDays) return "overstock";
  return "normal";
}

export function stockStatus(stock: StockFigures, rules: StatusRules): StockStatus {
  const band = stockBand(stock, rules);
  return band === "overstock" && reorderDue(stock, rules) ? "normal" : band;
}

/** Sort rank of a status, most urgent first (the inventory list's status sort). */
export const STATUS_RANK: Record<StockStatus, number> = { critical: 0, low: 1, normal: 2, overstock: 3 };

/**
 * Settings that keep the bands ordered: critical < low < overstock in units, and a cover ceiling above lead
 * time + safety days. Returns the first broken rule as "field: problem", or null.
 */
export function statusRulesProblem(rules: StatusRules): string | null {
  if (!(rules.criticalMax >= 0 && rules.criticalMax < rules.lowMax && rules.lowMax < rules.overstockMin)) {
    return "lowMax: thresholds must satisfy criticalMax < lowMax < overstockMin";
  }
  if (!(rules.coverCeilingDays > rules.leadTimeDays + rules.safetyStockDays)) {
    return "coverCeilingDays: must be more than leadTimeDays + safetyStockDays";
  }
  return null;
}

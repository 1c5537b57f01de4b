// The range of each whole number a seller sets (Settings, the alert settings, a product's supply numbers): the
// API's schemas refuse a number outside it, and the dashboard's fields say so under themselves before sending.
export interface WholeRange {
  min: number;
  max: number;
}

const DAYS = { min: 0, max: 365 } as const;
const SUPPLY_UNITS = { min: 1, max: 1_000_000 } as const;

export const SETTING_RANGES = {
  coverCeilingDays: { min: 1, max: 3650 },
  criticalMax: { min: 0, max: 1_000_000 },
  lowMax: { min: 1, max: 1_000_000 },
  overstockMin: { min: 2, max: 10_000_000 },
  leadTimeDays: DAYS,
  safetyStockDays: DAYS,
  targetCoverDays: { min: 1, max: DAYS.max },
  velocityWindowDays: { min: 1, max: 365 },
  minOrderUnits: SUPPLY_UNITS,
  packSize: SUPPLY_UNITS,
  sunsetWarningDays: { min: 1, max: 365 },
} as const satisfies Record<string, WholeRange>;

export type RangedSetting = keyof typeof SETTING_RANGES;

/** What is wrong with a number against its range, with the bound it breaks; null when it fits. */
export function rangeProblem(
  value: number,
  range: WholeRange,
): { reason: "too_small"; minimum: number } | { reason: "too_big"; maximum: number } | null {
  if (value < range.min) return { reason: "too_small", minimum: range.min };
  if (value > range.max) return { reason: "too_big", maximum: range.max };
  return null;
}

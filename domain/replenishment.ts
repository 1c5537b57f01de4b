// Replenishment arithmetic, with every number explained (a pure module: the dashboard imports it too;
// replenishment-sql.ts builds the reorder test for the database):
//   safety stock   = ⌈velocity × safety stock days⌉
//   reorder point  = ⌈velocity × lead time days⌉ + safety stock
//   target stock   = ⌈velocity × target cover days⌉ + safety stock
//   stock position = available + in transit
//   suggested qty  = target stock − stock position, when the position is at or below the reorder point
import { daysOfCover } from "./cover";

export { stockoutDate } from "./cover";

export interface ReplenishmentInputs {
  available: number;
  inTransit: number;
  /** Average units sold per day over the velocity window. */
  velocity: number;
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
}

/** The arithmetic alone; the dashboard's product page explains it in the reader's language. */
export interface ReorderNumbers {
  safetyStock: number;
  reorderPoint: number;
  targetStock: number;
  stockPosition: number;
  needsReorder: boolean;
  suggestedQuantity: number;
  /** available ÷ velocity, one decimal; null without sales. */
  daysOfCover: number | null;
  /** Days until the stock position falls to the reorder point (0 = order now); null without sales. */
  reorderInDays: number | null;
}

export interface Replenishment extends ReorderNumbers {
  explanation: string;
}

/** ⌈velocity × lead time⌉ + ⌈velocity × safety days⌉: at or below it (counting stock in transit), order now. */
export function reorderPoint(velocity: number, leadTimeDays: number, safetyStockDays: number): number {
  const v = Math.max(0, velocity);
  return Math.ceil(v * leadTimeDays) + Math.ceil(v * safetyStockDays);
}

/** The numbers the target-cover rule ties together (the organization's settings). */
export interface TargetCoverSettings {
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
  coverCeilingDays: number;
}

export type TargetCoverProblem = "target_cover_short" | "target_cover_over_ceiling";

/**
 * Settings under which an order makes sense: the target cover goes past lead time + safety days (within the lead
 * time a product at its reorder point is told "order 0", "covered, nothing to ship"; a little past it, the order
 * barely lifts the stock over the reorder point, which is reached again days later) and stays within the cover
 * ceiling (else every order is cut back to the ceiling, and what it brings is called overstock). Null when both hold.
 */
export function targetCoverProblem(settings: TargetCoverSettings): TargetCoverProblem | null {
  if (!(settings.targetCoverDays > settings.leadTimeDays + settings.safetyStockDays))
    return "target_cover_short";
  if (settings.targetCoverDays > settings.coverCeilingDays) return "target_cover_over_ceiling";
  return null;
}

/** "Order now": the product sells and its stock position (available + in transit) is at or below the reorder point. */
export function reorderDue(
  stock: { available: number; inTransit: number; velocity: number },
  settings: { leadTimeDays: number; safetyStockDays: number },
): boolean {
  return (
    stock.velocity > 0 &&
    stock.available + stock.inTransit <=
      reorderPoint(stock.velocity, settings.leadTimeDays, settings.safetyStockDays)
  );
}

export function reorderNumbers(inputs: ReplenishmentInputs): ReorderNumbers {
  const { available, inTransit, velocity, leadTimeDays, safetyStockDays, targetCoverDays } = inputs;
  const v = Math.max(0, velocity);
  const safetyStock = Math.ceil(v * safetyStockDays);
  const point = reorderPoint(v, leadTimeDays, safetyStockDays);
  const targetStock = Math.ceil(v * targetCoverDays) + safetyStock;
  const stockPosition = available + inTransit;
  const needsReorder = reorderDue({ available, inTransit, velocity: v }, { leadTimeDays, safetyStockDays });
  const suggestedQuantity = needsReorder ? Math.max(0, targetStock - stockPosition) : 0;
  const reorderInDays = v > 0 ? Math.max(0, Math.floor((stockPosition - point) / v)) : null;
  return {
    safetyStock,
    reorderPoint: point,
    targetStock,
    stockPosition,
    needsReorder,
    suggestedQuantity,
    daysOfCover: daysOfCover(available, v),
    reorderInDays,
  };
}

/** The numbers with their English explanation (the recommendations' answer, in this key order). */
export function replenish(inputs: ReplenishmentInputs): Replenishment {
  const { available, inTransit, velocity, leadTimeDays, safetyStockDays, targetCoverDays } = inputs;
  const numbers = reorderNumbers(inputs);
  const { safetyStock, reorderPoint, targetStock, stockPosition, needsReorder, suggestedQuantity } = numbers;
  const v = Math.max(0, velocity);
  const velocityText = `${round2(v)}/day`;
  const explanation =
    v === 0
      ? "No sales in the velocity window: nothing to reorder."
      : `Reorder point ${reorderPoint} = ${velocityText} × ${leadTimeDays} lead-time days + safety stock ${safetyStock} (${safetyStockDays} days). ` +
        `Stock position ${stockPosition} = ${available} available + ${inTransit} in transit. ` +
        (needsReorder
          ? `At or below the reorder point: order ${suggestedQuantity} to reach ${targetStock} = ${velocityText} × ${targetCoverDays} target days + safety stock.`
          : `Above the reorder point: reorder in about ${numbers.reorderInDays} days.`);
  return { ...numbers, explanation };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

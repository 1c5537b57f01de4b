// Replenishment arithmetic, with every number explained (a pure module: the dashboard imports it too):
//   safety stock   = ⌈velocity × safety stock days⌉
//   reorder point  = ⌈velocity × lead time days⌉ + safety stock
//   target stock   = ⌈velocity × target cover days⌉ + safety stock
//   stock position = available + in transit
//   suggested qty  = target stock − stock position, when the position is at or below the reorder point
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

const DAY_MS = 86_400_000;

export function reorderNumbers(inputs: ReplenishmentInputs): ReorderNumbers {
  const { available, inTransit, velocity, leadTimeDays, safetyStockDays, targetCoverDays } = inputs;
  const v = Math.max(0, velocity);
  const safetyStock = Math.ceil(v * safetyStockDays);
  const reorderPoint = Math.ceil(v * leadTimeDays) + safetyStock;
  const targetStock = Math.ceil(v * targetCoverDays) + safetyStock;
  const stockPosition = available + inTransit;
  const needsReorder = v > 0 && stockPosition <= reorderPoint;
  const suggestedQuantity = needsReorder ? Math.max(0, targetStock - stockPosition) : 0;
  const daysOfCover = v > 0 ? Math.round((available / v) * 10) / 10 : null;
  const reorderInDays = v > 0 ? Math.max(0, Math.floor((stockPosition - reorderPoint) / v)) : null;
  return {
    safetyStock,
    reorderPoint,
    targetStock,
    stockPosition,
    needsReorder,
    suggestedQuantity,
    daysOfCover,
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

/** The projected day stock runs out, from today (UTC date) and days of cover. */
export function stockoutDate(today: Date, daysOfCover: number | null): string | null {
  if (daysOfCover === null) return null;
  return new Date(today.getTime() + Math.floor(daysOfCover) * DAY_MS).toISOString().slice(0, 10);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

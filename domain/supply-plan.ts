// The supply plan for one product at one destination (a cluster, or a warehouse outside any cluster): how many
// units to ship, with every step of the arithmetic kept as numbers so the dashboard explains it line by line
// in the reader's language (pure; db/queries/supply-plan.ts feeds it, worker/routes/supply-plan.ts serves it):
//   shortfall  = target stock − stock position, when the position is at or below the reorder point
//                (replenishment.ts: the same "order now" as the recommendations; in transit counts)
//   min order  = at least the minimum order quantity
//   packs      = ⌈units ÷ pack size⌉, shipped as whole packs
//   cover cap  = ⌊velocity × cover ceiling days⌋: the position never goes above it, so the plan drops whole
//                packs until it fits, and ships nothing when what fits is below the minimum order
import { reorderNumbers } from "./replenishment";

export interface SupplyInputs {
  available: number;
  inTransit: number;
  /** Forecast units a day at the destination. */
  velocity: number;
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
  /** Never plan stock beyond this many days of cover (the organization's overstock ceiling). */
  coverCeilingDays: number;
  /** Smallest quantity worth shipping, units (1 = no minimum). */
  minOrderUnits: number;
  /** Units per pack: the quantity is a whole number of packs (1 = single units). */
  packSize: number;
}

/**
 * ship: units to send; covered: the position (with stock in transit) is above the reorder point;
 * no-demand: nothing sells here; capped: a shipment is due but the cover cap leaves no room for a minimum order.
 */
export type SupplyOutcome = "ship" | "covered" | "no-demand" | "capped";
export const SUPPLY_OUTCOMES = ["ship", "covered", "no-demand", "capped"] as const;

export interface SupplyNumbers {
  safetyStock: number;
  reorderPoint: number;
  targetStock: number;
  /** available + in transit */
  stockPosition: number;
  /** target stock − stock position when due, else 0. */
  shortfall: number;
  /** The shortfall raised to the minimum order (0 without a shortfall). */
  afterMinOrder: number;
  /** afterMinOrder rounded up to whole packs, before the cap. */
  roundedToPacks: number;
  /** ⌊velocity × cover ceiling⌋: the highest stock position the plan allows. */
  coverCapStock: number;
  /** coverCapStock − stock position, never below 0. */
  capRoom: number;
  /** True when the cap cut the rounded quantity. */
  capped: boolean;
  /** Units to ship: a whole number of packs, at least the minimum order, or 0. */
  quantity: number;
  packs: number;
  /** (stock position + quantity) ÷ velocity, one decimal; null without sales. */
  coverAfterDays: number | null;
  outcome: SupplyOutcome;
}

/** The velocity a plan works with: 0.001 a day, so the explanation's numbers reproduce the quantity exactly. */
export function planVelocity(velocity: number): number {
  return Math.max(0, Math.round(velocity * 1000) / 1000);
}

export function supplyLine(inputs: SupplyInputs): SupplyNumbers {
  const v = planVelocity(inputs.velocity);
  const minOrder = Math.max(1, Math.floor(inputs.minOrderUnits));
  const pack = Math.max(1, Math.floor(inputs.packSize));
  const reorder = reorderNumbers({ ...inputs, velocity: v });
  const shortfall = reorder.suggestedQuantity;
  const afterMinOrder = shortfall > 0 ? Math.max(shortfall, minOrder) : 0;
  const roundedToPacks = Math.ceil(afterMinOrder / pack) * pack;
  const coverCapStock = Math.floor(v * inputs.coverCeilingDays);
  const capRoom = Math.max(0, coverCapStock - reorder.stockPosition);
  const capped = roundedToPacks > capRoom;
  const fitting = capped ? Math.floor(capRoom / pack) * pack : roundedToPacks;
  const quantity = fitting >= minOrder ? fitting : 0;
  const outcome = outcomeOf(v, shortfall, quantity);
  return {
    safetyStock: reorder.safetyStock,
    reorderPoint: reorder.reorderPoint,
    targetStock: reorder.targetStock,
    stockPosition: reorder.stockPosition,
    shortfall,
    afterMinOrder,
    roundedToPacks,
    coverCapStock,
    capRoom,
    capped,
    quantity,
    packs: quantity / pack,
    coverAfterDays: v > 0 ? Math.round(((reorder.stockPosition + quantity) / v) * 10) / 10 : null,
    outcome,
  };
}

function outcomeOf(velocity: number, shortfall: number, quantity: number): SupplyOutcome {
  if (velocity === 0) return "no-demand";
  if (shortfall === 0) return "covered";
  return quantity > 0 ? "ship" : "capped";
}

/** The minimum order and pack size of a product: its own where set, the organization's otherwise. */
export function supplyUnits(
  product: { minOrderUnits: number | null; packSize: number | null },
  organization: { minOrderUnits: number; packSize: number },
): { minOrderUnits: number; packSize: number } {
  return {
    minOrderUnits: product.minOrderUnits ?? organization.minOrderUnits,
    packSize: product.packSize ?? organization.packSize,
  };
}

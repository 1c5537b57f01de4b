// One supply plan line as the API answers it: the stored inputs of a product × destination
// (db/queries/supply-plan.ts) through domain/supply-plan.ts' arithmetic, in ₽ at the product's unit price, with
// its English explanation.
import type { SupplyPlanRow } from "../../db/queries/supply-plan";
import { planVelocity, supplyLine, supplyUnits } from "../../domain/supply-plan";
import { explainSupply } from "../../domain/supply-plan-explanation";
import type { SupplyPlanSettings } from "../../domain/supply-plan-sql";
import type { SupplyPlanLine } from "./schemas/supply-plan";

export function planLine(row: SupplyPlanRow, org: SupplyPlanSettings): SupplyPlanLine {
  const inputs = {
    available: row.available,
    inTransit: row.in_transit,
    velocity: planVelocity(row.velocity),
    leadTimeDays: org.leadTimeDays,
    safetyStockDays: org.safetyStockDays,
    targetCoverDays: org.targetCoverDays,
    coverCeilingDays: org.coverCeilingDays,
    ...supplyUnits({ minOrderUnits: row.min_order_units, packSize: row.pack_size }, org),
  };
  const numbers = supplyLine(inputs);
  const unitPrice = Math.round(row.unit_price * 100) / 100;
  return {
    productId: row.product_id,
    article: row.article,
    name: row.name,
    marketplace: row.marketplace,
    destination: {
      kind: row.cluster === null ? "warehouse" : "cluster",
      name: row.destination,
      warehouseId: row.warehouse_id,
      warehouses: row.warehouses,
    },
    inputs,
    demandShare: Math.round(row.demand_share * 1000) / 1000,
    productVelocity: Math.round(row.product_velocity * 1000) / 1000,
    ...numbers,
    unitPrice,
    value: Math.round(numbers.quantity * unitPrice * 100) / 100,
    explanation: explainSupply(inputs, numbers, "en"),
  };
}

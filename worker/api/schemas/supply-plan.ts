// GET /api/supply-plan's answer and PUT /api/products/{id}/supply's body and answer. Pure schemas (zod only):
// the dashboard imports their types from here.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES } from "../../../db/schema/enums";
import { SUPPLY_OUTCOMES } from "../../../domain/supply-plan";

const Units = z.number().int();

export const SupplyPlanLineSchema = z
  .object({
    productId: Units,
    article: z.string(),
    name: z.string(),
    marketplace: z.enum(MARKETPLACES),
    destination: z.object({
      kind: z.enum(["cluster", "warehouse"]),
      name: z.string().openapi({ description: "The cluster, or the warehouse outside any cluster" }),
      warehouseId: Units.nullable().openapi({
        description: "The warehouse outside any cluster; null for a cluster",
      }),
      warehouses: z
        .array(z.string())
        .openapi({ description: "The warehouses whose stock and demand it sums" }),
    }),
    inputs: z.object({
      available: Units,
      inTransit: Units,
      velocity: z.number().openapi({ description: "Forecast units a day at the destination, to 0.001" }),
      leadTimeDays: Units,
      safetyStockDays: Units,
      targetCoverDays: Units,
      coverCeilingDays: Units,
      minOrderUnits: Units,
      packSize: Units,
    }),
    safetyStock: Units,
    reorderPoint: Units,
    targetStock: Units,
    stockPosition: Units,
    shortfall: Units,
    afterMinOrder: Units,
    roundedToPacks: Units,
    coverCapStock: Units,
    capRoom: Units,
    capped: z.boolean(),
    quantity: Units.openapi({ description: "Units to ship: whole packs, at least the minimum order, or 0" }),
    packs: Units,
    coverAfterDays: z.number().nullable(),
    outcome: z.enum(SUPPLY_OUTCOMES),
    unitPrice: z
      .number()
      .openapi({ description: "₽ a unit: the listings' price, or the average selling price" }),
    value: z.number().openapi({ description: "quantity × unit price, ₽" }),
    explanation: z.array(z.string()).openapi({ description: "The arithmetic, one English sentence a step" }),
  })
  .openapi("SupplyPlanLine");

export const SupplyPlanSchema = z
  .object({
    items: z.array(SupplyPlanLineSchema),
    totals: z.object({
      lines: Units,
      products: Units,
      destinations: Units,
      units: Units,
      value: z.number(),
    }),
  })
  .openapi("SupplyPlan");

export const ProductSupplySettingsSchema = z
  .object({
    productId: Units,
    minOrderUnits: Units.nullable().openapi({
      description: "The product's own; null uses the organization's",
    }),
    packSize: Units.nullable().openapi({ description: "The product's own; null uses the organization's" }),
  })
  .openapi("ProductSupplySettings");

export type SupplyPlanLine = z.infer<typeof SupplyPlanLineSchema>;
export type SupplyPlan = z.infer<typeof SupplyPlanSchema>;
export type ProductSupplySettings = z.infer<typeof ProductSupplySettingsSchema>;

// GET /api/supply-plan's answer and PUT /api/products/{id}/supply's body and answer. Pure schemas (zod only):
// the dashboard imports their types from here.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES } from "../../../db/schema/enums";
import { SUPPLY_OUTCOMES } from "../../../domain/supply-plan";
import { PageFields } from "./page";

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
    demandShare: z.number().openapi({
      description:
        "The destination's share of the product's recent demand (its warehouses' forecasts over all its destinations'), to 0.001: inputs.velocity = productVelocity × demandShare",
    }),
    productVelocity: z.number().openapi({
      description:
        "The product's forecast over all destinations, units a day (the Recommendations' velocity)",
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
    unitPrice: z.number().openapi({
      description:
        "₽ a unit: the product's one unit price (the listings' price, else the average selling price of the last 90 days' orders), as the Overview and the product page use",
    }),
    value: z.number().openapi({ description: "quantity × unit price, ₽" }),
    explanation: z.array(z.string()).openapi({ description: "The arithmetic, one English sentence a step" }),
  })
  .openapi("SupplyPlanLine");

const ReconciliationParts = {
  planUnits: Units,
  orderNowUnits: Units.openapi({
    description: "What Recommendations say to order now for these products (over all their warehouses)",
  }),
  planValue: z
    .number()
    .openapi({ description: "planUnits at the products' unit prices, ₽ (Σ the lines' value)" }),
  orderNowValue: z.number().openapi({
    description:
      "orderNowUnits at the products' unit prices, ₽ (the Overview's 'order today' ₽ over all marketplaces)",
  }),
  packsAndMinimum: Units.openapi({ description: "Units the minimum orders and whole packs add" }),
  coverCap: Units.openapi({ description: "Units the cover cap takes away (0 or negative)" }),
  destinations: Units.openapi({
    description:
      "Σ destinations' shortfalls − order now: a destination short while another holds stock above its reorder point (a shipment cannot move it), a destination due while the product is not, and per-destination rounding",
  }),
};

export const SupplyReconciliationSchema = z
  .object({
    ...ReconciliationParts,
    products: z
      .array(
        z.object({
          productId: Units,
          article: z.string(),
          ...ReconciliationParts,
          short: z.array(z.string()).openapi({ description: "Destinations with a shortfall" }),
          surplus: z
            .array(z.string())
            .openapi({ description: "Destinations holding stock above their reorder point" }),
        }),
      )
      .openapi({ description: "The products whose plan differs most from their order-now (up to 5)" }),
    explanation: z.string().openapi({ description: "The summary line, in English" }),
  })
  .nullable()
  .openapi("SupplyReconciliation", {
    description:
      "Why the plan's units differ from order-now: planUnits = orderNowUnits + packsAndMinimum + coverCap + destinations. Null when the scope is one cluster or warehouse. In a marketplace, order-now is over that marketplace's destinations and their share of the forecast",
  });

export const SupplyPlanSchema = z
  .object({
    items: z.array(SupplyPlanLineSchema).openapi({ description: "The page's lines" }),
    ...PageFields,
    total: Units.openapi({ description: "Lines over all pages" }),
    totals: z
      .object({
        lines: Units,
        products: Units,
        destinations: Units,
        units: Units,
        value: z.number(),
      })
      .openapi({
        description:
          "Over every line that ships, not only the page's; with all=true too, where `total` also counts the lines with nothing to ship",
      }),
    reconciliation: SupplyReconciliationSchema,
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
export type SupplyReconciliation = NonNullable<z.infer<typeof SupplyReconciliationSchema>>;
export type ProductSupplySettings = z.infer<typeof ProductSupplySettingsSchema>;

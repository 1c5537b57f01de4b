// GET /api/recommendations' answer. Pure schema (zod only): the dashboard imports its types from here.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES } from "../../../db/schema/enums";
import { ForecastSchema } from "./forecast";
import { PageFields } from "./page";

export const RecommendationSchema = z
  .object({
    productId: z.number().int(),
    article: z.string(),
    name: z.string(),
    warehouseId: z.number().int().nullable(),
    warehouse: z.string().nullable(),
    marketplace: z.enum(MARKETPLACES).nullable(),
    inputs: z.object({
      available: z.number().int(),
      inTransit: z.number().int(),
      velocity: z.number(),
      leadTimeDays: z.number().int(),
      safetyStockDays: z.number().int(),
      targetCoverDays: z.number().int(),
      velocityWindowDays: z.number().int(),
    }),
    safetyStock: z.number().int(),
    reorderPoint: z.number().int(),
    targetStock: z.number().int(),
    stockPosition: z.number().int(),
    needsReorder: z.boolean(),
    suggestedQuantity: z.number().int(),
    daysOfCover: z.number().nullable(),
    stockoutDate: z.string().nullable(),
    reorderInDays: z.number().int().nullable(),
    explanation: z.string(),
    forecast: ForecastSchema,
  })
  .openapi("Recommendation");

export const RecommendationsSchema = z
  .object({
    items: z.array(RecommendationSchema),
    ...PageFields,
  })
  .openapi("Recommendations");

export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Recommendations = z.infer<typeof RecommendationsSchema>;

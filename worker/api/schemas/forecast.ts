// The demand forecast and lost sales as the API shows them (recommendations, product detail). Pure schema.
import { z } from "@hono/zod-openapi";

export const ForecastSchema = z
  .object({
    model: z.enum(["ses", "tsb", "none"]),
    observedDays: z.number().int(),
    censoredDays: z.number().int(),
    windowDays: z.number().int(),
    explanation: z.string(),
  })
  .nullable()
  .openapi({
    description:
      "The demand forecast behind the velocity (days out of stock left out): exponential smoothing, TSB for intermittent demand; null when the velocity is a plain average from before forecasts",
  });

export const LostSalesSchema = z
  .object({
    periodDays: z.number().int(),
    unitPrice: z.number().openapi({ description: "Average selling price of the last 90 days' orders, ₽" }),
    units: z.number(),
    rub: z.number(),
    byWarehouse: z.array(
      z.object({
        warehouseId: z.number().int(),
        warehouse: z.string(),
        averageDailySales: z.number(),
        daysOutOfStock: z.number().int(),
        lostUnits: z.number(),
        rub: z.number(),
      }),
    ),
  })
  .openapi({
    description:
      "Lost sales Ozon's way over the last periodDays: average daily sales on the days in stock × days out of stock, per warehouse (units not rounded), at the average selling price",
  });

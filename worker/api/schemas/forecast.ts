// The demand forecast and lost sales as the API shows them (recommendations, product detail). Pure schema.
import { z } from "@hono/zod-openapi";
import { UNIT_PRICE_SOURCES } from "../../../domain/selling-price";

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
    observedDays: z.number().int().openapi({
      description:
        "Days of the period with stock history (stock snapshots start at the first sync): the days the estimate covers; 0 before any",
    }),
    unitPrice: z.number().openapi({
      description:
        "The product's one unit price, ₽ (as the Overview and the supply plan use): the listings' price, else the average selling price of the last 90 days' orders, else 0",
    }),
    priceSource: z.enum(UNIT_PRICE_SOURCES).openapi({ description: "Where unitPrice came from" }),
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
      "Lost sales Ozon's way over the last periodDays: average daily sales on the days in stock × days out of stock, per warehouse (units not rounded), at the product's unit price: our estimate by Ozon's method",
  });

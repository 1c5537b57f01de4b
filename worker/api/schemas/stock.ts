// A product's stock line as the dashboard and inventory list show it, and the answers built from it.
// Pure schemas (zod only): the dashboard and the CLI import their types from here.
import { z } from "@hono/zod-openapi";
import { STATUS_BASES, STOCK_STATUSES, type StockStatus } from "../../../db/schema/enums";
import { PageFields } from "./page";

export const StockLineSchema = z
  .object({
    productId: z.number().int(),
    article: z.string(),
    name: z.string(),
    category: z.string().nullable(),
    status: z.enum(STOCK_STATUSES),
    available: z.number().int(),
    reserved: z.number().int(),
    inTransit: z.number().int(),
    warehouseCount: z.number().int(),
    velocity: z.number().openapi({ description: "Average units sold per day over the velocity window" }),
    daysOfCover: z.number().nullable().openapi({ description: "available ÷ velocity; null without sales" }),
    stockoutDate: z.string().nullable().openapi({ description: "Projected day stock runs out (UTC date)" }),
  })
  .openapi("StockLine");

export type StockLine = z.infer<typeof StockLineSchema>;

const StatusCounts = z.object(
  Object.fromEntries(STOCK_STATUSES.map((s) => [s, z.number().int()])) as Record<StockStatus, z.ZodNumber>,
);

export const DashboardMoneySchema = z
  .object({
    orderToday: z
      .object({
        products: z
          .number()
          .int()
          .openapi({ description: "Products to order now: the Recommendations' list" }),
        units: z.number().int().openapi({ description: "Their suggested quantities, summed" }),
        rub: z.number().openapi({ description: "Those units at each product's unit price, ₽" }),
      })
      .openapi({
        description: "What to order today (domain/replenishment.ts), per product over all warehouses",
      }),
    lostSales: z
      .object({
        periodDays: z.number().int().openapi({
          description: "The last periodDays days up to yesterday, and today for a product with no stock now",
        }),
        observedDays: z.number().int().openapi({
          description:
            "Days of the period with stock history, today included: snapshots start at the first sync, so before periodDays have passed the estimate covers only these",
        }),
        units: z.number().openapi({ description: "Units lost, one decimal" }),
        rub: z.number().openapi({ description: "Units lost at each product's unit price, ₽" }),
      })
      .openapi({
        description:
          "Lost to stock-outs Ozon's way (domain/lost-sales.ts): per product, average daily sales on the days it had stock × the days it had none in any warehouse, less what still sold on them",
      }),
    stockRub: z.number().openapi({ description: "Available stock at each product's unit price, ₽" }),
    overstockRub: z.number().openapi({ description: "Available stock of overstocked products, ₽" }),
  })
  .openapi("DashboardMoney", {
    description:
      "Money at each product's one unit price, the one the product page and the supply plan use (stored by each run): the listings' price, else the average selling price of the last 90 days' orders (revenue ÷ units), else 0 ₽. Null when the scope names a warehouse, a category or a search: the money covers whole products, as Recommendations do.",
  });

export const DashboardSchema = z
  .object({
    thresholds: z
      .object({
        statusBasis: z.enum(STATUS_BASES),
        criticalMax: z.number().int(),
        lowMax: z.number().int(),
        overstockMin: z.number().int(),
        leadTimeDays: z.number().int(),
        safetyStockDays: z.number().int(),
        coverCeilingDays: z.number().int(),
      })
      .openapi({ description: "The status rule the counts were made with (domain/stock-status.ts)" }),
    dataVersion: z.number().int(),
    total: z.number().int(),
    counts: StatusCounts,
    items: z.object(
      Object.fromEntries(STOCK_STATUSES.map((s) => [s, z.array(StockLineSchema)])) as Record<
        StockStatus,
        z.ZodArray<typeof StockLineSchema>
      >,
    ),
    money: DashboardMoneySchema.nullable(),
  })
  .openapi("Dashboard");

export type Dashboard = z.infer<typeof DashboardSchema>;

export const InventoryPageSchema = z
  .object({
    items: z.array(StockLineSchema),
    ...PageFields,
  })
  .openapi("InventoryPage");

export type InventoryPage = z.infer<typeof InventoryPageSchema>;

// GET /api/products/{id}'s answer. Pure schema (zod only): the dashboard imports its type from here.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES, STOCK_CHANGE_TYPES, STOCK_STATUSES } from "../../../db/schema/enums";
import { ForecastSchema, LostSalesSchema } from "./forecast";

export const ProductDetailSchema = z
  .object({
    product: z.object({
      id: z.number().int(),
      article: z.string(),
      name: z.string(),
      brand: z.string().nullable(),
      category: z.string().nullable(),
    }),
    status: z.enum(STOCK_STATUSES),
    available: z.number().int(),
    velocity: z.number(),
    daysOfCover: z.number().nullable(),
    stockoutDate: z.string().nullable(),
    forecast: ForecastSchema,
    lostSales: LostSalesSchema,
    supply: z
      .object({
        minOrderUnits: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "The product's own minimum order; null: the organization's" }),
        packSize: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "The product's own pack size; null: the organization's" }),
        defaults: z.object({ minOrderUnits: z.number().int(), packSize: z.number().int() }).openapi({
          description: "The organization's, which the supply plan uses where the product has none",
        }),
      })
      .openapi({
        description: "The supply plan's minimum order and pack size (PUT /api/products/{id}/supply)",
      }),
    stock: z.array(
      z.object({
        warehouseId: z.number().int(),
        warehouse: z.string(),
        region: z.string().nullable(),
        marketplace: z.enum(MARKETPLACES),
        listingId: z.number().int(),
        available: z.number().int(),
        reserved: z.number().int(),
        inTransit: z.number().int(),
        qualityScore: z.number(),
        lastSyncedAt: z.string(),
      }),
    ),
    listings: z.array(z.record(z.string(), z.unknown())),
    stockHistory: z.array(
      z.object({ day: z.string(), available: z.number(), reserved: z.number(), inTransit: z.number() }),
    ),
    audit: z.array(
      z.object({
        changedAt: z.string(),
        warehouse: z.string().nullable(),
        changeType: z.enum(STOCK_CHANGE_TYPES),
        oldAvailable: z.number().nullable(),
        newAvailable: z.number(),
        runId: z.string().nullable(),
        userId: z.string().nullable(),
      }),
    ),
    salesHistory: z.array(
      z.object({
        day: z.string(),
        orders: z.number(),
        units: z.number(),
        revenue: z.number(),
        returns: z.number(),
      }),
    ),
    ozonTurnover: z
      .array(
        z.object({
          accountId: z.string(),
          sku: z.number().int(),
          turnoverGrade: z
            .string()
            .openapi({ description: "Ozon's grade of the turnover (GRADES_GREEN, …)" }),
          turnover: z.number().openapi({ description: "Actual turnover in days, as Ozon counts it" }),
          idcGrade: z.string().openapi({ description: "Ozon's grade of the days of cover" }),
          idc: z.number().openapi({ description: "Days the stock lasts at Ozon's average daily sales" }),
          ads: z.number().openapi({ description: "Average units sold a day, as Ozon counts them" }),
          currentStock: z.number().int(),
          fetchedAt: z.string(),
        }),
      )
      .openapi({
        description:
          "Ozon's own figures per Ozon SKU of the product (/v1/analytics/turnover/stocks, the last complete report of each account), to compare with the seller's cabinet beside our velocity and days of cover",
      }),
  })
  .openapi("ProductDetail");

export type ProductDetail = z.infer<typeof ProductDetailSchema>;

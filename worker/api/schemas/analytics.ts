// GET /api/analytics/*'s answers. Pure schemas (zod only): the dashboard imports their types from here.
import { z } from "@hono/zod-openapi";
import { PageFields } from "./page";

export const SalesTotalsSchema = z.object({
  revenue: z.number(),
  orders: z.number().int(),
  units: z.number().int(),
  returns: z.number().int(),
  cancellations: z.number().int(),
});
export const PeriodSchema = z.object({ from: z.string(), to: z.string() });

const Kpis = SalesTotalsSchema.extend({ averageOrderValue: z.number().nullable() });
export const KpiSchema = z
  .object({
    period: PeriodSchema,
    previousPeriod: PeriodSchema,
    current: Kpis,
    previous: Kpis,
    change: z
      .object({
        revenue: z.number().nullable(),
        orders: z.number().nullable(),
        units: z.number().nullable(),
        averageOrderValue: z.number().nullable(),
      })
      .openapi({
        description: "Relative change vs the previous period (0.1 = +10%); null when the previous is 0",
      }),
  })
  .openapi("AnalyticsKpis");

export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

export const SalesTrendSchema = z
  .object({
    period: PeriodSchema,
    grain: z.string(),
    points: z.array(SalesTotalsSchema.extend({ period: z.string() })),
  })
  .openapi("SalesTrend");

export const ProductRevenueSchema = SalesTotalsSchema.extend({
  productId: z.number().int(),
  article: z.string(),
  name: z.string(),
  category: z.string().nullable(),
});

export const TopProductsSchema = z
  .object({ period: PeriodSchema, items: z.array(ProductRevenueSchema) })
  .openapi("TopProducts");

export const CategorySalesSchema = z
  .object({
    period: PeriodSchema,
    items: z.array(SalesTotalsSchema.extend({ category: z.string().nullable(), products: z.number().int() })),
  })
  .openapi("CategorySales");

export const RegionSalesSchema = z
  .object({ period: PeriodSchema, items: z.array(SalesTotalsSchema.extend({ region: z.string() })) })
  .openapi("RegionSales");

export const AbcClassSchema = z.enum(["A", "B", "C"]);
const AbcClassTotalSchema = z.object({
  products: z.number().int(),
  revenue: z.number(),
  share: z.number().openapi({ description: "The class's share of all products' revenue (0.8 = 80%)" }),
});

export const AbcItemSchema = ProductRevenueSchema.extend({
  rank: z.number().int().openapi({ description: "Place by revenue among all products (1 = the most)" }),
  share: z.number(),
  cumulativeShare: z.number(),
  abcClass: AbcClassSchema,
});

export const AbcAnalysisSchema = z
  .object({
    period: PeriodSchema,
    totals: z
      .object({ A: z.number().int(), B: z.number().int(), C: z.number().int() })
      .openapi({ description: "Products per class, over every product of the period" }),
    classes: z
      .object({ A: AbcClassTotalSchema, B: AbcClassTotalSchema, C: AbcClassTotalSchema })
      .openapi({ description: "Each class over every product: products, revenue and share of revenue" }),
    revenue: z.number().openapi({ description: "Revenue of every product (negative counted as 0)" }),
    items: z.array(AbcItemSchema).openapi({ description: "One page of the products (of `class`), by rank" }),
    ...PageFields,
    total: z.number().int().openapi({ description: "Products of `class` (or all): what the pages hold" }),
  })
  .openapi("AbcAnalysis");

export const TurnoverSchema = z
  .object({
    period: PeriodSchema,
    items: z.array(
      z.object({
        productId: z.number().int(),
        article: z.string(),
        name: z.string(),
        unitsSold: z.number().int(),
        averageStock: z.number(),
        turnover: z.number().nullable().openapi({ description: "units sold ÷ average stock in the period" }),
        turnoverDays: z.number().nullable().openapi({ description: "average stock ÷ units sold per day" }),
        available: z.number().int(),
        velocity: z.number(),
        daysOfCover: z.number().nullable(),
        stockoutDate: z.string().nullable(),
      }),
    ),
  })
  .openapi("Turnover");

export type SalesTotals = z.infer<typeof SalesTotalsSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type Kpis = z.infer<typeof KpiSchema>;
/** The trend's grain is one of GRAINS (the query accepts no other). */
export type Trend = Omit<z.infer<typeof SalesTrendSchema>, "grain"> & { grain: Grain };
export type ProductRevenue = z.infer<typeof ProductRevenueSchema>;
export type TopProducts = z.infer<typeof TopProductsSchema>;
export type CategorySales = z.infer<typeof CategorySalesSchema>;
export type RegionSales = z.infer<typeof RegionSalesSchema>;
export type AbcAnalysis = z.infer<typeof AbcAnalysisSchema>;
export type AbcItem = z.infer<typeof AbcItemSchema>;
export type AbcClass = z.infer<typeof AbcClassSchema>;
export type Turnover = z.infer<typeof TurnoverSchema>;

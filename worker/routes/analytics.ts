// GET /api/analytics/*: KPIs beside the previous period, the sales trend, top products, categories,
// regions, ABC classes and turnover with days of cover. Periods default to the velocity window up to
// today in the organization's time zone; every answer is cached per org and data version.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { abcPage } from "../../db/queries/abc-analysis";
import {
  revenueByCategory,
  revenueByProduct,
  revenueByRegion,
  type SalesPeriod,
  type SalesTotals,
  salesTotalsOf,
  salesTrend,
  turnoverRows,
} from "../../db/queries/sales-analytics";
import { MARKETPLACES } from "../../db/schema/enums";
import { ABC_CLASSES, type AbcClass, abcShares } from "../../domain/abc";
import { daysOfCover as coverOf, stockoutDate } from "../../domain/cover";
import { IsoDate, PageQuery, wholeNumber } from "../api/common";
import { pageAnswer } from "../api/page-answer";
import { dayInTimeZone, type Period, periodLength, previousPeriod, resolvePeriod } from "../api/period";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import {
  AbcAnalysisSchema,
  CategorySalesSchema,
  GRAINS,
  KpiSchema,
  RegionSalesSchema,
  SalesTrendSchema,
  TopProductsSchema,
  TurnoverSchema,
} from "../api/schemas/analytics";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { cacheAside } from "../middleware/cache";

const PeriodQuery = z.strictObject({
  from: IsoDate.optional().openapi({
    description: "First day, YYYY-MM-DD (default: velocity window before `to`)",
  }),
  to: IsoDate.optional().openapi({
    description: "Last day, YYYY-MM-DD (default: today in the org's time zone)",
  }),
  marketplace: z.enum(MARKETPLACES).optional(),
});

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function kpis(totals: SalesTotals) {
  const revenue = round(Number(totals.revenue));
  return { ...totals, revenue, averageOrderValue: totals.orders > 0 ? round(revenue / totals.orders) : null };
}

function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return round((current - previous) / previous, 4);
}

function salesPeriod(c: Context<AppEnv>, query: z.infer<typeof PeriodQuery>): SalesPeriod & Period {
  const organization = c.get("organization");
  const period = resolvePeriod(
    query,
    dayInTimeZone(new Date(), organization.timeZone),
    organization.velocityWindowDays,
  );
  if (period.from > period.to)
    throw new ApiError("BAD_REQUEST", "from: must not be after to", {}, { reason: "after_to" });
  if (periodLength(period) > 731)
    throw new ApiError(
      "BAD_REQUEST",
      "from: a period spans at most 731 days",
      {},
      {
        reason: "period_too_long",
        params: { maximum: 731 },
      },
    );
  return { orgId: organization.id, marketplace: query.marketplace, ...period };
}

const TrendQuery = PeriodQuery.extend({ grain: z.enum(GRAINS).default("day") });
const TopQuery = PeriodQuery.extend({ limit: wholeNumber(1, 500).default(10) });
const AbcQuery = PeriodQuery.extend(PageQuery.shape).extend({
  class: z
    .enum(ABC_CLASSES as [AbcClass, ...AbcClass[]])
    .optional()
    .openapi({
      description: "Only the products of this class (the class totals still cover every product)",
    }),
});
const TurnoverQuery = PeriodQuery.extend({ limit: wholeNumber(1, 1000).default(50) });

const common = { tags: ["analytics"], security: AUTHENTICATED };
const cachedPeriod = [cacheAside({ query: PeriodQuery })];
const bad = errorResponses(400);

const kpiRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getKpis",
  path: "/api/analytics/kpis",
  summary: "Revenue, orders, units and average order value beside the previous period",
  middleware: cachedPeriod,
  request: { query: PeriodQuery },
  responses: { 200: jsonContent(KpiSchema, "KPIs"), ...bad },
});

const trendRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getSalesTrend",
  path: "/api/analytics/trend",
  summary: "Sales by day, week (ISO, Monday) or month",
  middleware: [cacheAside({ query: TrendQuery })],
  request: { query: TrendQuery },
  responses: {
    200: jsonContent(SalesTrendSchema, "Trend"),
    ...bad,
  },
});

const topRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getTopProducts",
  path: "/api/analytics/top-products",
  summary: "Products with the most revenue in the period",
  middleware: [cacheAside({ query: TopQuery })],
  request: { query: TopQuery },
  responses: {
    200: jsonContent(TopProductsSchema, "Top products"),
    ...bad,
  },
});

const categoriesRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getCategorySales",
  path: "/api/analytics/categories",
  summary: "Revenue per category",
  middleware: cachedPeriod,
  request: { query: PeriodQuery },
  responses: {
    200: jsonContent(CategorySalesSchema, "Categories"),
    ...bad,
  },
});

const regionsRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getRegionSales",
  path: "/api/analytics/regions",
  summary: "Revenue per region",
  middleware: cachedPeriod,
  request: { query: PeriodQuery },
  responses: {
    200: jsonContent(RegionSalesSchema, "Regions"),
    ...bad,
  },
});

const abcRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getAbcAnalysis",
  path: "/api/analytics/abc",
  summary:
    "ABC classes by revenue (A to 80%, B to 95%, C the rest): each class's totals and a page of products",
  middleware: [cacheAside({ query: AbcQuery })],
  request: { query: AbcQuery },
  responses: {
    200: jsonContent(AbcAnalysisSchema, "ABC classes"),
    ...bad,
  },
});

const turnoverRoute = createRoute({
  ...common,
  method: "get",
  operationId: "getTurnover",
  path: "/api/analytics/turnover",
  summary: "Turnover, days of cover and projected stock-out dates, soonest first",
  middleware: [cacheAside({ query: TurnoverQuery })],
  request: { query: TurnoverQuery },
  responses: {
    200: jsonContent(TurnoverSchema, "Turnover"),
    ...bad,
  },
});

const productLine = (row: Awaited<ReturnType<typeof revenueByProduct>>[number]) => ({
  productId: Number(row.product_id),
  article: row.article,
  name: row.name,
  category: row.category,
  revenue: round(Number(row.revenue)),
  orders: row.orders,
  units: row.units,
  returns: row.returns,
  cancellations: row.cancellations,
});

export function registerAnalytics(app: OpenAPIHono<AppEnv>): void {
  app.openapi(kpiRoute, async (c) => {
    const period = salesPeriod(c, c.req.valid("query"));
    const before = { ...period, ...previousPeriod(period) };
    const [current, previous] = await salesTotalsOf(c.var.db, [period, before]);
    if (!current || !previous) throw new Error("KPIs: a period's totals are missing");
    const now = kpis(current);
    const then = kpis(previous);
    return c.json(
      {
        period: { from: period.from, to: period.to },
        previousPeriod: { from: before.from, to: before.to },
        current: now,
        previous: then,
        change: {
          revenue: change(now.revenue, then.revenue),
          orders: change(now.orders, then.orders),
          units: change(now.units, then.units),
          averageOrderValue: change(now.averageOrderValue, then.averageOrderValue),
        },
      },
      200,
    );
  });

  app.openapi(trendRoute, async (c) => {
    const query = c.req.valid("query");
    const period = salesPeriod(c, query);
    const points = await salesTrend(c.var.db, period, query.grain);
    return c.json(
      {
        period: { from: period.from, to: period.to },
        grain: query.grain,
        points: points.map((p) => ({ ...p, revenue: round(Number(p.revenue)) })),
      },
      200,
    );
  });

  app.openapi(topRoute, async (c) => {
    const query = c.req.valid("query");
    const period = salesPeriod(c, query);
    const rows = await revenueByProduct(c.var.db, period, query.limit);
    return c.json({ period: { from: period.from, to: period.to }, items: rows.map(productLine) }, 200);
  });

  app.openapi(categoriesRoute, async (c) => {
    const period = salesPeriod(c, c.req.valid("query"));
    const rows = await revenueByCategory(c.var.db, period);
    return c.json(
      {
        period: { from: period.from, to: period.to },
        items: rows.map((r) => ({ ...r, revenue: round(Number(r.revenue)) })),
      },
      200,
    );
  });

  app.openapi(regionsRoute, async (c) => {
    const period = salesPeriod(c, c.req.valid("query"));
    const rows = await revenueByRegion(c.var.db, period);
    return c.json(
      {
        period: { from: period.from, to: period.to },
        items: rows.map((r) => ({ ...r, revenue: round(Number(r.revenue)) })),
      },
      200,
    );
  });

  app.openapi(abcRoute, async (c) => {
    const { class: abcClass, page, pageSize, ...query } = c.req.valid("query");
    const period = salesPeriod(c, query);
    const found = await abcPage(c.var.db, period, { abcClass, page, pageSize });
    const revenue = found.revenue;
    const classes = Object.fromEntries(
      ABC_CLASSES.map((name) => {
        const total = found.classes.find((k) => k.abc_class === name);
        const classRevenue = total?.revenue ?? 0;
        return [
          name,
          {
            products: total?.products ?? 0,
            revenue: round(classRevenue),
            share: revenue > 0 ? round(classRevenue / revenue, 4) : 0,
          },
        ];
      }),
    ) as Record<AbcClass, { products: number; revenue: number; share: number }>;
    const items = found.items.map((row) => ({
      ...productLine(row),
      rank: Number(row.position),
      ...abcShares(row.counted, row.through, row.total),
      abcClass: row.abc_class,
    }));
    return c.json(
      {
        period: { from: period.from, to: period.to },
        totals: { A: classes.A.products, B: classes.B.products, C: classes.C.products },
        classes,
        revenue: round(revenue),
        items,
        ...pageAnswer(page, pageSize, found.matching),
      },
      200,
    );
  });

  app.openapi(turnoverRoute, async (c) => {
    const query = c.req.valid("query");
    const period = salesPeriod(c, query);
    const days = periodLength(period);
    const rows = await turnoverRows(c.var.db, period, query.limit);
    const today = new Date();
    const items = rows.map((row) => {
      const units = Number(row.units);
      const velocity = Number(row.velocity);
      const averageStock = row.average_stock === null ? Number(row.available) : Number(row.average_stock);
      const daysOfCover = coverOf(Number(row.available), velocity);
      return {
        productId: Number(row.product_id),
        article: row.article,
        name: row.name,
        unitsSold: units,
        averageStock: round(averageStock),
        turnover: averageStock > 0 ? round(units / averageStock) : null,
        turnoverDays: units > 0 ? round(averageStock / (units / days), 1) : null,
        available: Number(row.available),
        velocity: round(velocity),
        daysOfCover,
        stockoutDate: stockoutDate(today, daysOfCover),
      };
    });
    return c.json({ period: { from: period.from, to: period.to }, items }, 200);
  });
}

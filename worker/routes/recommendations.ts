// GET /api/recommendations: what to reorder, per product or per product × warehouse, with the reorder
// point, suggested quantity, stock-out date and the inputs that produced them (velocity, lead time,
// safety stock, target cover), most urgent first; the velocity is the demand forecast, and `forecast` says
// which model made it and why. `search` keeps the products it finds, as the inventory's does.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  productRecommendationInputs,
  type RecommendationRow,
  recommendationLineCount,
  warehouseRecommendationInputs,
} from "../../db/queries/recommendations";
import { MARKETPLACES } from "../../db/schema/enums";
import { explainForecast, FORECAST_WINDOW_DAYS, type ForecastModel } from "../../domain/forecast";
import { replenish, stockoutDate } from "../../domain/replenishment";
import { Int4Id, PageQuery, searchText } from "../api/common";
import { pageAnswer } from "../api/page-answer";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { RecommendationsSchema } from "../api/schemas/recommendations";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { cacheAside } from "../middleware/cache";

const RecommendationQuery = PageQuery.extend({
  per: z.enum(["product", "warehouse"]).default("product"),
  marketplace: z.enum(MARKETPLACES).optional(),
  warehouseId: Int4Id().optional(),
  onlyReorder: z
    .enum(["true", "false"])
    .default("true")
    .openapi({ description: "false: every line, not only those to reorder" }),
  search: searchText(),
});

const route = createRoute({
  method: "get",
  operationId: "listRecommendations",
  path: "/api/recommendations",
  tags: ["recommendations"],
  summary: "Reorder point, suggested quantity and stock-out date per product or per warehouse",
  security: AUTHENTICATED,
  middleware: [cacheAside({ query: RecommendationQuery })],
  request: { query: RecommendationQuery },
  responses: {
    200: jsonContent(RecommendationsSchema, "Recommendations, most urgent first"),
    ...errorResponses(400),
  },
});

export function registerRecommendations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    if (query.per === "product" && query.warehouseId !== undefined) {
      throw new ApiError("BAD_REQUEST", "warehouseId: only with per=warehouse");
    }
    const org = c.get("organization");
    const settings = {
      leadTimeDays: org.leadTimeDays,
      safetyStockDays: org.safetyStockDays,
      targetCoverDays: org.targetCoverDays,
      velocityWindowDays: org.velocityWindowDays,
    };
    const input = {
      orgId: org.id,
      ...settings,
      marketplace: query.marketplace,
      warehouseId: query.warehouseId,
      search: query.search,
      onlyReorder: query.onlyReorder === "true",
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    };
    const rows =
      query.per === "product"
        ? await productRecommendationInputs(c.var.db, input)
        : await warehouseRecommendationInputs(c.var.db, input);
    const today = new Date();
    const items = rows.map((row) => {
      const inputs = {
        available: Number(row.available),
        inTransit: Number(row.in_transit),
        velocity: Number(row.velocity),
        ...settings,
      };
      const result = replenish(inputs);
      return {
        productId: Number(row.product_id),
        article: row.article,
        name: row.name,
        warehouseId: row.warehouse_id === null ? null : Number(row.warehouse_id),
        warehouse: row.warehouse,
        marketplace: row.marketplace,
        inputs: { ...inputs, velocity: Math.round(inputs.velocity * 1000) / 1000 },
        ...result,
        stockoutDate: stockoutDate(today, result.daysOfCover),
        forecast: forecastOf(row),
      };
    });
    // A page past the end has no row to carry the count: ask for it, so the total stays the list's.
    const total =
      rows[0] !== undefined
        ? Number(rows[0].total_count)
        : input.offset > 0
          ? await recommendationLineCount(c.var.db, input, query.per)
          : 0;
    return c.json({ items, ...pageAnswer(query.page, query.pageSize, total) }, 200);
  });
}

function forecastOf(row: RecommendationRow) {
  if (row.demand_model === null) return null;
  const model = row.demand_model as ForecastModel;
  const observedDays = Number(row.observed_days);
  const censoredDays = Number(row.censored_days);
  return {
    model,
    observedDays,
    censoredDays,
    windowDays: FORECAST_WINDOW_DAYS,
    explanation: explainForecast(model, observedDays, censoredDays),
  };
}

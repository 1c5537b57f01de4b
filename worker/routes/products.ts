// GET /api/products/{id}: one product with its stock per warehouse, its listings on both marketplaces,
// daily stock snapshots, recent stock changes (audit) and daily sales over `days` (default 90), the demand
// forecast behind its velocity, its lost sales per warehouse over the last 28 days (db/queries/lost-sales.ts), and
// its own minimum order and pack size for the supply plan beside the organization's.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { productDetail } from "../../db/queries/product-detail";
import { daysOfCover as coverOf, stockoutDate } from "../../domain/cover";
import { explainForecast, FORECAST_WINDOW_DAYS } from "../../domain/forecast";
import { stockStatus } from "../../domain/stock-status";
import { IntIdParam, wholeNumber } from "../api/common";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { ProductDetailSchema } from "../api/schemas/products";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { cacheAside } from "../middleware/cache";

const Iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const ProductQuery = z.strictObject({ days: wholeNumber(1, 730).default(90) });

const route = createRoute({
  method: "get",
  operationId: "getProduct",
  path: "/api/products/{id}",
  tags: ["inventory"],
  summary: "One product: stock per warehouse, listings, stock and sales history",
  security: AUTHENTICATED,
  middleware: [cacheAside({ params: IntIdParam, query: ProductQuery })],
  request: { params: IntIdParam, query: ProductQuery },
  responses: { 200: jsonContent(ProductDetailSchema, "The product"), ...errorResponses(400, 404) },
});

export function registerProducts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { days } = c.req.valid("query");
    const organization = c.get("organization");
    const detail = await productDetail(c.var.db, organization.id, id, days);
    if (!detail) throw new ApiError("NOT_FOUND", "id: no product with this id in your organization");
    const { forecast, lostSales: lost, supply } = detail;
    const available = detail.stock.reduce((sum, line) => sum + line.available, 0);
    const inTransit = detail.stock.reduce((sum, line) => sum + line.inTransit, 0);
    const velocity = detail.summary?.velocity ?? 0;
    const daysOfCover = coverOf(available, velocity);
    const status = stockStatus({ available, inTransit, velocity }, organization);
    return c.json(
      {
        product: { ...detail.product, id: Number(detail.product.id) },
        status,
        available,
        velocity: Math.round(velocity * 100) / 100,
        daysOfCover,
        stockoutDate: stockoutDate(new Date(), daysOfCover),
        forecast: forecast && {
          ...forecast,
          windowDays: FORECAST_WINDOW_DAYS,
          explanation: explainForecast(forecast.model, forecast.observedDays, forecast.censoredDays),
        },
        lostSales: lost,
        supply: {
          ...supply,
          defaults: { minOrderUnits: organization.minOrderUnits, packSize: organization.packSize },
        },
        stock: detail.stock.map((line) => ({
          ...line,
          listingId: Number(line.listingId),
          lastSyncedAt: Iso(line.lastSyncedAt) ?? "",
        })),
        listings: detail.listings.map((listing) => ({ ...listing, id: Number(listing.id) })),
        stockHistory: detail.stockHistory.map((day) => ({ ...day, day: String(day.day) })),
        audit: detail.audit.map((change) => ({ ...change, changedAt: Iso(change.changedAt) ?? "" })),
        ozonTurnover: detail.ozonTurnover.map((t) => ({ ...t, fetchedAt: Iso(t.fetchedAt) ?? "" })),
        salesHistory: detail.salesHistory.map((day) => ({
          ...day,
          day: String(day.day),
          revenue: Number(day.revenue),
        })),
      },
      200,
    );
  });
}

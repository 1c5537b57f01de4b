// GET /api/dashboard: product counts per stock status (critical / low / normal / overstock) with the
// organization's status rule (by cover or by units), and the Top-N (or all) products of each, in a scope and with filters;
// and the money (what to order today, ₽ lost to stock-outs, ₽ in stock) for all warehouses or one marketplace.
// A Top-N of all warehouses, one marketplace, one warehouse or one category is read as stored while current.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { dashboardData } from "../../db/queries/dashboard";
import { dashboardMoney } from "../../db/queries/dashboard-money";
import { storedDashboard } from "../../db/queries/dashboard-store";
import { STOCK_STATUSES, type StockStatus } from "../../db/schema/enums";
import { ScopeQuery, wholeNumber } from "../api/common";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { DashboardSchema, type StockLine } from "../api/schemas/stock";
import { toStockLine } from "../api/stock";
import type { AppEnv } from "../context";
import { cacheAside } from "../middleware/cache";

const DashboardQuery = ScopeQuery.extend({
  limit: wholeNumber(1, 1000).default(10).openapi({ description: "Top-N per status" }),
  all: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: every product of each status instead of the Top-N" }),
});

const route = createRoute({
  method: "get",
  operationId: "getDashboard",
  path: "/api/dashboard",
  tags: ["dashboard"],
  summary: "Counts and Top-N products per stock status, what to order today and ₽ lost to stock-outs",
  security: AUTHENTICATED,
  middleware: [cacheAside({ query: DashboardQuery })],
  request: { query: DashboardQuery },
  responses: { 200: jsonContent(DashboardSchema, "The dashboard"), ...errorResponses(400) },
});

export function registerDashboard(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { limit, all, ...filters } = c.req.valid("query");
    const organization = c.get("organization");
    // Money covers whole products (as Recommendations do): not narrowed to a warehouse, a category or a search.
    const wholeProducts =
      filters.warehouseId === undefined && filters.category === undefined && filters.search === undefined;
    const topN = all === "true" ? null : limit;
    // All warehouses, one marketplace, one warehouse or one category, a Top-N: the answer finalize or the last
    // settings change stored (dashboard-store.ts); otherwise, or when it is not the current one, computed here.
    const stored = topN !== null ? await storedDashboard(c.var.db, organization, filters, topN) : null;
    const [data, money] = stored
      ? [stored.data, stored.money]
      : await Promise.all([
          dashboardData(c.var.db, { orgId: organization.id, ...filters }, organization, topN),
          wholeProducts
            ? dashboardMoney(
                c.var.db,
                { orgId: organization.id, marketplace: filters.marketplace },
                organization,
              )
            : null,
        ]);
    const counts = data.counts;
    const today = new Date();
    const items = Object.fromEntries(
      STOCK_STATUSES.map((status) => [status, data.rows[status].map((row) => toStockLine(row, today))]),
    ) as Record<StockStatus, StockLine[]>;
    const {
      statusBasis,
      criticalMax,
      lowMax,
      overstockMin,
      leadTimeDays,
      safetyStockDays,
      coverCeilingDays,
    } = organization;
    const thresholds = {
      statusBasis,
      criticalMax,
      lowMax,
      overstockMin,
      leadTimeDays,
      safetyStockDays,
      coverCeilingDays,
    };
    const total = counts.critical + counts.low + counts.normal + counts.overstock;
    return c.json({ thresholds, dataVersion: organization.dataVersion, total, counts, items, money }, 200);
  });
}

// GET /api/inventory: per-product stock in a scope, filtered by status, sorted, paged; `format=csv`
// exports every matching row (up to 100,000) as a CSV file instead of a page of JSON, in `lang`'s dialect.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { INVENTORY_SORTS, inventoryList } from "../../db/queries/inventory-list";
import { STOCK_STATUSES } from "../../db/schema/enums";
import { PageQuery, ScopeQuery } from "../api/common";
import { CSV_DIALECTS, CSV_LANGUAGES, toCsv } from "../api/csv";
import { inventoryCsvColumns } from "../api/inventory-csv";
import { pageAnswer } from "../api/page-answer";
import { dayInTimeZone } from "../api/period";
import { AUTHENTICATED, errorResponses } from "../api/responses";
import { InventoryPageSchema } from "../api/schemas/stock";
import { toStockLine } from "../api/stock";
import type { AppEnv } from "../context";
import { cacheAside } from "../middleware/cache";

export const CSV_EXPORT_LIMIT = 100_000;

const InventoryQuery = ScopeQuery.merge(PageQuery).extend({
  status: z.enum(STOCK_STATUSES).optional(),
  sort: z.enum(INVENTORY_SORTS).default("available"),
  order: z.enum(["asc", "desc"]).default("asc"),
  format: z.enum(["json", "csv"]).default("json"),
  lang: z.enum(CSV_LANGUAGES).default("en").openapi({
    description:
      'Language of the CSV export: "ru" writes ";" separators, decimal commas, a UTF-8 BOM and Russian headers and statuses (for Excel); "en" writes "," and the machine headers.',
  }),
});

const route = createRoute({
  method: "get",
  operationId: "listInventory",
  path: "/api/inventory",
  tags: ["inventory"],
  summary: "Inventory per product: filter, sort, paginate, or export as CSV (format=csv)",
  security: AUTHENTICATED,
  middleware: [cacheAside({ query: InventoryQuery })],
  request: { query: InventoryQuery },
  responses: {
    200: {
      description: "A page of products, or the CSV file",
      content: { "application/json": { schema: InventoryPageSchema }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

export function registerInventory(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { page, pageSize, status, sort, order, format, lang, ...filters } = c.req.valid("query");
    const organization = c.get("organization");
    const csv = format === "csv";
    const result = await inventoryList(c.var.db, { orgId: organization.id, ...filters }, organization, {
      status,
      sort,
      order,
      offset: csv ? 0 : (page - 1) * pageSize,
      limit: csv ? CSV_EXPORT_LIMIT : pageSize,
    });
    const today = new Date();
    const items = result.rows.map((row) => toStockLine(row, today));
    if (csv) {
      c.header(
        "Content-Disposition",
        `attachment; filename="inventory-${dayInTimeZone(today, organization.timeZone)}.csv"`,
      );
      return c.body(toCsv(inventoryCsvColumns(lang), items, CSV_DIALECTS[lang]), 200, {
        "Content-Type": "text/csv; charset=utf-8",
      });
    }
    return c.json({ items, ...pageAnswer(page, pageSize, result.total) }, 200);
  });
}

// Warehouses: canonical warehouses with stock totals, aliases awaiting review, and mapping an alias to
// a canonical warehouse (operator). A mapping bumps the data version so cached answers refresh.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { bumpDataVersion } from "../../db/queries/organizations";
import { aliasesAwaitingReview, mapWarehouseAlias, warehousesWithTotals } from "../../db/queries/warehouses";
import { MARKETPLACES } from "../../db/schema/enums";
import { INT4_MAX, IntIdParam, NoQuery } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { MappedAliasSchema, WarehouseAliasSchema, WarehouseSchema } from "../api/schemas/warehouses";
import { principalCache } from "../auth/principal-cache";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { cacheAside } from "../middleware/cache";
import { requireRole } from "../middleware/require-role";

const WarehouseQuery = z.strictObject({ marketplace: z.enum(MARKETPLACES).optional() });

const listRoute = createRoute({
  method: "get",
  operationId: "listWarehouses",
  path: "/api/warehouses",
  tags: ["warehouses"],
  summary: "Canonical warehouses with stock totals",
  security: AUTHENTICATED,
  middleware: [cacheAside({ query: WarehouseQuery })],
  request: { query: WarehouseQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(WarehouseSchema) }), "Warehouses"),
    ...errorResponses(400),
  },
});

const aliasesRoute = createRoute({
  method: "get",
  operationId: "listWarehouseAliases",
  path: "/api/warehouses/aliases",
  tags: ["warehouses"],
  summary: "Warehouse names awaiting review (low confidence or provisional)",
  security: AUTHENTICATED,
  middleware: [cacheAside()],
  request: { query: NoQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(WarehouseAliasSchema) }), "Aliases, least confident first"),
    ...errorResponses(400),
  },
});

const mapRoute = createRoute({
  method: "put",
  operationId: "mapWarehouseAlias",
  path: "/api/warehouses/aliases/{id}",
  tags: ["warehouses"],
  summary: "Map an alias to a canonical warehouse of the same marketplace (operator)",
  security: AUTHENTICATED,
  middleware: [requireRole("operator")],
  "x-required-role": "operator",
  request: {
    params: IntIdParam,
    body: {
      content: {
        "application/json": { schema: z.object({ warehouseId: z.number().int().min(1).max(INT4_MAX) }) },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(MappedAliasSchema, "Mapped"),
    ...errorResponses(...BODY_ERRORS, 404),
  },
});

export function registerWarehouses(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const organization = c.get("organization");
    const rows = await warehousesWithTotals(
      c.var.db,
      organization.id,
      organization.dataVersion,
      c.req.valid("query").marketplace,
    );
    return c.json(
      {
        items: rows.map((row) => ({
          ...row,
          available: Number(row.available),
          reserved: Number(row.reserved),
          inTransit: Number(row.inTransit),
          products: Number(row.products),
        })),
      },
      200,
    );
  });

  app.openapi(aliasesRoute, async (c) => {
    const rows = await aliasesAwaitingReview(c.var.db, c.get("principal").orgId);
    return c.json(
      { items: rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() })) },
      200,
    );
  });

  app.openapi(mapRoute, async (c) => {
    const principal = c.get("principal");
    const { id } = c.req.valid("param");
    const { warehouseId } = c.req.valid("json");
    const row = await mapWarehouseAlias(c.var.db, principal.orgId, id, warehouseId, principal.userId);
    if (!row) {
      throw new ApiError(
        "NOT_FOUND",
        "warehouseId: no such alias, or no canonical warehouse of the alias's marketplace with this id, in your organization",
      );
    }
    const dataVersion = await bumpDataVersion(c.var.db, principal.orgId);
    if (dataVersion !== undefined) principalCache.advanceDataVersion(principal.orgId, dataVersion);
    return c.json(
      {
        id: Number(row.id),
        alias: row.alias,
        marketplace: row.marketplace,
        warehouseId: Number(row.warehouse_id),
        warehouse: row.warehouse,
        source: row.source,
        confidence: Number(row.confidence),
      },
      200,
    );
  });
}

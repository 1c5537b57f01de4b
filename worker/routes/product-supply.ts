// PUT /api/products/{id}/supply (operator): the product's own minimum order and pack size for the supply plan;
// null falls back to the organization's (PATCH /api/settings). A change bumps the data version, so the cached
// plan refreshes.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { setProductSupplySettings } from "../../db/queries/product-supply";
import { SETTING_RANGES } from "../../domain/setting-ranges";
import { IntIdParam } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { ProductSupplySettingsSchema } from "../api/schemas/supply-plan";
import { principalCache } from "../auth/principal-cache";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/require-role";

const { min, max } = SETTING_RANGES.packSize;
const Units = z.number().int().min(min).max(max).nullable();

const ProductSupplyChange = z
  .strictObject({
    minOrderUnits: Units.openapi({
      description: "Smallest quantity worth shipping; null: the organization's",
    }),
    packSize: Units.openapi({ description: "Units per pack; null: the organization's" }),
  })
  .openapi("ProductSupplyChange");

const route = createRoute({
  method: "put",
  operationId: "setProductSupply",
  path: "/api/products/{id}/supply",
  tags: ["supply"],
  summary: "Set a product's own minimum order and pack size for the supply plan (operator)",
  security: AUTHENTICATED,
  middleware: [requireRole("operator")],
  "x-required-role": "operator",
  request: {
    params: IntIdParam,
    body: { content: { "application/json": { schema: ProductSupplyChange } }, required: true },
  },
  responses: {
    200: jsonContent(ProductSupplySettingsSchema, "Stored"),
    ...errorResponses(...BODY_ERRORS, 404),
  },
});

export function registerProductSupply(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const principal = c.get("principal");
    const { id } = c.req.valid("param");
    const change = c.req.valid("json");
    const dataVersion = await setProductSupplySettings(
      c.var.db,
      principal.orgId,
      id,
      change,
      principal.userId,
      c.get("organization"),
    );
    if (dataVersion === undefined)
      throw new ApiError("NOT_FOUND", "id: no product with this id in your organization");
    principalCache.advanceDataVersion(principal.orgId, dataVersion);
    return c.json({ productId: id, ...change }, 200);
  });
}

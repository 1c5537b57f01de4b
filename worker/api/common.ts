// Query and path parameter schemas shared by several routes: scope filters, paging, ids, periods.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES } from "../../db/schema/enums";

export const ScopeQuery = z.object({
  marketplace: z.enum(MARKETPLACES).optional().openapi({ description: "Only this marketplace's stock" }),
  warehouseId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: "Only this warehouse's stock" }),
  category: z.string().trim().min(1).max(200).optional(),
  search: z.string().trim().min(1).max(200).optional().openapi({ description: "Matches article or name" }),
});

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const UuidParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const IntIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" } }),
});

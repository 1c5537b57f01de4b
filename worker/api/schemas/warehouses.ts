// The warehouse routes' answers. Pure schemas (zod only): the dashboard and the CLI import their types
// from here.
import { z } from "@hono/zod-openapi";
import { ALIAS_SOURCES, MARKETPLACES, WAREHOUSE_TYPES } from "../../../db/schema/enums";

export const WarehouseSchema = z
  .object({
    id: z.number().int(),
    marketplace: z.enum(MARKETPLACES),
    name: z.string(),
    cluster: z.string().nullable(),
    region: z.string().nullable(),
    type: z.enum(WAREHOUSE_TYPES),
    provisional: z.boolean(),
    available: z.number().int(),
    reserved: z.number().int(),
    inTransit: z.number().int(),
    products: z.number().int(),
  })
  .openapi("Warehouse");

export const WarehouseAliasSchema = z
  .object({
    id: z.number().int(),
    marketplace: z.enum(MARKETPLACES),
    alias: z.string(),
    warehouseId: z.number().int(),
    warehouse: z.string(),
    provisional: z.boolean(),
    confidence: z.number(),
    source: z.enum(ALIAS_SOURCES),
    createdAt: z.string(),
  })
  .openapi("WarehouseAlias");

/** PUT /api/warehouses/aliases/{id}'s answer. */
export const MappedAliasSchema = z.object({
  id: z.number().int(),
  alias: z.string(),
  marketplace: z.enum(MARKETPLACES),
  warehouseId: z.number().int(),
  warehouse: z.string(),
  source: z.string(),
  confidence: z.number(),
});

export type Warehouse = z.infer<typeof WarehouseSchema>;
export type WarehouseAlias = z.infer<typeof WarehouseAliasSchema>;
export type MappedAlias = z.infer<typeof MappedAliasSchema>;

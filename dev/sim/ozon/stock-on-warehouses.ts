// POST /v2/analytics/stock_on_warehouses: FBO stock per sku × warehouse, offset/limit paging.

import { z } from "zod";
import { listingName } from "../catalog.js";
import { malformRows } from "../malform.js";
import { offsetSlice, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { spellWarehouse } from "../warehouses.js";
import { ozonErrors } from "./errors.js";
import { ozonFboFeedCells } from "./feeds.js";

const requestSchema = z.object({
  limit: z.number().int().min(1).max(1000),
  offset: z.number().int().min(0).default(0),
  warehouse_type: z.enum(["ALL", "EXPRESS_DARK_STORE", "NOT_EXPRESS_DARK_STORE"]).default("ALL"),
});

export const SPELLING_SALT_V2 = 0x2a;

export function stockOnWarehouses(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { limit, offset, warehouse_type } = parsed.data;
  // None of the simulated warehouses is an express dark store.
  const cells = warehouse_type === "EXPRESS_DARK_STORE" ? [] : ozonFboFeedCells(call.state);
  let rows = offsetSlice(cells, offset, limit, call.faults.shiftBy).map((cell) => ({
    sku: cell.listing.sku,
    item_code: cell.listing.offerId,
    item_name: listingName(cell.listing),
    free_to_sell_amount: cell.available,
    promised_amount: cell.inTransit,
    reserved_amount: cell.reserved,
    warehouse_name: spellWarehouse(cell.warehouse, cell.id, SPELLING_SALT_V2),
  }));
  if (call.faults.malformed) rows = malformRows(rows, call.faults.malformed, call.faults.random);
  return jsonReply({ result: { rows } });
}

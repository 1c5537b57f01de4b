// POST /v2/analytics/stock_on_warehouses: FBO stock per sku × warehouse, offset/limit paging.

import { z } from "zod";
import { listingName, type OzonListing } from "../catalog.js";
import { malformRows } from "../malform.js";
import { pageStart, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { RenderedFeed } from "../rendered-feed.js";
import { jsonChunksReply, jsonReply, type Reply } from "../reply.js";
import type { SimState } from "../state.js";
import type { StockCell } from "../stock.js";
import { spellWarehouse } from "../warehouses.js";
import { ozonErrors } from "./errors.js";
import { ozonFboFeedCells } from "./feeds.js";

const requestSchema = z.object({
  limit: z.number().int().min(1).max(1000),
  offset: z.number().int().min(0).default(0),
  warehouse_type: z.enum(["ALL", "EXPRESS_DARK_STORE", "NOT_EXPRESS_DARK_STORE"]).default("ALL"),
});

export const SPELLING_SALT_V2 = 0x2a;

function v2Row(cell: StockCell<OzonListing>) {
  return {
    sku: cell.listing.sku,
    item_code: cell.listing.offerId,
    item_name: listingName(cell.listing),
    free_to_sell_amount: cell.available,
    promised_amount: cell.inTransit,
    reserved_amount: cell.reserved,
    warehouse_name: spellWarehouse(cell.warehouse, cell.id, SPELLING_SALT_V2),
  };
}

/** The feed's rows rendered once per world version (prepared as soon as the world changes). */
export function renderedStockOnWarehouses(state: SimState): RenderedFeed {
  return state.cached("ozon.stockOnWarehouses.rendered", () =>
    RenderedFeed.of(ozonFboFeedCells(state).map(v2Row)),
  );
}

export function stockOnWarehouses(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { limit, offset, warehouse_type } = parsed.data;
  // None of the simulated warehouses is an express dark store.
  if (warehouse_type === "EXPRESS_DARK_STORE") return jsonReply({ result: { rows: [] } });
  const start = pageStart(offset, call.faults.shiftBy);
  if (call.faults.malformed || call.faults.reorder) {
    const cells = ozonFboFeedCells(call.state);
    const listed = call.faults.reorder ? [...cells].reverse() : cells;
    const rows = listed.slice(start, start + limit).map(v2Row);
    const { malformed, random } = call.faults;
    return jsonReply({ result: { rows: malformed ? malformRows(rows, malformed, random) : rows } });
  }
  const feed = renderedStockOnWarehouses(call.state);
  return jsonChunksReply(feed.page(start, start + limit, '{"result":{"rows":', "}}"));
}

// The seller's own WB warehouses (marketplace host): GET /api/v3/warehouses lists them, POST
// /api/v3/stocks/{warehouseId} answers the stock of the sizes asked (chrtIds, at most 1,000).

import { z } from "zod";
import { zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { WB_SELLER_WAREHOUSES } from "../warehouses.js";

const requestSchema = z.object({ chrtIds: z.array(z.number().int()).max(1000) });

export function sellerWarehouses(_call: Call): Reply {
  return jsonReply(
    WB_SELLER_WAREHOUSES.map((w) => ({
      name: w.name,
      officeId: w.officeId,
      id: w.id,
      cargoType: 1,
      deliveryType: 1,
      isDeleting: false,
      isProcessing: false,
    })),
  );
}

/** chrtId → amount on each seller warehouse (by id). */
function stockByWarehouse(call: Call): Map<number, Map<number, number>> {
  return call.state.cached("wb.sellerStock", () => {
    const byWarehouse = new Map<number, Map<number, number>>();
    for (const cell of call.state.world.stock.wbSeller) {
      const amounts = byWarehouse.get(cell.warehouse.id) ?? new Map<number, number>();
      amounts.set(cell.listing.chrtId, cell.available);
      byWarehouse.set(cell.warehouse.id, amounts);
    }
    return byWarehouse;
  });
}

export function sellerStocks(call: Call): Reply {
  const warehouseId = Number(call.params.id);
  if (!WB_SELLER_WAREHOUSES.some((w) => w.id === warehouseId))
    return jsonReply({ code: "NotFound", message: `warehouse ${call.params.id} not found` }, 404);
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success)
    return jsonReply({ code: "IncorrectRequestBody", message: zodMessage(parsed.error) }, 400);
  const amounts = stockByWarehouse(call).get(warehouseId) ?? new Map<number, number>();
  const stocks = parsed.data.chrtIds.flatMap((chrtId) => {
    const amount = amounts.get(chrtId);
    return amount === undefined ? [] : [{ chrtId, amount }];
  });
  return jsonReply({ stocks });
}

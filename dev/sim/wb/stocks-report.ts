// POST /api/analytics/v1/stocks-report/wb-warehouses: stock per size × warehouse, offset/limit ending on a short page.

import { z } from "zod";
import { malformRows } from "../malform.js";
import { offsetSlice, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { inFeed } from "../stock.js";
import { spellWarehouse, WB_STOCKS_REPORT_WAREHOUSE } from "../warehouses.js";
import { wbErrors } from "./errors.js";

const requestSchema = z.object({
  nmIds: z.array(z.number().int()).default([]),
  chrtIds: z.array(z.number().int()).default([]),
  limit: z.number().int().min(1).max(250_000).default(250_000),
  offset: z.number().int().min(0).default(0),
});

const SALT_REPORT = 0x61;

interface ReportItem {
  nmId: number;
  chrtId: number;
  warehouseId: number;
  warehouseName: string;
  regionName: string;
  quantity: number;
  inWayToClient: number;
  inWayFromClient: number;
}

function reportItems(call: Call): ReportItem[] {
  const single = call.state.config.stocksReportSingleWarehouse;
  return call.state.cached(`wb.stocksReport:${single}`, () => {
    const cells = call.state.world.stock.wb.filter(inFeed);
    const items: ReportItem[] = [];
    const merged = new Map<number, ReportItem>();
    for (const cell of cells) {
      const item: ReportItem = {
        nmId: cell.listing.nmId,
        chrtId: cell.listing.chrtId,
        warehouseId: single ? WB_STOCKS_REPORT_WAREHOUSE.id : cell.warehouse.id,
        warehouseName: single
          ? WB_STOCKS_REPORT_WAREHOUSE.name
          : spellWarehouse(cell.warehouse, cell.id, SALT_REPORT),
        regionName: single ? "" : cell.warehouse.cluster,
        quantity: cell.available,
        inWayToClient: cell.reserved,
        inWayFromClient: cell.inTransit,
      };
      const existing = single ? merged.get(item.chrtId) : undefined;
      if (existing) {
        existing.quantity += item.quantity;
        existing.inWayToClient += item.inWayToClient;
        existing.inWayFromClient += item.inWayFromClient;
        continue;
      }
      if (single) merged.set(item.chrtId, item);
      items.push(item);
    }
    return items.sort((a, b) => a.nmId - b.nmId || a.chrtId - b.chrtId || a.warehouseId - b.warehouseId);
  });
}

export function stocksReport(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return wbErrors.badRequest("analytics", call.now, zodMessage(parsed.error));
  const { nmIds, chrtIds, limit, offset } = parsed.data;
  const nm = new Set(nmIds);
  const chrt = new Set(chrtIds);
  const all = reportItems(call).filter(
    (i) => (nm.size === 0 || nm.has(i.nmId)) && (chrt.size === 0 || chrt.has(i.chrtId)),
  );
  const listed = call.faults.reorder ? [...all].reverse() : all;
  let items = offsetSlice(listed, offset, limit, call.faults.shiftBy);
  if (call.faults.malformed) items = malformRows(items, call.faults.malformed, call.faults.random);
  return jsonReply({ data: { items } });
}

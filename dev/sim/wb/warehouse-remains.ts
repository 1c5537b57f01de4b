// The asynchronous warehouse-remains report: create a task, poll its status, download rows with pseudo-warehouses.

import { malformRows } from "../malform.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import type { RemainsTask } from "../state.js";
import { inFeed } from "../stock.js";
import { isCurrent } from "../vendor-mode.js";
import { spellWarehouse, WB_AGGREGATE_RF, WB_REMAINS_PSEUDO_ROWS } from "../warehouses.js";
import { wbErrors, wbProblem } from "./errors.js";

const SALT_REMAINS = 0x3d;

function flag(call: Call, name: string): boolean {
  const value = call.query.get(name);
  return value === "true" || value === "1";
}

export function remainsCreate(call: Call): Reply {
  const number = call.state.remainsTasks.size + 1;
  const hex = (number * 2654435761 + call.state.world.options.seed).toString(16).padStart(12, "0").slice(-12);
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(0, 3)}-a${hex.slice(3, 6)}-${hex}`;
  const task: RemainsTask = {
    id,
    createdAt: call.now,
    polls: 0,
    status: "new",
    groupByNm: flag(call, "groupByNm"),
    groupByBarcode: flag(call, "groupByBarcode"),
  };
  call.state.remainsTasks.set(id, task);
  return jsonReply({ data: { taskId: id } });
}

function findTask(call: Call): RemainsTask | Reply {
  const task = call.state.remainsTasks.get(call.params.id ?? "");
  return task ?? wbProblem(404, "not found", "task not found", "analytics", call.now);
}

export function remainsStatus(call: Call): Reply {
  const task = findTask(call);
  if (!("polls" in task)) return task;
  task.polls++;
  if (task.status === "new" || task.status === "processing") {
    task.status = task.polls > call.state.config.remainsPollsUntilDone ? "done" : "processing";
  }
  return jsonReply({ data: { id: task.id, status: task.status } });
}

export function remainsDownload(call: Call): Reply {
  const task = findTask(call);
  if (!("polls" in task)) return task;
  if (task.status !== "done") return wbErrors.badRequest("analytics", call.now, "task is not done yet");
  const aggregatedFrom = call.state.config.remainsAggregatedFrom;
  const aggregated = aggregatedFrom !== null && call.now >= Date.parse(aggregatedFrom);
  const [toClients, returns, total] = WB_REMAINS_PSEUDO_ROWS;
  let rows = call.state.world.catalog.wb.flatMap((listing) => {
    const cells = (call.state.world.stock.wbByListing[listing.index] ?? []).filter(inFeed);
    if (cells.length === 0) return [];
    const quantity = cells.reduce((s, c) => s + c.available, 0);
    const warehouses = aggregated
      ? [{ warehouseName: WB_AGGREGATE_RF, quantity }]
      : cells.map((c) => ({
          warehouseName: spellWarehouse(c.warehouse, c.id, SALT_REMAINS),
          quantity: c.available,
        }));
    warehouses.push(
      { warehouseName: toClients ?? "", quantity: cells.reduce((s, c) => s + c.reserved, 0) },
      { warehouseName: returns ?? "", quantity: cells.reduce((s, c) => s + c.inTransit, 0) },
      { warehouseName: total ?? "", quantity },
    );
    return [
      {
        brand: listing.product.brand,
        subjectName: listing.product.subject,
        vendorCode: listing.supplierArticle,
        nmId: listing.nmId,
        barcode: listing.barcode,
        techSize: listing.techSize,
        volume: listing.product.volumeLitres,
        warehouses,
      },
    ];
  });
  if (call.faults.malformed) rows = malformRows(rows, call.faults.malformed, call.faults.random);
  // A report without rows is answered 204 without a body, as the spec documents (current mode).
  if (rows.length === 0 && isCurrent(call.state)) return { status: 204 };
  return jsonReply(rows);
}

// POST /v2/warehouse/list: the seller's own (FBS) warehouses of the simulated world, each with its first-mile
// drop-off point (an Ozon warehouse of the same cluster, as listed by /v1/cluster/list); cursor + has_next paging.
import { z } from "zod";
import { decodeCursor, encodeCursor, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { OZON_WAREHOUSES } from "../warehouses.js";
import { ozonErrors } from "./errors.js";

const requestSchema = z.strictObject({
  limit: z.number().int().min(1).max(200),
  cursor: z.string().default(""),
  warehouse_ids: z.array(z.string().regex(/^\d+$/, "expected an integer as a string")).max(200).optional(),
});

/** The Ozon warehouse a seller warehouse hands its parcels to: the first FBO one of its cluster. */
export function dropoffPointOf(clusterId: number): number | undefined {
  return OZON_WAREHOUSES.find((w) => w.type === "fbo" && w.clusterId === clusterId)?.id;
}

export function warehouseList(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { limit, cursor, warehouse_ids } = parsed.data;
  const wanted = warehouse_ids ? new Set(warehouse_ids.map(Number)) : null;
  const own = OZON_WAREHOUSES.filter((w) => w.type === "fbs" && (!wanted || wanted.has(w.id)));
  let start = 0;
  if (cursor !== "") {
    const key = decodeCursor<{ next: number }>(cursor);
    if (!key || typeof key.next !== "number") return ozonErrors.badRequest("cursor: invalid value");
    start = key.next;
  }
  const hasNext = start + limit < own.length;
  const warehouses = own.slice(start, start + limit).map((w) => ({
    warehouse_id: w.id,
    name: w.name,
    is_rfbs: false,
    status: "created",
    warehouse_type: "FBS",
    first_mile: {
      dropoff_point_id: String(dropoffPointOf(w.clusterId) ?? ""),
      first_mile_is_changing: false,
      type: "DROP_OFF",
    },
  }));
  return jsonReply({
    cursor: hasNext ? encodeCursor({ next: start + limit }) : "",
    has_next: hasNext,
    warehouses,
  });
}

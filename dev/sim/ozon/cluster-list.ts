// POST /v1/cluster/list: the simulated world's Ozon clusters, each with its Ozon (FBO) warehouses in one
// logistic cluster. CIS clusters: none. No paging.
import { z } from "zod";
import { zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { OZON_WAREHOUSES, type Warehouse } from "../warehouses.js";
import { ozonErrors } from "./errors.js";

const requestSchema = z.strictObject({
  cluster_type: z.enum(["CLUSTER_TYPE_OZON", "CLUSTER_TYPE_CIS"]),
  cluster_ids: z.array(z.string().regex(/^\d+$/, "expected an integer as a string")).optional(),
});

export function clusterList(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { cluster_type, cluster_ids } = parsed.data;
  if (cluster_type === "CLUSTER_TYPE_CIS") return jsonReply({ clusters: [] });
  const wanted = cluster_ids ? new Set(cluster_ids.map(Number)) : null;
  const byCluster = new Map<number, Warehouse[]>();
  for (const w of OZON_WAREHOUSES) {
    if (w.type !== "fbo" || (wanted && !wanted.has(w.clusterId))) continue;
    byCluster.set(w.clusterId, [...(byCluster.get(w.clusterId) ?? []), w]);
  }
  const clusters = [...byCluster].map(([id, warehouses]) => ({
    id,
    name: warehouses[0]?.cluster ?? "",
    type: cluster_type,
    macrolocal_cluster_id: id,
    logistic_clusters: [
      { warehouses: warehouses.map((w) => ({ warehouse_id: w.id, name: w.name, type: "FULL_FILLMENT" })) },
    ],
  }));
  return jsonReply({ clusters });
}

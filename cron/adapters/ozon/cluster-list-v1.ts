// Ozon POST /v1/cluster/list: Ozon's clusters with the warehouses in each (FBO fulfilment centres, sorting and
// cross-dock points). Both v1 and v2 are current in the spec; v1 is used because it names the clusters the way
// the postings' `financial_data.cluster_to` does, while v2 lists macrolocal clusters. No paging (one answer per
// cluster type); no method-specific limit, so Ozon's account-wide budget applies.
import { z } from "zod";
import type { PageContext } from "../adapter";
import { issueReasons, lenientId, optionalText } from "../lenient";
import { ozonPost } from "./ozon-errors";

export const OZON_CLUSTER_LIST_V1_ID = "ozon.v1.cluster_list";
/** Russian clusters; CLUSTER_TYPE_CIS lists the other countries' ones. */
export const OZON_CLUSTER_TYPE = "CLUSTER_TYPE_OZON";

const ClusterWarehouse = z.object({
  warehouse_id: lenientId,
  name: z.string().trim().min(1, "name is empty"),
  type: optionalText,
});
const Cluster = z.object({
  id: lenientId,
  name: z.string().trim().min(1, "name is empty"),
  logistic_clusters: z
    .array(
      z.object({
        warehouses: z
          .array(z.unknown())
          .nullish()
          .transform((w) => w ?? []),
      }),
    )
    .nullish()
    .transform((l) => l ?? []),
});

const ENDPOINT = {
  id: OZON_CLUSTER_LIST_V1_ID,
  path: "/v1/cluster/list",
  envelope: z.object({ clusters: z.array(z.unknown()).nullable() }),
  expected: "clusters",
};

export interface OzonClusterWarehouse {
  id: number;
  name: string;
  /** FULL_FILLMENT, SORTING_CENTER, CROSS_DOCK, … as Ozon types it. */
  type: string;
}

export interface OzonCluster {
  id: number;
  name: string;
  warehouses: OzonClusterWarehouse[];
}

export async function fetchClusters(
  context: PageContext,
): Promise<{ clusters: OzonCluster[]; problems: string[] }> {
  const answer = await ozonPost(context, ENDPOINT, { cluster_type: OZON_CLUSTER_TYPE });
  const clusters: OzonCluster[] = [];
  const problems: string[] = [];
  for (const raw of answer.clusters ?? []) {
    const cluster = Cluster.safeParse(raw);
    if (!cluster.success) {
      problems.push(`cluster list row: ${issueReasons(cluster.error).join("; ")}`);
      continue;
    }
    const warehouses: OzonClusterWarehouse[] = [];
    for (const rawWarehouse of cluster.data.logistic_clusters.flatMap((l) => l.warehouses)) {
      const w = ClusterWarehouse.safeParse(rawWarehouse);
      if (w.success) warehouses.push({ id: w.data.warehouse_id, name: w.data.name, type: w.data.type });
      else problems.push(`cluster ${cluster.data.name} warehouse: ${issueReasons(w.error).join("; ")}`);
    }
    clusters.push({ id: cluster.data.id, name: cluster.data.name, warehouses });
  }
  return { clusters, problems };
}

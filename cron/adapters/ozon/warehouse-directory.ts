// The account's Ozon warehouse directory, read once at the start of a run: Ozon's clusters with their
// warehouses (/v1/cluster/list) and the seller's own FBS/rFBS warehouses (/v2/warehouse/list). Every warehouse
// gets its name and cluster; an FBS warehouse's cluster is that of the Ozon point it drops parcels off at (the
// warehouse list names no cluster; the drop-off point is one of the cluster list's warehouses), and it is
// also known under the alias feeds without a name use ("Ozon FBS <id>", see product-info-stocks-v4.ts).

import { matchWarehouse } from "../../warehouses/match-warehouse";
import { provisionalWarehouseName } from "../../warehouses/normalize-name";
import type { PageContext } from "../adapter";
import { fetchClusters, OZON_CLUSTER_LIST_V1_ID } from "./cluster-list-v1";
import { ozonFbsWarehouseAlias } from "./product-info-stocks-v4";
import { fetchSellerWarehouses, OZON_WAREHOUSE_LIST_V2_ID } from "./warehouse-list-v2";

/** The endpoints the directory reads (their sunset entries are in sunsets.ts). */
export const OZON_DIRECTORY_ENDPOINTS = [OZON_CLUSTER_LIST_V1_ID, OZON_WAREHOUSE_LIST_V2_ID] as const;

export interface DirectoryWarehouse {
  /** The name stored: the canonical one when the name is a known warehouse's, else the vendor's. */
  name: string;
  cluster: string | null;
  region: string | null;
  type: "fbo" | "fbs";
  /** The names feeds write for it (the vendor's own spelling, and "Ozon FBS <id>" for FBS). */
  aliases: string[];
}

export interface WarehouseDirectory {
  warehouses: DirectoryWarehouse[];
  problems: string[];
}

function entry(
  vendorName: string,
  cluster: string | null,
  type: "fbo" | "fbs",
  extraAliases: string[],
): DirectoryWarehouse {
  const match = matchWarehouse("ozon", vendorName);
  const known = match.kind === "matched" && match.confidence >= 0.9 ? match.warehouse : null;
  const name = known?.name ?? provisionalWarehouseName(vendorName);
  return {
    name,
    cluster: cluster ?? known?.cluster ?? null,
    region: known?.region ?? null,
    type,
    aliases: [...new Set([vendorName, name, ...extraAliases])],
  };
}

/** Reads both lists (cluster list first: the FBS warehouses' clusters come from it). */
export async function fetchWarehouseDirectory(context: PageContext): Promise<WarehouseDirectory> {
  const { clusters, problems } = await fetchClusters(context);
  const sellers = await fetchSellerWarehouses(context);
  const clusterOf = new Map<string, string>();
  const byName = new Map<string, DirectoryWarehouse>();
  for (const cluster of clusters) {
    for (const w of cluster.warehouses) {
      clusterOf.set(String(w.id), cluster.name);
      const found = entry(w.name, cluster.name, "fbo", []);
      byName.set(found.name, found);
    }
  }
  for (const w of sellers.warehouses) {
    const found = entry(w.name, clusterOf.get(w.dropoffPointId) ?? null, "fbs", [
      ozonFbsWarehouseAlias(w.id),
    ]);
    // A seller warehouse named like an Ozon one is still the seller's: its own entry wins.
    byName.set(found.name, found);
  }
  return { warehouses: [...byName.values()], problems: [...problems, ...sellers.problems] };
}

// Ozon POST /v2/warehouse/list: the seller's own (FBS/rFBS) warehouses with their names and first-mile drop-off
// point. The spec marks v2 current (v1 was switched off on 2026-04-07). Paging: `cursor` + `limit` ≤ 200 and the
// answer's `has_next`; a cursor that comes back empty or unchanged with has_next ends the walk (noted).
import { z } from "zod";
import type { PageContext } from "../adapter";
import { issueReasons, lenientId, optionalText } from "../lenient";
import { ozonPost } from "./ozon-errors";

export const OZON_WAREHOUSE_LIST_V2_ID = "ozon.v2.warehouse_list";
/** Warehouses per call: the spec's maximum. */
export const WAREHOUSE_LIST_LIMIT = 200;
/** A seller has a handful of warehouses: more pages than this means the cursor is not moving. */
const MAX_PAGES = 50;

const Warehouse = z.object({
  warehouse_id: lenientId,
  name: z.string().trim().min(1, "name is empty"),
  is_rfbs: z.boolean().nullish(),
  status: optionalText,
  first_mile: z
    .object({ dropoff_point_id: optionalText })
    .nullish()
    .transform((f) => f ?? { dropoff_point_id: "" }),
});

const ENDPOINT = {
  id: OZON_WAREHOUSE_LIST_V2_ID,
  path: "/v2/warehouse/list",
  envelope: z.object({
    cursor: optionalText,
    // The spec's type is boolean, yet its own example answers `"has_next": "string"`: any other value than a
    // boolean is read as the last page, and said so.
    has_next: z.union([z.boolean(), z.string()]).nullish(),
    // Present (null is read as empty): a moved wrapper must not read as a seller without warehouses.
    warehouses: z.array(z.unknown()).nullable(),
  }),
  expected: "warehouses",
};

export interface OzonSellerWarehouse {
  id: number;
  name: string;
  rfbs: boolean;
  /** The Ozon point the seller hands parcels to (an id from the cluster list, when it is an Ozon warehouse). */
  dropoffPointId: string;
}

export interface SellerWarehouseList {
  warehouses: OzonSellerWarehouse[];
  /** Rows that could not be read, with their reasons, and paging oddities. */
  problems: string[];
}

export async function fetchSellerWarehouses(context: PageContext): Promise<SellerWarehouseList> {
  const list: SellerWarehouseList = { warehouses: [], problems: [] };
  let cursor = "";
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await ozonPost(context, ENDPOINT, { limit: WAREHOUSE_LIST_LIMIT, cursor });
    for (const raw of answer.warehouses ?? []) {
      const row = Warehouse.safeParse(raw);
      if (!row.success) {
        list.problems.push(`warehouse list row: ${issueReasons(row.error).join("; ")}`);
        continue;
      }
      const w = row.data;
      list.warehouses.push({
        id: w.warehouse_id,
        name: w.name,
        rfbs: w.is_rfbs === true,
        dropoffPointId: w.first_mile.dropoff_point_id,
      });
    }
    if (typeof answer.has_next === "string")
      list.problems.push(
        `warehouse list: has_next was ${JSON.stringify(answer.has_next)}, read as the last page`,
      );
    if (answer.has_next !== true) return list;
    if (answer.cursor === "" || answer.cursor === cursor) {
      list.problems.push(
        `warehouse list: the cursor came back ${answer.cursor === "" ? "empty" : "unchanged"}`,
      );
      return list;
    }
    cursor = answer.cursor;
  }
  list.problems.push(`warehouse list: stopped after ${MAX_PAGES} pages`);
  return list;
}

// An account's endpoint config as it is saved: its shape, and every adapter id put through the adapter
// registries (cron/adapters), so a bad id is refused when saved instead of failing a sync mid-run.
import { z } from "@hono/zod-openapi";
import { SALES_ADAPTERS, SameOrdersError, salesAdapterList } from "../../../cron/adapters/sales-adapters";
import { STOCK_ADAPTERS, stockSources, UnknownAdapterError } from "../../../cron/adapters/stock-adapters";
import type { Marketplace } from "../../../db/schema/enums";
import { MARKETPLACES } from "../../../db/schema/enums";

const adapterIds = (description: string) =>
  z.array(z.string().trim().min(1)).max(20).optional().openapi({ description });

export const AccountEndpointsSchema = z
  .strictObject({
    stock: adapterIds("Stock adapter ids in order of preference; absent or empty = the marketplace default"),
    sales: adapterIds("Sales adapter ids in the order they run; absent = the default, [] = no sales sync"),
    rateScale: z.number().int().min(1).max(100_000).optional().openapi({ description: "Dev only" }),
    pageLimit: z.number().int().min(1).optional().openapi({ description: "Rows per page cap (tests)" }),
  })
  .openapi("AccountEndpoints");

/** One list of the config and the registry that rules on it. */
interface AdapterList {
  field: "stock" | "sales";
  label: string;
  registry: Record<string, { marketplace: Marketplace }>;
  /** The registry's own check of a list; throws UnknownAdapterError. */
  check: (marketplace: Marketplace, ids: readonly string[]) => unknown;
}

const ADAPTER_LISTS: readonly AdapterList[] = [
  { field: "stock", label: "stock adapter", registry: STOCK_ADAPTERS, check: stockSources },
  { field: "sales", label: "sales adapter", registry: SALES_ADAPTERS, check: salesAdapterList },
];

/** The registry's refusal of the ids, or null when it takes them. */
function refusal(
  list: AdapterList,
  marketplace: Marketplace,
  ids: readonly string[],
): UnknownAdapterError | null {
  try {
    list.check(marketplace, ids);
    return null;
  } catch (error) {
    if (error instanceof UnknownAdapterError) return error;
    throw error;
  }
}

function unknownId(list: AdapterList, marketplace: Marketplace, id: string): string {
  const known = Object.entries(list.registry)
    .filter(([, adapter]) => adapter.marketplace === marketplace)
    .map(([known]) => known);
  return `unknown ${list.label} "${id}"; known for ${marketplace}: ${known.join(", ")}`;
}

/** Each id alone (unknown, other marketplace), then the whole list (ids refused together). */
function checkList(
  list: AdapterList,
  marketplace: Marketplace,
  ids: readonly string[],
  ctx: z.RefinementCtx,
) {
  let clean = true;
  ids.forEach((id, index) => {
    const problem = refusal(list, marketplace, [id]);
    if (problem === null) return;
    clean = false;
    const message = Object.hasOwn(list.registry, id) ? problem.message : unknownId(list, marketplace, id);
    ctx.addIssue({ code: "custom", path: ["endpoints", list.field, index], message });
  });
  const together = clean ? refusal(list, marketplace, ids) : null;
  if (together === null) return;
  // Two feeds that count the same orders: a reason of its own, so the dashboard can say it in words.
  const params = together instanceof SameOrdersError ? { reason: "same_orders" } : undefined;
  ctx.addIssue({ code: "custom", path: ["endpoints", list.field], message: together.message, params });
}

/** A marketplace account's endpoint config, valid for that marketplace. */
export const AccountConfigSchema = z
  .object({ marketplace: z.enum(MARKETPLACES), endpoints: AccountEndpointsSchema })
  .superRefine(({ marketplace, endpoints }, ctx) => {
    for (const list of ADAPTER_LISTS) {
      const ids = endpoints[list.field];
      if (ids) checkList(list, marketplace, ids, ctx);
    }
  });

/** "endpoints.stock[1]: …", the way the API's error contract names a field (worker/app.ts). */
export function describeConfigIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.reduce<string>(
    (name, key) =>
      typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    "",
  );
  return `${field || "endpoints"}: ${issue.message}`;
}

// The Inventory page's filters, sort and page, and how they become the /api/inventory query (JSON page
// or CSV export). Pure, so that the mapping is unit-tested.
import { INVENTORY_SORTS, type InventorySort } from "../../../domain/inventory-sorts";
import { STOCK_STATUSES } from "../../../domain/stock-status";
import type { Marketplace, StockStatus } from "../api/types";

// The API's sort columns, from the domain module (the one list).
export { INVENTORY_SORTS, type InventorySort } from "../../../domain/inventory-sorts";

export interface InventoryFilters {
  search: string;
  marketplace: Marketplace | "";
  warehouseId: number | null;
  category: string;
  status: StockStatus | "";
  sort: InventorySort;
  order: "asc" | "desc";
  page: number;
}

export const DEFAULT_FILTERS: InventoryFilters = {
  search: "",
  marketplace: "",
  warehouseId: null,
  category: "",
  status: "",
  sort: "available",
  order: "asc",
  page: 1,
};

export const PAGE_SIZE = 50;

export function inventoryParams(filters: InventoryFilters): Record<string, string> {
  const params: Record<string, string> = {};
  const search = filters.search.trim();
  if (search) params.search = search.slice(0, 200);
  if (filters.marketplace) params.marketplace = filters.marketplace;
  if (filters.warehouseId !== null) params.warehouseId = String(filters.warehouseId);
  if (filters.category) params.category = filters.category;
  if (filters.status) params.status = filters.status;
  params.sort = filters.sort;
  params.order = filters.order;
  return params;
}

export function inventoryPagePath(filters: InventoryFilters): string {
  const params = new URLSearchParams({
    ...inventoryParams(filters),
    page: String(Math.max(1, filters.page)),
    pageSize: String(PAGE_SIZE),
  });
  return `/api/inventory?${params}`;
}

/** The export in the interface language (`lang`: Russian gets ";", decimal commas, a BOM, Russian headers). */
export function inventoryCsvPath(filters: InventoryFilters, lang: "ru" | "en" = "en"): string {
  return `/api/inventory?${new URLSearchParams({ ...inventoryParams(filters), format: "csv", lang })}`;
}

const MARKETPLACE_VALUES: readonly string[] = ["ozon", "wb"];

/** The filters that differ from the defaults, as the page's address carries them. */
export function inventoryQuery(filters: InventoryFilters): Record<string, string> {
  const params = inventoryParams(filters);
  // As typed (a trailing space included), so that the search box does not change under the cursor.
  if (params.search) params.search = filters.search.slice(0, 200);
  if (params.sort === DEFAULT_FILTERS.sort) delete params.sort;
  if (params.order === DEFAULT_FILTERS.order) delete params.order;
  if (filters.page > 1) params.page = String(filters.page);
  return params;
}

/** The filters an address carries; a value that is not one the page offers falls back to the default. */
export function filtersFromQuery(query: URLSearchParams): InventoryFilters {
  const whole = (text: string | null) => (text && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null);
  const marketplace = query.get("marketplace") ?? "";
  const status = query.get("status") ?? "";
  const sort = query.get("sort") ?? "";
  return {
    search: (query.get("search") ?? "").slice(0, 200),
    marketplace: MARKETPLACE_VALUES.includes(marketplace) ? (marketplace as Marketplace) : "",
    warehouseId: whole(query.get("warehouseId")),
    category: query.get("category") ?? "",
    status: (STOCK_STATUSES as readonly string[]).includes(status) ? (status as StockStatus) : "",
    sort: (INVENTORY_SORTS as readonly string[]).includes(sort)
      ? (sort as InventorySort)
      : DEFAULT_FILTERS.sort,
    order:
      query.get("order") === "desc" ? "desc" : query.get("order") === "asc" ? "asc" : DEFAULT_FILTERS.order,
    page: whole(query.get("page")) ?? 1,
  };
}

/**
 * The address's parameters the page could not read (unknown names, or values it does not offer), so it can say it
 * shows the default for them rather than silently dropping them.
 */
export function ignoredInQuery(query: URLSearchParams): string[] {
  const read = new URLSearchParams(inventoryQuery(filtersFromQuery(query)));
  const ignored = new Set<string>();
  for (const [name, value] of query) {
    if (name === "order" && value === DEFAULT_FILTERS.order) continue;
    if (name === "sort" && value === DEFAULT_FILTERS.sort) continue;
    if (name === "page" && value === "1") continue;
    if (read.get(name) !== value) ignored.add(name);
  }
  return [...ignored];
}

/** Changing anything but the page starts again from page 1. */
export function withFilter<K extends keyof InventoryFilters>(
  filters: InventoryFilters,
  name: K,
  value: InventoryFilters[K],
): InventoryFilters {
  return name === "page" ? { ...filters, page: value as number } : { ...filters, [name]: value, page: 1 };
}

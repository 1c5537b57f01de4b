// The Inventory list: filters as one signal, the page of products they select, and the options for
// the warehouse and category filters. Searching waits for a pause in typing.
import { computed, signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { CategorySales, InventoryPage, Warehouse } from "../api/types";
import { locale } from "../i18n/locale";
import { isoDay, lastDays } from "../lib/period";
import {
  DEFAULT_FILTERS,
  type InventoryFilters,
  inventoryCsvPath,
  inventoryPagePath,
  withFilter,
} from "./inventory-query";
import { createResource } from "./resource";
import { session } from "./session";

const SEARCH_PAUSE_MS = 300;

export function createInventoryModel() {
  const filters = signal<InventoryFilters>(DEFAULT_FILTERS);
  const list = createResource<InventoryPage>();
  const warehouses = createResource<{ items: Warehouse[] }>();
  const categories = createResource<CategorySales>();
  const csvPath = computed(() => inventoryCsvPath(filters.value, locale.value));
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  function load(): void {
    const path = inventoryPagePath(filters.value);
    const version = session.dataVersion.value;
    void list.ensure(`${path}#${version}`, (abort) => apiGet<InventoryPage>(path, abort));
    void warehouses.ensure(`wh#${version}`, (abort) =>
      apiGet<{ items: Warehouse[] }>("/api/warehouses", abort),
    );
    const categoryPath = apiPath("/api/analytics/categories", lastDays(isoDay(new Date()), 365));
    void categories.ensure(`${categoryPath}#${version}`, (abort) =>
      apiGet<CategorySales>(categoryPath, abort),
    );
  }

  function set<K extends keyof InventoryFilters>(name: K, value: InventoryFilters[K]): void {
    filters.value = withFilter(filters.value, name, value);
    clearTimeout(searchTimer);
    if (name === "search") searchTimer = setTimeout(load, SEARCH_PAUSE_MS);
    else load();
  }

  function reset(): void {
    filters.value = DEFAULT_FILTERS;
    load();
  }

  return { filters, list, warehouses, categories, csvPath, load, set, reset };
}

export const inventoryModel = createInventoryModel();

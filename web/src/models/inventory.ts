// The Inventory list: filters as one signal, the page of products they select, and the options for
// the warehouse and category filters. Searching waits for a pause in typing.
import { computed, signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { CategorySales, InventoryPage, Warehouse } from "../api/types";
import { locale } from "../i18n/locale";
import { isoDay, lastDays } from "../lib/period";
import { setQuery } from "../lib/router";
import {
  DEFAULT_FILTERS,
  filtersFromQuery,
  type InventoryFilters,
  ignoredInQuery,
  inventoryCsvPath,
  inventoryPagePath,
  inventoryQuery,
  withFilter,
} from "./inventory-query";
import { createResource } from "./resource";
import { session } from "./session";

const SEARCH_PAUSE_MS = 300;

export function createInventoryModel() {
  const filters = signal<InventoryFilters>(DEFAULT_FILTERS);
  /** The address's parameters the page could not read (said on the page, until a filter is changed). */
  const ignored = signal<string[]>([]);
  const list = createResource<InventoryPage>();
  const warehouses = createResource<{ items: Warehouse[] }>();
  const categories = createResource<CategorySales>();
  const csvPath = computed(() => inventoryCsvPath(filters.value, locale.value));
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // Another session starts from the default filters, with no search pending.
  session.onSessionEnd(() => {
    clearTimeout(searchTimer);
    filters.value = DEFAULT_FILTERS;
    ignored.value = [];
  });

  function load(): void {
    const path = inventoryPagePath(filters.value);
    const scope = session.dataScope.value;
    void list.ensure(`${path}#${scope}`, (abort) => apiGet<InventoryPage>(path, abort));
    void warehouses.ensure(`wh#${scope}`, (abort) =>
      apiGet<{ items: Warehouse[] }>("/api/warehouses", abort),
    );
    const categoryPath = apiPath("/api/analytics/categories", lastDays(isoDay(new Date()), 365));
    void categories.ensure(`${categoryPath}#${scope}`, (abort) => apiGet<CategorySales>(categoryPath, abort));
  }

  function set<K extends keyof InventoryFilters>(name: K, value: InventoryFilters[K]): void {
    ignored.value = [];
    filters.value = withFilter(filters.value, name, value);
    setQuery(inventoryQuery(filters.value), { replace: name === "search" });
    clearTimeout(searchTimer);
    if (name === "search") searchTimer = setTimeout(load, SEARCH_PAUSE_MS);
    else load();
  }

  function reset(): void {
    filters.value = DEFAULT_FILTERS;
    setQuery({});
    load();
  }

  /** Shows the filters of the address (opened, reloaded, or reached with Back); loads when they differ. */
  function fromUrl(search: string): void {
    ignored.value = ignoredInQuery(new URLSearchParams(search));
    const wanted = filtersFromQuery(new URLSearchParams(search));
    const same =
      new URLSearchParams(inventoryQuery(wanted)).toString() ===
      new URLSearchParams(inventoryQuery(filters.value)).toString();
    if (same) return;
    clearTimeout(searchTimer);
    filters.value = wanted;
    load();
  }

  return { filters, list, warehouses, categories, csvPath, ignored, load, set, reset, fromUrl };
}

export const inventoryModel = createInventoryModel();

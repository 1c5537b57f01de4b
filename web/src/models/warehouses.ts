// Canonical warehouses with stock totals, warehouse names awaiting review, and mapping a name to a
// canonical warehouse of the same marketplace (operator).
import { computed, signal } from "@preact/signals";
import { type ApiFailure, apiGet, apiRequest } from "../api/client";
import type { Warehouse, WarehouseAlias } from "../api/types";
import { createResource, toFailure } from "./resource";
import { session } from "./session";

export function createWarehousesModel() {
  const warehouses = createResource<{ items: Warehouse[] }>();
  const aliases = createResource<{ items: WarehouseAlias[] }>();
  const mapping = signal<number | null>(null);
  const mapError = signal<ApiFailure | null>(null);
  const lastMapped = signal<{ alias: string; warehouse: string } | null>(null);
  const totalUnits = computed(() => warehouses.data.value?.items.reduce((sum, w) => sum + w.available, 0));
  session.onSessionEnd(() => {
    mapError.value = null;
    lastMapped.value = null;
  });
  const canonical = computed(() => (warehouses.data.value?.items ?? []).filter((w) => !w.provisional));

  function loadWarehouses(): void {
    const scope = session.dataScope.value;
    void warehouses.ensure(`wh#${scope}`, (abort) =>
      apiGet<{ items: Warehouse[] }>("/api/warehouses", abort),
    );
  }

  function load(): void {
    const scope = session.dataScope.value;
    loadWarehouses();
    void aliases.ensure(`aliases#${scope}`, (abort) =>
      apiGet<{ items: WarehouseAlias[] }>("/api/warehouses/aliases", abort),
    );
  }

  async function mapAlias(aliasId: number, warehouseId: number): Promise<boolean> {
    mapping.value = aliasId;
    mapError.value = null;
    try {
      const row = await apiRequest<{ alias: string; warehouse: string }>(
        "PUT",
        `/api/warehouses/aliases/${aliasId}`,
        {
          body: { warehouseId },
        },
      );
      lastMapped.value = { alias: row.alias, warehouse: row.warehouse };
      // The mapping bumped the data version: take the alias off the list now, then reload everything.
      const current = aliases.data.value;
      if (current) aliases.data.value = { items: current.items.filter((a) => a.id !== aliasId) };
      await session.check();
      load();
      return true;
    } catch (error) {
      mapError.value = toFailure(error);
      return false;
    } finally {
      mapping.value = null;
    }
  }

  return {
    warehouses,
    aliases,
    mapping,
    mapError,
    lastMapped,
    totalUnits,
    canonical,
    load,
    loadWarehouses,
    mapAlias,
  };
}

export const warehousesModel = createWarehousesModel();

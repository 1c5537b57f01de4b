// The supply plan: what to ship to each cluster or warehouse (GET /api/supply-plan), filtered by marketplace
// and search, grouped by destination for the page; the export is the API's own CSV in the interface language.
import { computed, signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { Marketplace, SupplyPlan, SupplyPlanLine } from "../api/types";
import { locale } from "../i18n/locale";
import { createResource } from "./resource";
import { session } from "./session";

export interface SupplyDestination {
  key: string;
  marketplace: Marketplace;
  kind: "cluster" | "warehouse";
  name: string;
  warehouses: string[];
  lines: SupplyPlanLine[];
  units: number;
  value: number;
}

/** The lines by destination, in the API's order (marketplace, then destination). */
export function byDestination(lines: readonly SupplyPlanLine[]): SupplyDestination[] {
  const groups = new Map<string, SupplyDestination>();
  for (const line of lines) {
    const key = `${line.marketplace}:${line.destination.kind}:${line.destination.name}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        marketplace: line.marketplace,
        kind: line.destination.kind,
        name: line.destination.name,
        warehouses: line.destination.warehouses,
        lines: [],
        units: 0,
        value: 0,
      };
      groups.set(key, group);
    }
    group.lines.push(line);
    group.units += line.quantity;
    group.value = Math.round((group.value + line.value) * 100) / 100;
  }
  return [...groups.values()];
}

export function createSupplyPlanModel() {
  const marketplace = signal<Marketplace | "">("");
  const search = signal("");
  const all = signal(false);
  const plan = createResource<SupplyPlan>();
  const destinations = computed(() => byDestination(plan.data.value?.items ?? []));

  function query(): Record<string, string> {
    return { marketplace: marketplace.value, search: search.value.trim(), all: String(all.value) };
  }

  function load(): void {
    const path = apiPath("/api/supply-plan", query());
    void plan.ensure(`${path}#${session.dataVersion.value}`, (abort) => apiGet<SupplyPlan>(path, abort));
  }

  function set(change: { marketplace?: Marketplace | ""; search?: string; all?: boolean }): void {
    if (change.marketplace !== undefined) marketplace.value = change.marketplace;
    if (change.search !== undefined) search.value = change.search;
    if (change.all !== undefined) all.value = change.all;
    load();
  }

  /** The API's CSV of the lines shown, in the interface language (Russian: ";", BOM, decimal comma). */
  const exportHref = computed(() =>
    apiPath("/api/supply-plan", { ...query(), format: "csv", lang: locale.value }),
  );

  return { marketplace, search, all, plan, destinations, load, set, exportHref };
}

export const supplyPlanModel = createSupplyPlanModel();

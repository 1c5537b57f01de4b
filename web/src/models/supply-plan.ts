// The supply plan: what to ship to each cluster or warehouse (GET /api/supply-plan), filtered by marketplace
// and search, a page of lines at a time grouped by destination for the page; the export is the API's own CSV
// of every line, in the interface language.
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

/** Lines a page shows. */
export const SUPPLY_PAGE_SIZE = 50;

export function createSupplyPlanModel() {
  const marketplace = signal<Marketplace | "">("");
  const search = signal("");
  const all = signal(false);
  const page = signal(1);
  const plan = createResource<SupplyPlan>();
  const destinations = computed(() => byDestination(plan.data.value?.items ?? []));
  const pages = computed(() => Math.max(1, plan.data.value?.pages ?? 0));

  function query(): Record<string, string> {
    return { marketplace: marketplace.value, search: search.value.trim(), all: String(all.value) };
  }

  function load(): void {
    const path = apiPath("/api/supply-plan", {
      ...query(),
      page: String(page.value),
      pageSize: String(SUPPLY_PAGE_SIZE),
    });
    void plan.ensure(`${path}#${session.dataVersion.value}`, (abort) => apiGet<SupplyPlan>(path, abort));
  }

  /** A filter change starts again at the first page. */
  function set(change: {
    marketplace?: Marketplace | "";
    search?: string;
    all?: boolean;
    page?: number;
  }): void {
    if (change.marketplace !== undefined) marketplace.value = change.marketplace;
    if (change.search !== undefined) search.value = change.search;
    if (change.all !== undefined) all.value = change.all;
    page.value = change.page ?? 1;
    load();
  }

  /** The API's CSV of every line the filters keep, in the interface language (Russian: ";", BOM, decimal comma). */
  const exportHref = computed(() =>
    apiPath("/api/supply-plan", { ...query(), format: "csv", lang: locale.value }),
  );

  return { marketplace, search, all, page, pages, plan, destinations, load, set, exportHref };
}

export const supplyPlanModel = createSupplyPlanModel();

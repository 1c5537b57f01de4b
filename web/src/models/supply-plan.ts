// The supply plan: what to ship to each cluster or warehouse (GET /api/supply-plan), filtered by marketplace
// and search (read as typed, asked for after a pause in typing), a page of lines at a time grouped by destination
// for the page; the export is the API's own CSV of every line, in the interface language.
import { batch, computed, signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { Marketplace, SupplyPlan, SupplyPlanLine } from "../api/types";
import { locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";
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

/** The longest search the API takes (worker/api/common.ts searchText); the box stops there. */
export const SUPPLY_SEARCH_MAX = 200;

const SEARCH_PAUSE_MS = 300;

/**
 * A destination's subtotal sums the lines of the page shown: when the plan has more pages it says so, since the
 * destination's other lines may be on them (the plan's totals above cover every page).
 */
export function groupTotalsKey(pages: number): MessageKey {
  return pages > 1 ? "supply.groupTotalsPage" : "supply.groupTotals";
}

/**
 * Why a plan has no lines: nothing matches the search; the organization has no marketplace account yet (no
 * data); or every destination has enough stock. Null while the accounts are not known yet.
 */
export function emptyPlanKey(search: string, accounts: number | undefined): MessageKey | null {
  if (search.trim()) return "supply.noMatch";
  if (accounts === undefined) return null;
  return accounts === 0 ? "supply.noData" : "supply.empty";
}

export function createSupplyPlanModel() {
  const marketplace = signal<Marketplace | "">("");
  const search = signal("");
  const all = signal(false);
  const page = signal(1);
  const plan = createResource<SupplyPlan>();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const destinations = computed(() => byDestination(plan.data.value?.items ?? []));
  const pages = computed(() => Math.max(1, plan.data.value?.pages ?? 0));
  // Another session starts from the unfiltered first page.
  session.onSessionEnd(() => {
    clearTimeout(searchTimer);
    batch(() => {
      marketplace.value = "";
      search.value = "";
      all.value = false;
      page.value = 1;
    });
  });

  function query(): Record<string, string> {
    const text = search.value.trim().slice(0, SUPPLY_SEARCH_MAX);
    return { marketplace: marketplace.value, search: text, all: String(all.value) };
  }

  function load(): void {
    clearTimeout(searchTimer);
    const path = apiPath("/api/supply-plan", {
      ...query(),
      page: String(page.value),
      pageSize: String(SUPPLY_PAGE_SIZE),
    });
    void plan.ensure(`${path}#${session.dataScope.value}`, (abort) => apiGet<SupplyPlan>(path, abort));
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

  /** The search as typed: the box keeps it whatever loads meanwhile; the plan is asked for after a pause. */
  function type(text: string): void {
    search.value = text.slice(0, SUPPLY_SEARCH_MAX);
    page.value = 1;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(load, SEARCH_PAUSE_MS);
  }

  /** The API's CSV of every line the filters keep, in the interface language (Russian: ";", BOM, decimal comma). */
  const exportHref = computed(() =>
    apiPath("/api/supply-plan", { ...query(), format: "csv", lang: locale.value }),
  );

  return { marketplace, search, all, page, pages, plan, destinations, load, set, type, exportHref };
}

export const supplyPlanModel = createSupplyPlanModel();

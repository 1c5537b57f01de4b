// The Overview: stock status counts and Top-10 per category (or every product of one category), and
// revenue for the last 30 days beside the 30 before. Reloads when the data version changes.
import { signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { Dashboard, Kpis, StockLine, StockStatus } from "../api/types";
import { isoDay, lastDays } from "../lib/period";
import { createResource } from "./resource";
import { session } from "./session";

export const CATEGORIES: readonly StockStatus[] = ["critical", "low", "overstock"];

export function createOverviewModel() {
  const dashboard = createResource<Dashboard>();
  const everything = createResource<Dashboard>();
  const kpis = createResource<Kpis>();
  /** The category shown in full (virtualized), or null for Top-10 everywhere. */
  const expanded = signal<StockStatus | null>(null);
  session.onSessionEnd(() => {
    expanded.value = null;
  });

  function load(): void {
    const scope = session.dataScope.value;
    const top = apiPath("/api/dashboard", { limit: 10 });
    void dashboard.ensure(`${top}#${scope}`, (abort) => apiGet<Dashboard>(top, abort));
    const period = lastDays(isoDay(new Date()), 30);
    const kpiPath = apiPath("/api/analytics/kpis", period);
    void kpis.ensure(`${kpiPath}#${scope}`, (abort) => apiGet<Kpis>(kpiPath, abort));
    if (expanded.value) loadEverything();
  }

  function loadEverything(): void {
    const path = apiPath("/api/dashboard", { all: "true" });
    void everything.ensure(`${path}#${session.dataScope.value}`, (abort) => apiGet<Dashboard>(path, abort));
  }

  function toggle(status: StockStatus): void {
    expanded.value = expanded.value === status ? null : status;
    if (expanded.value) loadEverything();
  }

  /** The rows to show for a category: all of them when expanded and loaded, else the Top-10. */
  function rowsFor(status: StockStatus): StockLine[] | undefined {
    if (expanded.value === status && everything.data.value) return everything.data.value.items[status];
    return dashboard.data.value?.items[status];
  }

  return { dashboard, everything, kpis, expanded, load, toggle, rowsFor };
}

export const overviewModel = createOverviewModel();

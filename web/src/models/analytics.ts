// Analytics for the last 30 days: KPIs, the sales trend at a chosen grain, top products, categories,
// regions and ABC classes. Each part loads on its own so one slow query does not hold up the rest.
import { signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { AbcAnalysis, CategorySales, Grain, Kpis, RegionSales, TopProducts, Trend } from "../api/types";
import { isoDay, lastDays } from "../lib/period";
import { createResource } from "./resource";
import { session } from "./session";

/** How far back each grain looks, so a trend has a useful number of points. */
export const GRAIN_DAYS: Record<Grain, number> = { day: 30, week: 91, month: 365 };

export function createAnalyticsModel() {
  const grain = signal<Grain>("day");
  const kpis = createResource<Kpis>();
  const trend = createResource<Trend>();
  const top = createResource<TopProducts>();
  const categories = createResource<CategorySales>();
  const regions = createResource<RegionSales>();
  const abc = createResource<AbcAnalysis>();

  function get<T>(resource: ReturnType<typeof createResource<T>>, path: string): void {
    void resource.ensure(`${path}#${session.dataVersion.value}`, (abort) => apiGet<T>(path, abort));
  }

  function load(): void {
    const today = isoDay(new Date());
    const period = lastDays(today, 30);
    get(kpis, apiPath("/api/analytics/kpis", period));
    loadTrend();
    get(top, apiPath("/api/analytics/top-products", { ...period, limit: 10 }));
    get(categories, apiPath("/api/analytics/categories", period));
    get(regions, apiPath("/api/analytics/regions", period));
    get(abc, apiPath("/api/analytics/abc", period));
  }

  function loadTrend(): void {
    const period = lastDays(isoDay(new Date()), GRAIN_DAYS[grain.value]);
    get(trend, apiPath("/api/analytics/trend", { ...period, grain: grain.value }));
  }

  function setGrain(next: Grain): void {
    grain.value = next;
    loadTrend();
  }

  return { grain, kpis, trend, top, categories, regions, abc, load, setGrain };
}

export const analyticsModel = createAnalyticsModel();

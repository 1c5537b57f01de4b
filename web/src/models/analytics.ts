// Analytics for the last 30 days: KPIs, the sales trend at a chosen grain, top products, categories,
// regions and ABC classes. Each part loads on its own so one slow query does not hold up the rest.
import { batch, signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type {
  AbcAnalysis,
  AbcClass,
  CategorySales,
  Grain,
  Kpis,
  RegionSales,
  TopProducts,
  Trend,
} from "../api/types";
import { abcViewFromQuery, abcViewQuery, abcViewRefused } from "../lib/abc-query";
import {
  DEFAULT_PERIOD,
  type PeriodChoice,
  periodFromQuery,
  periodQuery,
  periodRange,
  periodRefused,
} from "../lib/analytics-period";
import { isoDay, lastDays } from "../lib/period";
import { setQuery } from "../lib/router";
import { createResource } from "./resource";
import { session } from "./session";

/** ABC products per page: the server answers each class's totals and one page of the ranked products. */
export const ABC_PAGE_SIZE = 15;

/** How far back each grain looks, so a trend has a useful number of points. */
export const GRAIN_DAYS: Record<Grain, number> = { day: 30, week: 91, month: 365 };

export function createAnalyticsModel() {
  const grain = signal<Grain>("day");
  const period = signal<PeriodChoice>(DEFAULT_PERIOD);
  const kpis = createResource<Kpis>();
  const trend = createResource<Trend>();
  const top = createResource<TopProducts>();
  const categories = createResource<CategorySales>();
  const regions = createResource<RegionSales>();
  const abc = createResource<AbcAnalysis>();
  /** The ABC list's class filter (null: every class) and page, as the address carries them (lib/abc-query.ts); a
   * new period starts at page 1 again. */
  const abcClass = signal<AbcClass | null>(null);
  const abcPage = signal(1);
  /** What of the address the page could not take (a period, an ABC class or page): the defaults show instead. */
  const addressRefused = signal({ period: false, abc: false });
  // Another session starts from the default period, grain and ABC view.
  session.onSessionEnd(() => {
    batch(() => {
      grain.value = "day";
      period.value = DEFAULT_PERIOD;
      abcClass.value = null;
      abcPage.value = 1;
      addressRefused.value = { period: false, abc: false };
    });
  });

  function get<T>(resource: ReturnType<typeof createResource<T>>, path: string): void {
    void resource.ensure(`${path}#${session.dataScope.value}`, (abort) => apiGet<T>(path, abort));
  }

  function load(): void {
    const days = periodRange(period.value, isoDay(new Date()));
    get(kpis, apiPath("/api/analytics/kpis", days));
    loadTrend();
    get(top, apiPath("/api/analytics/top-products", { ...days, limit: 10 }));
    get(categories, apiPath("/api/analytics/categories", days));
    get(regions, apiPath("/api/analytics/regions", days));
    loadAbc();
  }

  function loadAbc(): void {
    const days = periodRange(period.value, isoDay(new Date()));
    const query = { ...days, page: abcPage.value, pageSize: ABC_PAGE_SIZE };
    get(abc, apiPath("/api/analytics/abc", abcClass.value ? { ...query, class: abcClass.value } : query));
  }

  /** Another page of the ABC list, or another class (from its first page); the address keeps it. */
  function setAbc(next: { page?: number; abcClass?: AbcClass | null }): void {
    if (next.abcClass !== undefined) {
      abcClass.value = next.abcClass;
      abcPage.value = 1;
    }
    if (next.page !== undefined) abcPage.value = next.page;
    setQuery(addressQuery());
    loadAbc();
  }

  /** The address for what is shown: the period and the ABC list's class and page. */
  function addressQuery(): Record<string, string> {
    return {
      ...periodQuery(period.value),
      ...abcViewQuery({ abcClass: abcClass.value, page: abcPage.value }),
    };
  }

  /** The trend over the chosen period, or longer when the grain needs more points (weeks, months). */
  function loadTrend(): void {
    const days = periodRange(period.value, isoDay(new Date()));
    const least = lastDays(days.to, GRAIN_DAYS[grain.value]);
    const from = least.from < days.from ? least.from : days.from;
    get(trend, apiPath("/api/analytics/trend", { from, to: days.to, grain: grain.value }));
  }

  /** Shows another period (the ABC list from its first page) and puts it in the address (Back returns). */
  function setPeriod(next: PeriodChoice): void {
    period.value = next;
    abcPage.value = 1;
    setQuery(addressQuery());
    load();
  }

  /** Shows the period and ABC view of the address (opened, reloaded, or reached with Back); loads what differs. */
  function fromUrl(search: string): void {
    const query = new URLSearchParams(search);
    const today = isoDay(new Date());
    const wanted = periodFromQuery(query, today);
    const view = abcViewFromQuery(query);
    addressRefused.value = { period: periodRefused(query, today), abc: abcViewRefused(query) };
    const samePeriod = JSON.stringify(wanted) === JSON.stringify(period.value);
    const sameView = view.abcClass === abcClass.value && view.page === abcPage.value;
    period.value = wanted;
    abcClass.value = view.abcClass;
    abcPage.value = view.page;
    if (!samePeriod) load();
    else if (!sameView) loadAbc();
  }

  function setGrain(next: Grain): void {
    grain.value = next;
    loadTrend();
  }

  return {
    grain,
    period,
    kpis,
    trend,
    top,
    categories,
    regions,
    abc,
    abcClass,
    abcPage,
    addressRefused,
    load,
    setAbc,
    setGrain,
    setPeriod,
    fromUrl,
  };
}

export const analyticsModel = createAnalyticsModel();

// What `npm run bench:api` measures: every read route of the OpenAPI document with its common filters
// (one marketplace, one warehouse, a cluster, a category, a search, a 90-day period, week and month grain, the
// CSV exports), each beside its naive baseline (test/bench/api-naive.ts) where the route computes something from
// the facts. test/unit/api/bench-coverage.test.ts fails when a GET of the document has no variant here.
import { type NaiveContext, naive } from "./api-naive";

export interface BenchVariant {
  /** The entry's key in bench-results/api.json: route, then the variant. */
  name: string;
  path: string;
  /** False for routes answered without the cache (their every request reads the database). */
  cached: boolean;
  naive?: (context: NaiveContext) => string;
  /** The health route answers 503 when a check fails (no KV quota, a stuck run), and is timed all the same. */
  anyStatus?: boolean;
  /**
   * Answered from what only a run's finalize stores (one warehouse's Overview): before each miss, the stored answers
   * are written as finalize writes them after the settings change that moved the version, i.e. a sync ran since.
   */
  storedByFinalize?: boolean;
}

export interface RouteContext extends NaiveContext {
  /** The last day of every period, and the first of the 90-day one. */
  today: string;
  from90: string;
  /** An Ozon cluster of the seeded warehouses. */
  cluster: string;
  /** The WB account, and its newest run. */
  accountId: string;
  runId: string;
}

export function benchVariants(c: RouteContext): BenchVariant[] {
  const period90 = `from=${c.from90}&to=${c.today}`;
  const scopes: Array<[string, string, Parameters<typeof naive.stock>[1]]> = [
    ["all", "", {}],
    ["marketplace", "marketplace=wb", { marketplace: "wb" }],
    ["warehouse", `warehouseId=${c.warehouseId}`, { warehouseId: c.warehouseId }],
    ["category", "category=Category%203", { category: "Category 3" }],
    ["search", "search=Product%20123", { search: "Product 123" }],
  ];
  const variants: BenchVariant[] = [];
  for (const [label, query, scope] of scopes) {
    variants.push({
      name: `dashboard/${label}`,
      path: `/api/dashboard${query ? `?${query}` : ""}`,
      cached: true,
      naive: (n) => naive.dashboard(n, scope),
      storedByFinalize: label === "warehouse",
    });
  }
  for (const [label, query, scope] of scopes) {
    variants.push({
      name: `inventory/${label}`,
      path: `/api/inventory?sort=available&pageSize=50${query ? `&${query}` : ""}`,
      cached: true,
      naive: (n) => naive.inventory(n, scope),
    });
  }
  variants.push(
    {
      name: "inventory/critical",
      path: "/api/inventory?status=critical&sort=daysOfCover",
      cached: true,
      naive: (n) => naive.inventory(n, {}, "critical"),
    },
    {
      // The export: every product of the scope, not a page.
      name: "inventory/csv",
      path: "/api/inventory?format=csv&lang=ru",
      cached: true,
      naive: (n) => naive.inventory(n, {}, undefined, null),
    },
  );
  variants.push(
    {
      name: "recommendations/product",
      path: "/api/recommendations",
      cached: true,
      naive: (n) => naive.recommendations(n, {}),
    },
    {
      name: "recommendations/product-marketplace",
      path: "/api/recommendations?marketplace=ozon",
      cached: true,
      naive: (n) => naive.recommendations(n, { marketplace: "ozon" }),
    },
    {
      name: "recommendations/warehouse",
      path: "/api/recommendations?per=warehouse",
      cached: true,
      naive: (n) => naive.warehouseRecommendations(n, {}),
    },
    {
      name: "recommendations/warehouse-one",
      path: `/api/recommendations?per=warehouse&warehouseId=${c.warehouseId}`,
      cached: true,
      naive: (n) => naive.warehouseRecommendations(n, { warehouseId: c.warehouseId }),
    },
    {
      name: "recommendations/product-search",
      path: "/api/recommendations?search=Product%20123",
      cached: true,
      naive: (n) => naive.recommendations(n, { search: "Product 123" }),
    },
    {
      name: "recommendations/warehouse-search",
      path: "/api/recommendations?per=warehouse&search=Product%20123",
      cached: true,
      naive: (n) => naive.warehouseRecommendations(n, { search: "Product 123" }),
    },
  );
  // Analytics: the default period (the velocity window up to today), one marketplace, 90 days.
  const periods: Array<[string, string, { from?: string; marketplace?: "ozon" | "wb" }]> = [
    ["default", "", {}],
    ["marketplace", "marketplace=ozon", { marketplace: "ozon" }],
    ["90d", period90, { from: c.from90 }],
  ];
  const analytics: Array<
    [string, string, (n: NaiveContext, p: { from?: string; marketplace?: "ozon" | "wb" }) => string]
  > = [
    ["kpis", "/api/analytics/kpis", naive.kpis],
    ["top-products", "/api/analytics/top-products", naive.topProducts],
    ["categories", "/api/analytics/categories", naive.categories],
    ["regions", "/api/analytics/regions", naive.regions],
    ["abc", "/api/analytics/abc", naive.abc],
    ["turnover", "/api/analytics/turnover", naive.turnover],
  ];
  for (const [route, path, baseline] of analytics) {
    for (const [label, query, period] of periods) {
      variants.push({
        name: `analytics-${route}/${label}`,
        path: `${path}${query ? `?${query}` : ""}`,
        cached: true,
        naive: (n) => baseline(n, period),
      });
    }
  }
  for (const [label, query, period] of [
    ["day", "grain=day", {}],
    ["day-marketplace", "grain=day&marketplace=ozon", { marketplace: "ozon" as const }],
    ["week-90d", `grain=week&${period90}`, { from: c.from90, grain: "week" as const }],
    ["month-90d", `grain=month&${period90}`, { from: c.from90, grain: "month" as const }],
  ] as const) {
    variants.push({
      name: `analytics-trend/${label}`,
      path: `/api/analytics/trend?${query}`,
      cached: true,
      naive: (n) => naive.trend(n, period),
    });
  }
  variants.push(
    {
      name: "product/detail",
      path: `/api/products/${c.productId}`,
      cached: true,
      naive: (n) => naive.product(n),
    },
    ...supplyPlanVariants(c),
    { name: "warehouses/list", path: "/api/warehouses", cached: true, naive: (n) => naive.warehouses(n) },
    { name: "warehouses/aliases", path: "/api/warehouses/aliases", cached: false },
    { name: "accounts/list", path: "/api/accounts", cached: false },
    { name: "accounts/detail", path: `/api/accounts/${c.accountId}`, cached: false },
    { name: "accounts/progress", path: `/api/accounts/${c.accountId}/progress`, cached: false },
    { name: "marketplace-adapters/list", path: "/api/marketplace-adapters", cached: false },
    { name: "runs/list", path: "/api/runs", cached: false },
    { name: "runs/list-failed", path: `/api/runs?status=failed&accountId=${c.accountId}`, cached: false },
    { name: "runs/detail", path: `/api/runs/${c.runId}`, cached: false },
    { name: "alerts/log", path: "/api/alerts/log", cached: false },
    { name: "alerts/log-failed", path: "/api/alerts/log?status=failed", cached: false },
    { name: "alerts/log-rule", path: "/api/alerts/log?rule=run_failed", cached: false },
    { name: "alerts/settings", path: "/api/alerts/settings", cached: false },
    { name: "alerts/channels", path: "/api/alerts/channels", cached: false },
    { name: "settings/read", path: "/api/settings", cached: false },
    { name: "users/list", path: "/api/users", cached: false },
    { name: "api-keys/list", path: "/api/api-keys", cached: false },
    { name: "auth/me", path: "/api/auth/me", cached: false },
    { name: "health/read", path: "/api/health", cached: false, anyStatus: true },
  );
  return variants;
}

/** The supply plan: the lines to ship, one marketplace, one cluster, a warehouse outside any, a search, every line
 * (all=true), and the Russian CSV export of every line to ship (streamed, never cached: a miss every time). */
function supplyPlanVariants(c: RouteContext): BenchVariant[] {
  const scopes: Array<[string, string, Parameters<typeof naive.supplyPlan>[1]]> = [
    ["default", "", {}],
    ["marketplace", "marketplace=ozon", { marketplace: "ozon" }],
    ["cluster", `cluster=${encodeURIComponent(c.cluster)}`, { cluster: c.cluster }],
    ["warehouse", `warehouseId=${c.warehouseId}`, { warehouseId: c.warehouseId }],
    ["search", "search=Product%20123", { search: "Product 123" }],
    ["all", "all=true", { all: true }],
    ["csv", "format=csv&lang=ru", { csv: true }],
  ];
  return scopes.map(([label, query, scope]) => ({
    name: `supply-plan/${label}`,
    path: `/api/supply-plan${query ? `?${query}` : ""}`,
    cached: label !== "csv",
    naive: (n: NaiveContext) => naive.supplyPlan(n, scope),
  }));
}

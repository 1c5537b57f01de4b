// The simulated vendor endpoints: ids used by faults, limits, stats and config, with their paths and documented limits.

import type { LimitSpec } from "./rate-limit.js";

export const ENDPOINT_IDS = [
  "ozon.stock_on_warehouses",
  "ozon.analytics_stocks",
  "ozon.product_list",
  "ozon.product_info_stocks",
  "ozon.analytics_data",
  "ozon.posting_fbo_list",
  "ozon.posting_fbs_list",
  "ozon.stocks_by_warehouse_fbs",
  "ozon.warehouse_list",
  "ozon.cluster_list",
  "ozon.turnover_stocks",
  "wb.stocks",
  "wb.orders",
  "wb.sales",
  "wb.stocks_report",
  "wb.remains_create",
  "wb.remains_status",
  "wb.remains_download",
  "wb.cards_list",
  "wb.seller_warehouses",
  "wb.seller_stocks",
] as const;

/** WB token categories, one per API host the simulator serves. */
export const WB_CATEGORIES = ["statistics", "analytics", "content", "marketplace"] as const;
export type WbCategory = (typeof WB_CATEGORIES)[number];

export type EndpointId = (typeof ENDPOINT_IDS)[number];

export interface EndpointInfo {
  vendor: "ozon" | "wb";
  method: "GET" | "POST";
  /** Path on the simulator (vendor prefix included); `:id` marks a path parameter. */
  path: string;
  /** WB token category the endpoint needs. */
  category?: WbCategory;
  /** Documented per-method limit (Ozon's 50 rps per Client-Id applies on top to every Ozon method). */
  limit: LimitSpec | null;
}

const perMinute = (requests: number, burst = 1): LimitSpec => ({ requests, periodSeconds: 60, burst });

export const ENDPOINTS: Record<EndpointId, EndpointInfo> = {
  "ozon.stock_on_warehouses": {
    vendor: "ozon",
    method: "POST",
    path: "/ozon/v2/analytics/stock_on_warehouses",
    limit: null,
  },
  "ozon.analytics_stocks": { vendor: "ozon", method: "POST", path: "/ozon/v1/analytics/stocks", limit: null },
  "ozon.product_list": { vendor: "ozon", method: "POST", path: "/ozon/v3/product/list", limit: null },
  "ozon.product_info_stocks": {
    vendor: "ozon",
    method: "POST",
    path: "/ozon/v4/product/info/stocks",
    limit: null,
  },
  "ozon.analytics_data": {
    vendor: "ozon",
    method: "POST",
    path: "/ozon/v1/analytics/data",
    limit: perMinute(1),
  },
  "ozon.posting_fbo_list": { vendor: "ozon", method: "POST", path: "/ozon/v3/posting/fbo/list", limit: null },
  "ozon.posting_fbs_list": { vendor: "ozon", method: "POST", path: "/ozon/v4/posting/fbs/list", limit: null },
  "ozon.stocks_by_warehouse_fbs": {
    vendor: "ozon",
    method: "POST",
    path: "/ozon/v2/product/info/stocks-by-warehouse/fbs",
    limit: null,
  },
  "ozon.warehouse_list": { vendor: "ozon", method: "POST", path: "/ozon/v2/warehouse/list", limit: null },
  "ozon.cluster_list": { vendor: "ozon", method: "POST", path: "/ozon/v1/cluster/list", limit: null },
  // Ozon: 1 request a minute per Client-Id.
  "ozon.turnover_stocks": {
    vendor: "ozon",
    method: "POST",
    path: "/ozon/v1/analytics/turnover/stocks",
    limit: perMinute(1),
  },
  "wb.stocks": {
    vendor: "wb",
    method: "GET",
    path: "/wb/statistics/api/v1/supplier/stocks",
    category: "statistics",
    limit: perMinute(1),
  },
  "wb.orders": {
    vendor: "wb",
    method: "GET",
    path: "/wb/statistics/api/v1/supplier/orders",
    category: "statistics",
    // WB: personal, service and base-with-secret tokens 1 a minute with a burst of 10.
    limit: perMinute(1, 10),
  },
  "wb.sales": {
    vendor: "wb",
    method: "GET",
    path: "/wb/statistics/api/v1/supplier/sales",
    category: "statistics",
    limit: perMinute(1),
  },
  "wb.stocks_report": {
    vendor: "wb",
    method: "POST",
    path: "/wb/seller-analytics/api/analytics/v1/stocks-report/wb-warehouses",
    category: "analytics",
    limit: perMinute(3),
  },
  "wb.remains_create": {
    vendor: "wb",
    method: "GET",
    path: "/wb/seller-analytics/api/v1/warehouse_remains",
    category: "analytics",
    limit: perMinute(1),
  },
  "wb.remains_status": {
    vendor: "wb",
    method: "GET",
    path: "/wb/seller-analytics/api/v1/warehouse_remains/tasks/:id/status",
    category: "analytics",
    limit: { requests: 1, periodSeconds: 5, burst: 5 },
  },
  "wb.remains_download": {
    vendor: "wb",
    method: "GET",
    path: "/wb/seller-analytics/api/v1/warehouse_remains/tasks/:id/download",
    category: "analytics",
    limit: perMinute(1),
  },
  "wb.cards_list": {
    vendor: "wb",
    method: "POST",
    path: "/wb/content/content/v2/get/cards/list",
    category: "content",
    // 100 a minute, 600 ms apart, burst 5.
    limit: perMinute(100, 5),
  },
  "wb.seller_warehouses": {
    vendor: "wb",
    method: "GET",
    path: "/wb/marketplace/api/v3/warehouses",
    category: "marketplace",
    // 300 a minute over the seller-warehouse methods, 200 ms apart, burst 20.
    limit: perMinute(300, 20),
  },
  "wb.seller_stocks": {
    vendor: "wb",
    method: "POST",
    path: "/wb/marketplace/api/v3/stocks/:id",
    category: "marketplace",
    // 300 a minute over the stock methods, 200 ms apart, burst 20.
    limit: perMinute(300, 20),
  },
};

/** Ozon's shared quota: 50 requests per second per Client-Id across all methods. */
export const OZON_GLOBAL_LIMIT: LimitSpec = { requests: 50, periodSeconds: 1, burst: 50 };

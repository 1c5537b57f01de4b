// Sunset watch: every adapter's vendor endpoint with the vendor's deprecation and switch-off dates and the adapter
// that replaces it (dates from the vendors' specs and release notes, see test/contracts/specs/README.md), and the
// rule that warns about an account's adapters: deprecated, or within SUNSET_WARNING_DAYS of the switch-off.
import type { Marketplace } from "../../db/schema/enums";
import { reportAdapterList } from "./report-adapters";
import { salesAdapterList } from "./sales-adapters";
import { stockAdapterChain } from "./stock-adapters";

export interface Sunset {
  /** The vendor's method and path. */
  endpoint: string;
  /** When the vendor marked it deprecated (YYYY-MM-DD); null when it has not, or gave no date. */
  deprecatedOn: string | null;
  /** When the vendor switches (or switched) it off; null when no date is announced. */
  switchOffOn: string | null;
  /** The vendor says it will switch the endpoint off but names no date: warned as deprecated, without a date. */
  undatedSwitchOff?: true;
  /** The adapter to configure instead; null when the endpoint is current. */
  replacement: string | null;
  /** The vendor's own words in short, and where they come from. */
  note: string;
}

/** Warn this many days before a switch-off. */
export const SUNSET_WARNING_DAYS = 30;

export const SUNSETS: Record<string, Sunset> = {
  "ozon.v2.stock_on_warehouses": {
    endpoint: "POST /v2/analytics/stock_on_warehouses",
    deprecatedOn: null,
    switchOffOn: null,
    undatedSwitchOff: true,
    replacement: "ozon.v1.analytics_stocks",
    note: "Ozon says it will be switched off, without a date (spec text, Apr 2026); its replacement has no reserved counts",
  },
  "ozon.v1.analytics_stocks": {
    endpoint: "POST /v1/analytics/stocks",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current",
  },
  "ozon.v4.product_info_stocks": {
    endpoint: "POST /v4/product/info/stocks",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current; stocks[].warehouse_ids deprecated, total removed 2026-11-23 (total_items)",
  },
  "ozon.v2.stocks_by_warehouse_fbs": {
    endpoint: "POST /v2/product/info/stocks-by-warehouse/fbs",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (its v1 was switched off on 2026-04-07)",
  },
  "ozon.v1.analytics_data": {
    endpoint: "POST /v1/analytics/data",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current; 1 request a minute, 50 a day without Premium Plus",
  },
  "ozon.v3.posting_fbo_list": {
    endpoint: "POST /v3/posting/fbo/list",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (added 2026-04-30; v2 switched off 2026-08-31)",
  },
  "ozon.v4.posting_fbs_list": {
    endpoint: "POST /v4/posting/fbs/list",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (added 2026-04-30; v3 switched off 2026-08-31)",
  },
  "ozon.v1.analytics_turnover_stocks": {
    endpoint: "POST /v1/analytics/turnover/stocks",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current; 1 request a minute per Client-Id",
  },
  // Read at the start of every Ozon run (the warehouse directory, cron/adapters/ozon/warehouse-directory.ts).
  "ozon.v2.warehouse_list": {
    endpoint: "POST /v2/warehouse/list",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (v1 was switched off on 2026-04-07)",
  },
  "ozon.v1.cluster_list": {
    endpoint: "POST /v1/cluster/list",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (v2 lists macrolocal clusters, out of beta on 2026-06-01)",
  },
  "wb.v1.supplier_stocks": {
    endpoint: "GET /api/v1/supplier/stocks",
    deprecatedOn: null,
    switchOffOn: "2026-06-23",
    replacement: "wb.v1.warehouse_remains",
    note: "flagged deprecated; removed on 23 June (WB release note 494, absent from the 2026-08 specs)",
  },
  "wb.v1.supplier_orders": {
    endpoint: "GET /api/v1/supplier/orders",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: 'current; warehouse named "Склад WB РФ" since 2026-08-15',
  },
  "wb.v1.supplier_sales": {
    endpoint: "GET /api/v1/supplier/sales",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: 'current; warehouse named "Склад WB РФ" since 2026-08-15',
  },
  "wb.v1.stocks_report_wb_warehouses": {
    endpoint: "POST /api/analytics/v1/stocks-report/wb-warehouses",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current; rows name only nmId/chrtId (the product cards map them)",
  },
  "wb.v1.warehouse_remains": {
    endpoint: "GET /api/v1/warehouse_remains (+ tasks status, download)",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current; an empty report downloads as 204",
  },
  "wb.v2.content_cards": {
    endpoint: "POST /content/v2/get/cards/list",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (WB spec snapshot of 2026-08-18); cards in the bin are not listed",
  },
  "wb.v3.seller_stocks": {
    endpoint: "GET /api/v3/warehouses + POST /api/v3/stocks/{warehouseId}",
    deprecatedOn: null,
    switchOffOn: null,
    replacement: null,
    note: "current (WB spec snapshot of 2026-08-18); stock asked by chrtIds, at most 1,000 a request",
  },
};

export type SunsetState = "switched-off" | "switching-off" | "deprecated";

export interface SunsetWarning {
  adapter: string;
  endpoint: string;
  state: SunsetState;
  deprecatedOn: string | null;
  switchOffOn: string | null;
  /** Whole days until the switch-off (negative: since); null without a date. */
  daysLeft: number | null;
  replacement: string | null;
  message: string;
}

const DAY_MS = 86_400_000;

/** The warning for one adapter at `nowMs`, or null when its endpoint is current and not about to go. */
export function sunsetWarning(adapter: string, nowMs: number): SunsetWarning | null {
  const sunset = SUNSETS[adapter];
  if (!sunset) return null;
  const offMs = sunset.switchOffOn ? Date.parse(`${sunset.switchOffOn}T00:00:00Z`) : null;
  const daysLeft = offMs === null ? null : Math.ceil((offMs - nowMs) / DAY_MS);
  const deprecated = sunset.deprecatedOn !== null && Date.parse(`${sunset.deprecatedOn}T00:00:00Z`) <= nowMs;
  let state: SunsetState;
  if (daysLeft !== null && daysLeft <= 0) state = "switched-off";
  else if (daysLeft !== null && daysLeft <= SUNSET_WARNING_DAYS) state = "switching-off";
  else if (deprecated || sunset.undatedSwitchOff) state = "deprecated";
  else return null;
  const when =
    state === "switched-off"
      ? `was switched off on ${sunset.switchOffOn}`
      : state === "switching-off"
        ? `will be switched off on ${sunset.switchOffOn} (in ${daysLeft} days)`
        : deprecated
          ? `is deprecated since ${sunset.deprecatedOn}`
          : "is deprecated: the vendor will switch it off, date not given";
  const instead = sunset.replacement ? `; use ${sunset.replacement}` : "";
  return {
    adapter,
    endpoint: sunset.endpoint,
    state,
    deprecatedOn: sunset.deprecatedOn,
    switchOffOn: sunset.switchOffOn,
    daysLeft,
    replacement: sunset.replacement,
    message: `${adapter} (${sunset.endpoint}) ${when}${instead}`,
  };
}

/** The warnings for the adapters an account uses (its configured ones, else the marketplace's defaults). */
export function accountSunsetWarnings(
  marketplace: Marketplace,
  endpoints: {
    stock?: readonly string[] | undefined;
    sales?: readonly string[] | undefined;
    reports?: readonly string[] | undefined;
  },
  nowMs: number,
): SunsetWarning[] {
  let adapters: string[];
  try {
    adapters = [
      ...stockAdapterChain(marketplace, endpoints.stock),
      ...salesAdapterList(marketplace, endpoints.sales),
      ...reportAdapterList(marketplace, endpoints.reports, "full"),
    ];
  } catch {
    // An unknown adapter id is the run's error to report; the watch reads only the ids it knows.
    adapters = [...(endpoints.stock ?? []), ...(endpoints.sales ?? [])];
  }
  return [...new Set(adapters)].flatMap((id) => sunsetWarning(id, nowMs) ?? []);
}

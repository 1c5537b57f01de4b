// Runtime settings (vendor mode, limits, page sizes, switch-off dates, credentials), validated with zod and changed via /_sim/config.

import { z } from "zod";
import { ENDPOINT_IDS, WB_CATEGORIES } from "./endpoints.js";

const endpointId = z.enum(ENDPOINT_IDS);
const isoDate = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), { message: "expected an ISO date or date-time" });

export const limitSpecSchema = z.strictObject({
  requests: z.number().positive(),
  periodSeconds: z.number().positive(),
  burst: z.number().int().positive(),
});

export const configSchema = z.strictObject({
  /**
   * "current": the vendors as they answer this month (December 2026, see vendor-mode.ts); "legacy": the older
   * behaviour (switched-off endpoints on, old request fields and response shapes), for tests that need it.
   */
  mode: z.enum(["current", "legacy"]),
  /** false disables every rate limit (demos). */
  limitsEnabled: z.boolean(),
  /** Rate-limit clock multiplier: 60 makes a one-minute window last one second. */
  timeScale: z.number().positive(),
  /** Overrides of the documented per-endpoint limits; null removes an endpoint's own limit. */
  limits: z.partialRecord(endpointId, limitSpecSchema.nullable()),
  /** Ozon's shared per-Client-Id quota. */
  ozonGlobalLimit: limitSpecSchema,
  pageSize: z.strictObject({
    wbStocks: z.number().int().positive(),
    wbOrders: z.number().int().positive(),
    wbSales: z.number().int().positive(),
  }),
  /** Simulated moment from which an endpoint answers 404 (switched off); null = on. */
  switchOff: z.partialRecord(endpointId, isoDate.nullable()),
  /** Simulated moment from which warehouse_remains reports Russian warehouses as "Склад WB РФ" totals. */
  remainsAggregatedFrom: isoDate.nullable(),
  /** Status polls a warehouse-remains task answers before it is "done". */
  remainsPollsUntilDone: z.number().int().min(0),
  /** stocks-report writes every row under warehouse -999999 "Склад WB" (as the spec says it does "for now"). */
  stocksReportSingleWarehouse: z.boolean(),
  /** Ozon analytics/data history depth without Premium, in days. */
  ozonAnalyticsMaxDays: z.number().int().positive(),
  /** Ozon analytics/data requests a seller without Premium Plus may make per day (current mode); null = no cap. */
  ozonAnalyticsDailyRequests: z.number().int().positive().nullable(),
  credentials: z.strictObject({
    ozon: z.array(z.strictObject({ clientId: z.string().regex(/^\d+$/), apiKey: z.string().min(1) })),
    wb: z.array(z.strictObject({ token: z.string().min(1), categories: z.array(z.enum(WB_CATEGORIES)) })),
  }),
});

export type SimConfig = z.infer<typeof configSchema>;

export function defaultConfig(): SimConfig {
  return {
    mode: "current",
    limitsEnabled: true,
    timeScale: 1,
    limits: {},
    ozonGlobalLimit: { requests: 50, periodSeconds: 1, burst: 50 },
    pageSize: { wbStocks: 60_000, wbOrders: 80_000, wbSales: 80_000 },
    switchOff: {},
    remainsAggregatedFrom: null,
    remainsPollsUntilDone: 1,
    stocksReportSingleWarehouse: false,
    ozonAnalyticsMaxDays: 92,
    ozonAnalyticsDailyRequests: 50,
    credentials: {
      ozon: [{ clientId: "1001", apiKey: "demo-ozon-key" }],
      wb: [{ token: "demo-wb-token", categories: [...WB_CATEGORIES] }],
    },
  };
}

/** A partial update: nested maps merge, everything else replaces. */
export const configPatchSchema = configSchema.partial().extend({
  pageSize: configSchema.shape.pageSize.partial().optional(),
});
export type SimConfigPatch = z.infer<typeof configPatchSchema>;

export function mergeConfig(current: SimConfig, patch: SimConfigPatch): SimConfig {
  return {
    ...current,
    ...patch,
    pageSize: { ...current.pageSize, ...patch.pageSize },
    limits: { ...current.limits, ...patch.limits },
    switchOff: { ...current.switchOff, ...patch.switchOff },
  } as SimConfig;
}

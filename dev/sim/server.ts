// startSimulator(): runs the simulator on a port (0 = random) and returns its URL plus an in-process handle for tests.

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { DEFAULT_START } from "./clock.js";
import {
  configPatchSchema,
  configSchema,
  mergeConfig,
  type SimConfig,
  type SimConfigPatch,
} from "./config.js";
import { advanceMs, advanceSchema, setFaults } from "./control.js";
import type { EndpointId } from "./endpoints.js";
import { type FaultRule, faultsSchema } from "./faults.js";
import { type OzonTurnover, ozonTurnover } from "./ozon/turnover-stocks.js";
import { SimState } from "./state.js";
import type { RequestRecord } from "./stats.js";
import {
  listingsTruth,
  type OzonSaleTruth,
  type OzonStockTruth,
  salesTruth,
  stockTruth,
  type WbSaleTruth,
  type WbStockTruth,
  warehousesTruth,
  wbSellerStockTruth,
} from "./truth.js";
import type { AdvanceSummary } from "./world.js";

export interface SimulatorOptions {
  host?: string;
  /** 0 = a random free port. Default 8790. */
  port?: number;
  seed?: number;
  /** Listings across both marketplaces (demo default 3000; ~32,000 gives ~100,000 stock rows). */
  size?: number;
  /** Simulated-time multiplier for rate-limit windows: 60 makes a 1-minute window last 1 s. */
  timeScale?: number;
  /** Simulated clock start, default 2026-11-01T06:00:00Z. */
  start?: Date;
  /** Days of order history before the start (default 30). */
  historyDays?: number;
  /** false disables all rate limits (demos). Default true. */
  limitsEnabled?: boolean;
  /** "current" (default): the vendors as they answer this month; "legacy": the older behaviour (vendor-mode.ts). */
  mode?: "current" | "legacy";
}

export interface Simulator {
  /** http://127.0.0.1:PORT; vendor bases are `${url}/ozon`, `${url}/wb/statistics`, `${url}/wb/seller-analytics`. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** The raw state (world, config, faults, limiter, stats), for tests that need more than the helpers. */
  readonly state: SimState;
  /** Regenerates the world (same as POST /_sim/reset); clears faults, stats and limiter buckets. */
  reset(options?: { seed?: number; size?: number; start?: Date; historyDays?: number }): void;
  /** Moves the simulated clock (same as POST /_sim/advance). */
  advance(by: { days?: number; hours?: number; minutes?: number }): AdvanceSummary;
  now(): Date;
  faults: {
    /** Replaces the fault rules (validated; throws a ZodError naming the field). Resets call counters. */
    set(rules: unknown[]): FaultRule[];
    clear(): void;
    get(): FaultRule[];
  };
  config: {
    get(): SimConfig;
    /** Merges a partial config (validated; throws on bad input). */
    set(patch: SimConfigPatch): SimConfig;
  };
  truth: {
    stock(marketplace: "ozon"): OzonStockTruth[];
    stock(marketplace: "wb"): WbStockTruth[];
    /** Stock on the seller's own WB warehouses (FBS). */
    wbSellerStock(): WbStockTruth[];
    sales(marketplace: "ozon"): OzonSaleTruth[];
    sales(marketplace: "wb"): WbSaleTruth[];
    warehouses(): ReturnType<typeof warehousesTruth>;
    listings(marketplace: "ozon" | "wb"): ReturnType<typeof listingsTruth>;
    /** Ozon's turnover report (/v1/analytics/turnover/stocks) as the world stands. */
    ozonTurnover(): OzonTurnover[];
  };
  stats: {
    requests(endpoint?: EndpointId): RequestRecord[];
    summary(): ReturnType<SimState["stats"]["summary"]>;
    clear(): void;
  };
  /** Jumps the rate-limiter clock forward (scaled ms), refilling buckets without waiting. */
  skipLimiterTime(ms: number): void;
}

export const DEFAULT_PORT = 8790;

export function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = new SimState({
    seed: options.seed,
    size: options.size,
    start: (options.start ?? DEFAULT_START).getTime(),
    historyDays: options.historyDays,
    timeScale: options.timeScale,
  });
  if (options.limitsEnabled === false) state.config.limitsEnabled = false;
  if (options.mode) state.config.mode = options.mode;
  const app = createApp(() => state);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host },
      (info: AddressInfo) => {
        const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`;
        const stock = (mp: "ozon" | "wb") => stockTruth(state, mp);
        const sales = (mp: "ozon" | "wb") => salesTruth(state, mp);
        resolve({
          url,
          port: info.port,
          state,
          close: () =>
            new Promise<void>((done, fail) => {
              const s = server as unknown as {
                close(cb: (e?: Error) => void): void;
                closeAllConnections?: () => void;
              };
              s.close((error) => (error ? fail(error) : done()));
              s.closeAllConnections?.();
            }),
          reset: (o = {}) =>
            state.reset({
              seed: o.seed,
              size: o.size,
              start: o.start?.getTime(),
              historyDays: o.historyDays,
            }),
          advance: (by) => state.advance(advanceMs(advanceSchema.parse(by))),
          now: () => new Date(state.world.now()),
          faults: {
            set: (rules) => {
              const parsed = faultsSchema.parse({ rules });
              setFaults(state, parsed.rules);
              return parsed.rules;
            },
            clear: () => setFaults(state, []),
            get: () => state.faults.rules,
          },
          config: {
            get: () => state.config,
            set: (patch) => {
              const merged = configSchema.parse(mergeConfig(state.config, configPatchSchema.parse(patch)));
              state.setConfig(merged);
              return merged;
            },
          },
          truth: {
            stock: stock as Simulator["truth"]["stock"],
            sales: sales as Simulator["truth"]["sales"],
            wbSellerStock: () => wbSellerStockTruth(state),
            warehouses: warehousesTruth,
            listings: (mp) => listingsTruth(state, mp),
            ozonTurnover: () => ozonTurnover(state),
          },
          stats: {
            requests: (endpoint) => state.stats.list(endpoint),
            summary: () => state.stats.summary(),
            clear: () => state.stats.clear(),
          },
          skipLimiterTime: (ms) => state.time.skip(ms),
        });
      },
    );
    server.once("error", reject);
  });
}

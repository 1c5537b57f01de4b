// Everything one running simulator holds: the world, settings, faults, limiters, stats and async report tasks.

import { DEFAULT_START } from "./clock.js";
import { defaultConfig, type SimConfig } from "./config.js";
import { FaultBook } from "./faults.js";
import { Random } from "./random.js";
import { ScaledTime, TokenBuckets } from "./rate-limit.js";
import { RequestStats } from "./stats.js";
import { type AdvanceSummary, World, type WorldOptions } from "./world.js";

export const DEFAULT_SEED = 20261101;
export const DEFAULT_SIZE = 3000;
export const DEFAULT_HISTORY_DAYS = 30;

export interface RemainsTask {
  id: string;
  createdAt: number;
  polls: number;
  status: "new" | "processing" | "done" | "purged" | "canceled";
  groupByNm: boolean;
  groupByBarcode: boolean;
}

export class SimState {
  world: World;
  config: SimConfig;
  readonly faults: FaultBook;
  readonly buckets = new TokenBuckets();
  readonly time: ScaledTime;
  readonly stats = new RequestStats();
  readonly remainsTasks = new Map<string, RemainsTask>();
  /** Requests per principal and simulated day of endpoints with a daily cap ("<endpoint>:<principal>:<day>"). */
  readonly dailyRequests = new Map<string, number>();
  /** Feed rows cached per world version (building a 200k-row feed on every page call would be slow). */
  readonly cache = new Map<string, { version: number; value: unknown }>();
  /** Cached values built as soon as the world changes rather than by the next call (see prepare()). */
  #prepared: ((state: SimState) => unknown)[] = [];

  constructor(options: Partial<WorldOptions> & { timeScale?: number }) {
    this.config = defaultConfig();
    if (options.timeScale !== undefined) this.config.timeScale = options.timeScale;
    this.time = new ScaledTime(this.config.timeScale);
    this.world = new World(worldOptions(options));
    this.faults = new FaultBook(new Random(this.world.options.seed).fork("faults"));
  }

  /** Regenerates the world; clears faults, stats, limiter buckets and tasks (settings stay). */
  reset(options: Partial<WorldOptions>): void {
    const current = this.world.options;
    this.world = new World(
      worldOptions({
        seed: options.seed ?? current.seed,
        size: options.size ?? current.size,
        start: options.start ?? current.start,
        historyDays: options.historyDays ?? current.historyDays,
      }),
    );
    this.faults.set([], new Random(this.world.options.seed).fork("faults"));
    this.buckets.clear();
    this.stats.clear();
    this.remainsTasks.clear();
    this.dailyRequests.clear();
    this.cache.clear();
    this.#prepareNow();
  }

  /** Moves the simulated clock (the world's stock and orders move with it). */
  advance(ms: number): AdvanceSummary {
    const summary = this.world.advance(ms);
    this.#prepareNow();
    return summary;
  }

  /**
   * Cached values (SimState.cached) to build with each change of the world (reset, advance) rather than on
   * the next call: the big stock feeds are then ready before a sync asks for them, as a vendor's report is.
   */
  prepare(builds: ((state: SimState) => unknown)[]): void {
    this.#prepared = builds;
    this.#prepareNow();
  }

  #prepareNow(): void {
    for (const build of this.#prepared) build(this);
  }

  setConfig(config: SimConfig): void {
    if (config.timeScale !== this.config.timeScale) this.time.setScale(config.timeScale);
    this.config = config;
  }

  /** Memoises a derived value until the world changes. */
  cached<T>(key: string, build: () => T): T {
    const hit = this.cache.get(key);
    if (hit && hit.version === this.world.version) return hit.value as T;
    const value = build();
    this.cache.set(key, { version: this.world.version, value });
    return value;
  }
}

function worldOptions(options: Partial<WorldOptions>): WorldOptions {
  return {
    seed: options.seed ?? DEFAULT_SEED,
    size: options.size ?? DEFAULT_SIZE,
    start: options.start ?? DEFAULT_START.getTime(),
    historyDays: options.historyDays ?? DEFAULT_HISTORY_DAYS,
  };
}

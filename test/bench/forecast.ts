// `npm run bench:forecast`: backtests the demand forecast (domain/forecast.ts) on the simulator's history
// beside the naive 30-day average that counts days out of stock as zero demand, and the lost-sales estimate
// (domain/lost-sales.ts) against the units the simulator knows it lost. Rolling origin every 7 days, 28-day
// horizon; a series is one listing (all its warehouses). The simulator runs in process, Moscow day by day;
// what the app sees of a day is the units ordered and the stock snapshot at its end, so a day counts as in
// stock when the snapshots before and after it both hold stock (a day that ran dry or was restocked is censored).
// MASE here is of the 28-day total, the quantity an order is sized by: |Σ forecast − Σ demand| ÷ (28 × the
// series' in-sample mean absolute day-to-day change); demand is what buyers asked for, lost orders included.
// Bias is Σ(forecast − demand) ÷ Σ demand. Writes bench-results/forecast.json.
import { mkdirSync, writeFileSync } from "node:fs";
import type { Listing } from "../../dev/sim/catalog";
import { DAY_MS, HOUR_MS, moscowDay } from "../../dev/sim/clock";
import { unitsPerOrder } from "../../dev/sim/sales";
import { SimState } from "../../dev/sim/state";
import { demandTruth } from "../../dev/sim/truth";
import { type DemandDay, FORECAST_WINDOW_DAYS, forecastDailyDemand } from "../../domain/forecast";
import { lostSales } from "../../domain/lost-sales";

const SIZE = Number(process.env.BENCH_LISTINGS ?? 1000);
const DAYS = Number(process.env.BENCH_DAYS ?? 168);
const SEED = Number(process.env.BENCH_SEED ?? 20261101);
const HORIZON = 28;
/** The first origin: 8 weeks of the clock running, so that stock-outs are in the history. */
const WARM_UP = 56;
const NAIVE_WINDOW = 30;
const STEP = 7;
/** Days of sales the simulator invents before its clock starts (always in stock: they never drew on it). */
const HISTORY = 56;

interface Series {
  days: DemandDay[];
  /** Units buyers asked for each day: sold plus lost (the truth). */
  demand: number[];
}

interface Track {
  sold: number[];
  inStock: boolean[];
  /** Stock at the end of the last day simulated. */
  stock: number;
}

function simulate(): { series: Series[]; lostTruth: number } {
  const state = new SimState({ seed: SEED, size: SIZE, historyDays: HISTORY });
  const world = state.world;
  const listings = [...world.catalog.ozon, ...world.catalog.wb];
  const stockOf = (listing: Listing) => world.cellsOf(listing).reduce((sum, cell) => sum + cell.available, 0);
  const tracks = new Map<Listing, Track>(
    listings.map((l) => [l, { sold: [], inStock: [], stock: stockOf(l) }]),
  );
  const track = (listing: Listing) => tracks.get(listing) as Track;
  // The invented history, day by day (Moscow days, as the app's calendar is), all in stock.
  const start = world.now();
  const today = Date.parse(`${moscowDay(start)}T00:00:00+03:00`);
  const dayKeys: string[] = [];
  for (let d = HISTORY; d >= 1; d--) dayKeys.push(moscowDay(today - d * DAY_MS + HOUR_MS));
  for (const t of tracks.values()) {
    t.sold = dayKeys.map(() => 0);
    t.inStock = dayKeys.map(() => true);
  }
  const dayIndex = new Map(dayKeys.map((key, d) => [key, d]));
  const addHistory = (listing: Listing, at: number, units: number) => {
    const d = dayIndex.get(moscowDay(at));
    if (d !== undefined) track(listing).sold[d] = (track(listing).sold[d] ?? 0) + units;
  };
  for (const order of world.wbOrders) if (order.history) addHistory(order.listing, order.date, 1);
  for (const p of world.ozonPostings) if (p.history) addHistory(p.listing, p.createdAt, p.quantity);
  // The rest of the start day, then whole days; a day is in stock when its start and end both hold stock.
  world.advance(today + DAY_MS - start);
  for (const l of listings) track(l).stock = stockOf(l);
  let wbSeen = world.wbOrders.length;
  let ozonSeen = world.ozonPostings.length;
  for (let d = 0; d < DAYS; d++) {
    dayKeys.push(moscowDay(world.now() + HOUR_MS));
    world.advance(DAY_MS);
    const units = new Map<Listing, number>();
    for (const order of world.wbOrders.slice(wbSeen))
      units.set(order.listing, (units.get(order.listing) ?? 0) + 1);
    for (const p of world.ozonPostings.slice(ozonSeen))
      units.set(p.listing, (units.get(p.listing) ?? 0) + p.quantity);
    wbSeen = world.wbOrders.length;
    ozonSeen = world.ozonPostings.length;
    for (const l of listings) {
      const t = track(l);
      const stock = stockOf(l);
      t.sold.push(units.get(l) ?? 0);
      t.inStock.push(t.stock > 0 && stock > 0);
      t.stock = stock;
    }
  }
  const truth = [...demandTruth(state, "ozon"), ...demandTruth(state, "wb")];
  const series = listings.map((l, i): Series => {
    const lostByDay = truth[i]?.lostOrdersByDay ?? {};
    const t = track(l);
    return {
      days: t.sold.map((units, d) => ({ units, inStock: t.inStock[d] === true })),
      demand: t.sold.map(
        (units, d) => units + (lostByDay[dayKeys[d] ?? ""] ?? 0) * unitsPerOrder(l.marketplace),
      ),
    };
  });
  return { series, lostTruth: truth.reduce((sum, row) => sum + row.lostUnits, 0) };
}

function meanAbsoluteChange(values: readonly number[]): number {
  let total = 0;
  for (let t = 1; t < values.length; t++) total += Math.abs((values[t] ?? 0) - (values[t - 1] ?? 0));
  return values.length > 1 ? total / (values.length - 1) : 0;
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

function main(): void {
  const { series, lostTruth } = simulate();
  let scored = 0;
  let maseModel = 0;
  let maseNaive = 0;
  let errorModel = 0;
  let errorNaive = 0;
  let demandTotal = 0;
  const models: Record<string, number> = {};
  for (const s of series) {
    for (let origin = HISTORY + WARM_UP; origin + HORIZON <= HISTORY + DAYS; origin += STEP) {
      const history = s.days.slice(0, origin);
      const scale = meanAbsoluteChange(history.map((day) => day.units));
      if (scale === 0) continue;
      const actual = s.demand.slice(origin, origin + HORIZON).reduce((sum, units) => sum + units, 0);
      const forecast = forecastDailyDemand(history.slice(-FORECAST_WINDOW_DAYS));
      models[forecast.model] = (models[forecast.model] ?? 0) + 1;
      const model = forecast.perDay * HORIZON;
      const naive =
        (history.slice(-NAIVE_WINDOW).reduce((sum, day) => sum + day.units, 0) / NAIVE_WINDOW) * HORIZON;
      maseModel += Math.abs(model - actual) / (HORIZON * scale);
      maseNaive += Math.abs(naive - actual) / (HORIZON * scale);
      errorModel += model - actual;
      errorNaive += naive - actual;
      demandTotal += actual;
      scored++;
    }
  }
  // The history days are all in stock, so every lost unit falls in the days the clock ran, as the truth's do.
  const lostEstimate = series.reduce((sum, s) => sum + lostSales(s.days).lostUnits, 0);
  const result = {
    series: series.length,
    horizon_days: HORIZON,
    mase_model: round(maseModel / scored),
    mase_naive: round(maseNaive / scored),
    bias_model: round(errorModel / demandTotal),
    bias_naive: round(errorNaive / demandTotal),
    lost_sales_error_pct: round(((lostEstimate - lostTruth) / lostTruth) * 100, 2),
  };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/forecast.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    JSON.stringify({
      ...result,
      forecasts: scored,
      models,
      lost_units_truth: round(lostTruth, 1),
      lost_units_estimate: round(lostEstimate, 1),
    }),
  );
}

main();

// Stock cells (one per listing × canonical warehouse): their initial state and the changes sales and supplies make.

import type { Listing, OzonListing, StockProfile, WbListing } from "./catalog.js";
import type { Random } from "./random.js";
import { OZON_WAREHOUSES, type Warehouse, WB_SELLER_WAREHOUSES, WB_WAREHOUSES } from "./warehouses.js";

export interface StockCell<L extends Listing = Listing> {
  /** Stable row number, also used to pick the warehouse spelling a feed writes. */
  id: number;
  listing: L;
  warehouse: Warehouse;
  /** Free to sell (Ozon free_to_sell_amount / available_stock_count; WB quantity). */
  available: number;
  /** Ordered, not yet delivered (Ozon reserved_amount; WB inWayToClient). */
  reserved: number;
  /** Incoming (Ozon promised_amount / transit_stock_count: supplies; WB inWayFromClient: returns). */
  inTransit: number;
  /** Ozon-only extras reported by /v1/analytics/stocks. */
  returning: number;
  defect: number;
  /** Last change, ms since epoch (WB reports it in 30-minute refresh slots). */
  lastChange: number;
  /** An empty cell is still listed by the feeds (true) or disappears from them (false). */
  visibleWhenEmpty: boolean;
}

export interface StockBook {
  ozon: StockCell<OzonListing>[];
  wb: StockCell<WbListing>[];
  /** Cells of each listing, indexed by listing.index. */
  ozonByListing: StockCell<OzonListing>[][];
  wbByListing: StockCell<WbListing>[][];
  /**
   * Stock on the seller's own WB warehouses (FBS, /api/v3/stocks): set by the seller, so orders in the simulator
   * do not draw on it (they ship from WB's warehouses) and nothing is reserved or on its way there.
   */
  wbSeller: StockCell<WbListing>[];
}

export function isEmpty(cell: StockCell): boolean {
  return cell.available + cell.reserved + cell.inTransit === 0;
}

/** Whether the marketplace's stock feeds list this cell right now. */
export function inFeed(cell: StockCell): boolean {
  return !isEmpty(cell) || cell.visibleWhenEmpty;
}

/** What a cell's feed can show in transit: nothing on a seller-owned (FBS) warehouse. */
function ownWarehouse(warehouse: { type: string }, transit: number): number {
  return warehouse.type === "fbs" ? 0 : transit;
}

function totalFor(random: Random, profile: StockProfile): number {
  switch (profile) {
    case "out":
    case "gone":
      return 0;
    case "low":
      return random.int(1, 20);
    case "normal":
      return random.int(21, 100);
    case "overstock":
      return random.int(101, 600);
  }
}

function pickWarehouses(random: Random, pool: readonly Warehouse[], count: number): Warehouse[] {
  const chosen: Warehouse[] = [];
  const candidates = pool.filter((w) => w.type === "fbo");
  while (chosen.length < count && candidates.length > 0) {
    // Earlier warehouses in the list are the big Moscow hubs: favour them.
    const index = Math.min(candidates.length - 1, Math.floor(random.next() ** 1.6 * candidates.length));
    const [warehouse] = candidates.splice(index, 1);
    if (warehouse) chosen.push(warehouse);
  }
  return chosen;
}

/** Splits a total over n cells with random weights (a whole number per cell). */
function split(random: Random, total: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => random.next() + 0.05);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0] = (parts[0] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function generateStock(
  random: Random,
  ozon: OzonListing[],
  wb: WbListing[],
  startMs: number,
): StockBook {
  let nextId = 1;
  const book: StockBook = { ozon: [], wb: [], ozonByListing: [], wbByListing: [], wbSeller: [] };
  const fbs = OZON_WAREHOUSES.find((w) => w.type === "fbs");
  const make = <L extends Listing>(listing: L, warehouses: Warehouse[]): StockCell<L>[] => {
    const profile = listing.profile;
    const amounts = split(random, totalFor(random, profile), warehouses.length);
    const cells = warehouses.map((warehouse, i): StockCell<L> => {
      const available = amounts[i] ?? 0;
      const live = profile !== "gone" && profile !== "out";
      // Drawn in this order (reserved, then in transit) so a seed gives the world it always gave.
      const reserved = live && listing.velocity > 0 && random.chance(0.3) ? random.int(1, 3) : 0;
      const transit =
        profile === "gone"
          ? 0
          : listing.marketplace === "ozon"
            ? random.chance(0.15)
              ? random.int(5, 50)
              : 0
            : random.chance(0.1)
              ? random.int(1, 2)
              : 0;
      return {
        id: nextId++,
        listing,
        warehouse,
        available,
        reserved,
        // Drawn for every cell, kept at 0 on the seller's own warehouse:
        // Ozon learns of nothing on its way there, so no FBS feed can report it.
        inTransit: ownWarehouse(warehouse, transit),
        returning: listing.marketplace === "ozon" && live && random.chance(0.05) ? random.int(1, 3) : 0,
        defect: listing.marketplace === "ozon" && live && random.chance(0.02) ? 1 : 0,
        lastChange: startMs - random.int(0, 14 * 48) * 30 * 60_000 - random.int(0, 29) * 60_000,
        visibleWhenEmpty: profile === "gone" ? false : profile === "out" ? true : random.chance(0.5),
      };
    });
    return cells;
  };
  for (const listing of ozon) {
    const warehouses = pickWarehouses(
      random,
      OZON_WAREHOUSES,
      random.weighted([
        [1, 2],
        [2, 3],
        [3, 3],
        [4, 2],
        [5, 1],
        [6, 1],
      ]),
    );
    if (fbs && random.chance(0.3)) warehouses.push(fbs);
    const cells = make(listing, warehouses);
    book.ozonByListing[listing.index] = cells;
    book.ozon.push(...cells);
  }
  for (const listing of wb) {
    const warehouses = pickWarehouses(
      random,
      WB_WAREHOUSES,
      random.weighted([
        [1, 2],
        [2, 3],
        [3, 3],
        [4, 2],
        [5, 1],
        [6, 1],
      ]),
    );
    const cells = make(listing, warehouses);
    book.wbByListing[listing.index] = cells;
    book.wb.push(...cells);
  }
  // Drawn from a stream of its own, after everything else: a seed's WB-warehouse world stays as it was.
  const own = random.fork("wb-seller-stock");
  for (const listing of wb) {
    for (const warehouse of WB_SELLER_WAREHOUSES) {
      if (!own.chance(0.3)) continue;
      const available = listing.profile === "out" || listing.profile === "gone" ? 0 : own.int(0, 40);
      book.wbSeller.push({
        id: nextId++,
        listing,
        warehouse,
        available,
        reserved: 0,
        inTransit: 0,
        returning: 0,
        defect: 0,
        lastChange: startMs,
        visibleWhenEmpty: true,
      });
    }
  }
  return book;
}

/**
 * The cell an order ships from: the one with the most free stock, Ozon's or the seller's own (an FBS posting);
 * undefined when the listing is sold out.
 */
export function cellToShipFrom<L extends Listing>(cells: readonly StockCell<L>[]): StockCell<L> | undefined {
  let best: StockCell<L> | undefined;
  for (const cell of cells) {
    if (cell.available <= 0) continue;
    if (!best || cell.available > best.available) best = cell;
  }
  return best;
}

/** Applies a change to a cell and stamps its change time; a cell sold to zero may drop out of the feeds. */
export function changeCell(
  cell: StockCell,
  at: number,
  delta: { available?: number; reserved?: number; inTransit?: number },
  random: Random,
): void {
  cell.available = Math.max(0, cell.available + (delta.available ?? 0));
  cell.reserved = Math.max(0, cell.reserved + (delta.reserved ?? 0));
  cell.inTransit = Math.max(0, cell.inTransit + (delta.inTransit ?? 0));
  cell.lastChange = at;
  if (isEmpty(cell) && (delta.reserved ?? 0) < 0 && random.chance(0.5)) cell.visibleWhenEmpty = false;
}

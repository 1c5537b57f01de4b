// Derived Ozon views shared by endpoints and truth: listings by sku, feed-visible cells, sales per listing.

import type { OzonListing } from "../catalog.js";
import { DAY_MS } from "../clock.js";
import type { SimState } from "../state.js";
import { inFeed, type StockCell } from "../stock.js";

export function ozonListingsBySku(state: SimState): Map<number, OzonListing> {
  return state.cached("ozon.bySku", () => new Map(state.world.catalog.ozon.map((l) => [l.sku, l])));
}

/** FBO cells the analytics feeds list right now, in stable row order. */
export function ozonFboFeedCells(state: SimState): StockCell<OzonListing>[] {
  return state.cached("ozon.fboCells", () =>
    state.world.stock.ozon.filter((c) => c.warehouse.type === "fbo" && inFeed(c)),
  );
}

export interface ListingSales {
  unitsLast28Days: number;
  lastSaleAt: number | null;
}

/** Units ordered (not cancelled) in the last 60 days and the last order time, per Ozon listing index. */
export function ozonSalesByListing(state: SimState): ListingSales[] {
  return state.cached("ozon.salesByListing", () => {
    const now = state.world.now();
    const out: ListingSales[] = state.world.catalog.ozon.map(() => ({
      unitsLast28Days: 0,
      lastSaleAt: null,
    }));
    for (const p of state.world.ozonPostings) {
      if (p.createdAt > now || (p.cancelAt !== null && p.cancelAt <= now)) continue;
      const entry = out[p.listing.index];
      if (!entry) continue;
      if (p.createdAt >= now - 28 * DAY_MS) entry.unitsLast28Days += p.quantity;
      if (entry.lastSaleAt === null || p.createdAt > entry.lastSaleAt) entry.lastSaleAt = p.createdAt;
    }
    return out;
  });
}

// The simulated seller's whole state (catalog, stock, orders, clock) and how advancing the clock changes it.

import { type Catalog, generateCatalog, type Listing, type OzonListing, type WbListing } from "./catalog.js";
import { DAY_MS, SimClock } from "./clock.js";
import { EventQueue } from "./event-queue.js";
import { Random } from "./random.js";
import {
  demandDays,
  IdSource,
  makeOzonPosting,
  makeWbOrder,
  type OzonPosting,
  orderTimes,
  type WbOrder,
} from "./sales.js";
import { cellToShipFrom, changeCell, generateStock, type StockBook, type StockCell } from "./stock.js";

export interface WorldOptions {
  seed: number;
  /** Number of listings across both marketplaces. */
  size: number;
  /** Simulated clock start, ms since epoch. */
  start: number;
  /** Days of order history generated before the start. */
  historyDays: number;
}

type WorldEvent =
  | { at: number; kind: "order"; listing: Listing }
  | { at: number; kind: "release"; cell: StockCell; quantity: number; restock: boolean }
  | { at: number; kind: "returnArrive"; cell: StockCell }
  | { at: number; kind: "returnAnnounce"; cell: StockCell }
  | { at: number; kind: "supplyAnnounce"; cell: StockCell; quantity: number }
  | { at: number; kind: "supplyArrive"; cell: StockCell; quantity: number; announced: boolean };

export interface LostOrder {
  listing: Listing;
  /** When the buyer would have ordered (ms). */
  at: number;
}

export interface AdvanceSummary {
  from: string;
  to: string;
  newWbOrders: number;
  newOzonPostings: number;
  /** Orders that could not be placed because the listing was sold out. */
  lostSales: number;
  suppliesArrived: number;
}

export class World {
  readonly options: WorldOptions;
  readonly clock: SimClock;
  readonly catalog: Catalog;
  readonly stock: StockBook;
  readonly wbOrders: WbOrder[] = [];
  readonly ozonPostings: OzonPosting[] = [];
  /** Orders that came while the listing was sold out everywhere: the demand stock-outs lost (the truth). */
  readonly lostOrders: LostOrder[] = [];
  /** Bumped by every change, so feed caches know when to rebuild. */
  version = 0;
  private readonly random: Random;
  private readonly ids: IdSource;
  private readonly events = new EventQueue<WorldEvent>();
  private readonly supplyPending = new Set<Listing>();

  constructor(options: WorldOptions) {
    this.options = options;
    const root = new Random(options.seed);
    this.clock = new SimClock(options.start);
    this.catalog = generateCatalog(root.fork("catalog"), options.size);
    this.stock = generateStock(root.fork("stock"), this.catalog.ozon, this.catalog.wb, options.start);
    this.ids = new IdSource(root.fork("ids"));
    this.generateHistory(root.fork("history"));
    this.random = root.fork("advance");
  }

  now(): number {
    return this.clock.now();
  }

  cellsOf(listing: Listing): StockCell[] {
    return (
      (listing.marketplace === "ozon" ? this.stock.ozonByListing : this.stock.wbByListing)[listing.index] ??
      []
    );
  }

  private generateHistory(random: Random): void {
    const to = this.options.start;
    const from = to - this.options.historyDays * DAY_MS;
    const weight = demandDays(from, to);
    for (const listing of this.catalog.wb) {
      const cells = this.cellsOf(listing).filter((c) => c.warehouse.type === "fbo");
      for (const at of orderTimes(random, listing.velocity, from, to, weight)) {
        this.wbOrders.push(makeWbOrder(random, this.ids, listing, random.pick(cells).warehouse, at, true));
      }
    }
    for (const listing of this.catalog.ozon) {
      const cells = this.cellsOf(listing).filter((c) => c.warehouse.type === "fbo");
      for (const at of orderTimes(random, listing.velocity, from, to, weight)) {
        this.ozonPostings.push(
          makeOzonPosting(random, this.ids, listing, random.pick(cells).warehouse, at, true),
        );
      }
    }
    this.wbOrders.sort((a, b) => a.date - b.date);
    this.ozonPostings.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Moves the clock forward, placing orders, settling deliveries, cancels and returns, and receiving supplies. */
  advance(ms: number): AdvanceSummary {
    if (!(ms > 0)) throw new Error("advance needs a positive duration");
    const start = this.now();
    const end = start + ms;
    const summary: AdvanceSummary = {
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
      newWbOrders: 0,
      newOzonPostings: 0,
      lostSales: 0,
      suppliesArrived: 0,
    };
    for (let t = start; t < end; ) {
      const chunkEnd = Math.min(end, t + DAY_MS);
      this.planSupplies(t, chunkEnd);
      const weight = demandDays(t, chunkEnd);
      for (const listing of [...this.catalog.wb, ...this.catalog.ozon]) {
        if (listing.velocity <= 0) continue;
        for (const at of orderTimes(this.random, listing.velocity, t, chunkEnd, weight)) {
          this.events.push({ at, kind: "order", listing });
        }
      }
      for (let event = this.events.popUntil(chunkEnd); event; event = this.events.popUntil(chunkEnd)) {
        this.apply(event, summary);
      }
      t = chunkEnd;
    }
    this.clock.set(end);
    this.version++;
    return summary;
  }

  private planSupplies(from: number, to: number): void {
    const fraction = (to - from) / DAY_MS;
    for (const listing of [...this.catalog.ozon, ...this.catalog.wb]) {
      if (listing.profile === "gone" || listing.velocity <= 0 || this.supplyPending.has(listing)) continue;
      const cells = this.cellsOf(listing).filter((c) => c.warehouse.type === "fbo");
      const available = cells.reduce((sum, c) => sum + c.available, 0);
      if (available >= listing.velocity * 10 || !this.random.chance(0.5 * fraction)) continue;
      const cell = this.random.pick(cells);
      const quantity = Math.ceil(listing.velocity * 30) + this.random.int(5, 30);
      const announceAt = from + Math.floor(this.random.next() * (to - from));
      const arriveAt = announceAt + this.random.int(1, 3) * DAY_MS;
      // Ozon announces supplies to its own warehouses; one to the seller's FBS warehouse arrives unannounced.
      const announced = listing.marketplace === "ozon" && cell.warehouse.type !== "fbs";
      if (announced) this.events.push({ at: announceAt, kind: "supplyAnnounce", cell, quantity });
      this.events.push({ at: arriveAt, kind: "supplyArrive", cell, quantity, announced });
      this.supplyPending.add(listing);
    }
  }

  private apply(event: WorldEvent, summary: AdvanceSummary): void {
    const random = this.random;
    switch (event.kind) {
      case "order": {
        const cell = cellToShipFrom(this.cellsOf(event.listing));
        if (!cell) {
          this.lostOrders.push({ listing: event.listing, at: event.at });
          summary.lostSales++;
          return;
        }
        if (event.listing.marketplace === "wb") {
          const order = makeWbOrder(
            random,
            this.ids,
            event.listing as WbListing,
            cell.warehouse,
            event.at,
            false,
          );
          this.wbOrders.push(order);
          summary.newWbOrders++;
          changeCell(cell, event.at, { available: -1, reserved: 1 }, random);
          const settleAt = order.cancelAt ?? order.saleAt;
          if (settleAt !== null) {
            this.events.push({
              at: settleAt,
              kind: "release",
              cell,
              quantity: 1,
              restock: order.cancelAt !== null,
            });
          }
          if (order.returnAt !== null) this.events.push({ at: order.returnAt, kind: "returnAnnounce", cell });
        } else {
          const posting = makeOzonPosting(
            random,
            this.ids,
            event.listing as OzonListing,
            cell.warehouse,
            event.at,
            false,
          );
          posting.quantity = Math.min(posting.quantity, cell.available);
          this.ozonPostings.push(posting);
          summary.newOzonPostings++;
          changeCell(cell, event.at, { available: -posting.quantity, reserved: posting.quantity }, random);
          const settleAt = posting.cancelAt ?? posting.shipAt;
          this.events.push({
            at: settleAt,
            kind: "release",
            cell,
            quantity: posting.quantity,
            restock: posting.cancelAt !== null,
          });
        }
        return;
      }
      case "release":
        changeCell(
          event.cell,
          event.at,
          { reserved: -event.quantity, available: event.restock ? event.quantity : 0 },
          random,
        );
        return;
      case "returnAnnounce":
        changeCell(event.cell, event.at, { inTransit: 1 }, random);
        this.events.push({ at: event.at + 2 * DAY_MS, kind: "returnArrive", cell: event.cell });
        return;
      case "returnArrive":
        changeCell(event.cell, event.at, { inTransit: -1, available: 1 }, random);
        return;
      case "supplyAnnounce":
        changeCell(event.cell, event.at, { inTransit: event.quantity }, random);
        return;
      case "supplyArrive":
        changeCell(
          event.cell,
          event.at,
          { inTransit: event.announced ? -event.quantity : 0, available: event.quantity },
          random,
        );
        event.cell.visibleWhenEmpty = event.cell.visibleWhenEmpty || random.chance(0.5);
        this.supplyPending.delete(event.cell.listing);
        summary.suppliesArrived++;
        return;
    }
  }
}

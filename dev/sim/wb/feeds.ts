// WB statistics rows (stocks, orders, sales) derived from the world, each with its refresh-slot lastChangeDate.

import type { WbListing } from "../catalog.js";
import { formatMoscow, MINUTE_MS, wbRefreshSlot } from "../clock.js";
import { hashString } from "../random.js";
import type { WbOrder } from "../sales.js";
import type { SimState } from "../state.js";
import { inFeed, type StockCell } from "../stock.js";
import { spellWarehouse } from "../warehouses.js";

const SLOT_MS = 30 * MINUTE_MS;
export const NOT_CANCELLED = "0001-01-01T00:00:00";
const SALT_STOCKS = 0x13;
const SALT_ORDERS = 0x17;

/** Order/sale rows appear at the next 30-minute refresh after the event, stamped with that refresh time. */
export function refreshAfter(ms: number): number {
  const floor = wbRefreshSlot(ms);
  return floor === ms ? ms : floor + SLOT_MS;
}

export interface FeedRow<T> {
  /** lastChangeDate in ms (sort and filter key). */
  changed: number;
  /** Unique key within the feed (srid for orders, saleID for sales, barcode|warehouse for stocks). */
  key: string;
  row: T;
}

function byChanged<T>(a: FeedRow<T>, b: FeedRow<T>): number {
  return a.changed - b.changed || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function stockRow(cell: StockCell<WbListing>) {
  const l = cell.listing;
  const p = l.product;
  return {
    lastChangeDate: formatMoscow(wbRefreshSlot(cell.lastChange)),
    warehouseName: spellWarehouse(cell.warehouse, cell.id, SALT_STOCKS),
    supplierArticle: l.supplierArticle,
    nmId: l.nmId,
    barcode: l.barcode,
    quantity: cell.available,
    inWayToClient: cell.reserved,
    inWayFromClient: cell.inTransit,
    quantityFull: cell.available + cell.reserved + cell.inTransit,
    category: p.category,
    subject: p.subject,
    brand: p.brand,
    techSize: l.techSize,
    Price: p.priceRub,
    Discount: p.discountPercent,
    isSupply: true,
    isRealization: false,
    SCCode: "Tech",
  };
}

/** Stock rows of cells the feed lists, sorted by lastChangeDate. Stock changes are stamped with the slot they fall in. */
export function wbStockRows(state: SimState): FeedRow<ReturnType<typeof stockRow>>[] {
  return state.cached("wb.stockRows", () =>
    state.world.stock.wb
      .filter(inFeed)
      .map((cell) => ({
        changed: wbRefreshSlot(cell.lastChange),
        key: `${cell.listing.barcode}|${cell.warehouse.id}`,
        row: stockRow(cell),
      }))
      .sort(byChanged),
  );
}

function common(order: WbOrder, at: number) {
  const l = order.listing;
  const p = l.product;
  return {
    date: formatMoscow(at),
    lastChangeDate: "",
    warehouseName: spellWarehouse(order.warehouse, hashString(order.srid), SALT_ORDERS),
    warehouseType: "Склад WB",
    countryName: order.region.country,
    oblastOkrugName: order.region.okrug,
    regionName: order.region.region,
    supplierArticle: l.supplierArticle,
    nmId: l.nmId,
    barcode: l.barcode,
    category: p.category,
    subject: p.subject,
    brand: p.brand,
    techSize: l.techSize,
    incomeID: 0,
    isSupply: false,
    isRealization: true,
    totalPrice: order.totalPrice,
    discountPercent: order.discountPercent,
    spp: order.spp,
    finishedPrice: order.finishedPrice,
    priceWithDisc: order.priceWithDisc,
  };
}

/** Order rows visible now: an order shows at its next refresh; a cancellation re-stamps it. */
export function wbOrderRows(state: SimState) {
  return state.cached("wb.orderRows", () => {
    const now = state.world.now();
    const rows = [];
    for (const order of state.world.wbOrders) {
      const shown = refreshAfter(order.date);
      if (shown > now) continue;
      const cancelShown = order.cancelAt !== null ? refreshAfter(order.cancelAt) : null;
      const cancelled = cancelShown !== null && cancelShown <= now;
      const changed = cancelled ? cancelShown : shown;
      rows.push({
        changed,
        key: order.srid,
        order,
        row: {
          ...common(order, order.date),
          lastChangeDate: formatMoscow(changed),
          isCancel: cancelled,
          cancelDate: cancelled && order.cancelAt !== null ? formatMoscow(order.cancelAt) : NOT_CANCELLED,
          sticker: "",
          gNumber: order.gNumber,
          srid: order.srid,
        },
      });
    }
    return rows.sort(byChanged);
  });
}

/** Sale (S…) and return (R…) rows visible now, keyed by saleID. */
export function wbSaleRows(state: SimState) {
  return state.cached("wb.saleRows", () => {
    const now = state.world.now();
    const rows = [];
    for (const order of state.world.wbOrders) {
      const events: ["S" | "R", number | null][] = [
        ["S", order.saleAt],
        ["R", order.returnAt],
      ];
      for (const [kind, at] of events) {
        if (at === null || refreshAfter(at) > now) continue;
        const sign = kind === "S" ? 1 : -1;
        const base = common(order, at);
        const saleId = kind === "S" ? order.saleId : order.returnId;
        rows.push({
          changed: refreshAfter(at),
          key: saleId,
          order,
          kind,
          row: {
            ...base,
            lastChangeDate: formatMoscow(refreshAfter(at)),
            totalPrice: sign * base.totalPrice,
            finishedPrice: sign * base.finishedPrice,
            priceWithDisc: sign * base.priceWithDisc,
            paymentSaleAmount: sign * Math.round(order.finishedPrice * 0.97),
            forPay: sign * order.forPay,
            isCancel: false,
            cancelDate: NOT_CANCELLED,
            saleID: saleId,
            sticker: "",
            gNumber: order.gNumber,
            srid: order.srid,
          },
        });
      }
    }
    return rows.sort(byChanged);
  });
}

// WB statistics rows (stocks, orders, sales) derived from the world, each with its refresh-slot lastChangeDate.

import type { WbListing } from "../catalog.js";
import { formatMoscow, MINUTE_MS, wbRefreshSlot } from "../clock.js";
import { hashString } from "../random.js";
import type { WbOrder } from "../sales.js";
import type { SimState } from "../state.js";
import { inFeed, type StockCell } from "../stock.js";
import { isCurrent, WB_SALES_AGGREGATED_FROM } from "../vendor-mode.js";
import { spellWarehouse, WB_AGGREGATE_RF } from "../warehouses.js";

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

/**
 * Stock rows of cells the feed lists, sorted by lastChangeDate. Stock changes are stamped with the slot they fall
 * in. Rows of one slot keep the cells' order (a stable sort on the number alone: few distinct slots, so a key
 * comparison would decide nearly every pair).
 */
export function wbStockRows(state: SimState): FeedRow<ReturnType<typeof stockRow>>[] {
  return state.cached("wb.stockRows", () =>
    state.world.stock.wb
      .filter(inFeed)
      .map((cell) => ({
        changed: wbRefreshSlot(cell.lastChange),
        key: `${cell.listing.barcode}|${cell.warehouse.id}`,
        row: stockRow(cell),
      }))
      .sort((a, b) => a.changed - b.changed),
  );
}

interface Money {
  totalPrice: number;
  finishedPrice: number;
  priceWithDisc: number;
}

const slotText = new Map<number, string>();
/** lastChangeDate values are refresh slots, so few distinct texts: memoise them. */
function slotMoscow(ms: number): string {
  let text = slotText.get(ms);
  if (text === undefined) {
    text = formatMoscow(ms);
    if (slotText.size > 100_000) slotText.clear();
    slotText.set(ms, text);
  }
  return text;
}

const spelled = new WeakMap<WbOrder, string>();
function orderWarehouseName(order: WbOrder): string {
  let name = spelled.get(order);
  if (name === undefined) {
    name = spellWarehouse(order.warehouse, hashString(order.srid), SALT_ORDERS);
    spelled.set(order, name);
  }
  return name;
}

/** The fields orders and sales share, built as one literal (object spread over 200k rows is slow). */
function common(order: WbOrder, at: number, changed: number, money: Money, current: boolean) {
  const l = order.listing;
  const p = l.product;
  return {
    date: formatMoscow(at),
    lastChangeDate: slotMoscow(changed),
    // Since 2026-08-15 WB names no shipping warehouse in these rows, only "Склад WB РФ" (current mode).
    warehouseName: current && at >= WB_SALES_AGGREGATED_FROM ? WB_AGGREGATE_RF : orderWarehouseName(order),
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
    totalPrice: money.totalPrice,
    discountPercent: order.discountPercent,
    spp: order.spp,
    finishedPrice: money.finishedPrice,
    priceWithDisc: money.priceWithDisc,
  };
}

type CommonRow = ReturnType<typeof common>;
type OrderRow = CommonRow & {
  isCancel: boolean;
  cancelDate: string;
  sticker: string;
  gNumber: string;
  srid: string;
};
type SaleRow = CommonRow & {
  paymentSaleAmount: number;
  forPay: number;
  saleID: string;
  sticker: string;
  gNumber: string;
  srid: string;
};

/** Order rows visible now: an order shows at its next refresh; a cancellation re-stamps it. */
export function wbOrderRows(state: SimState) {
  const current = isCurrent(state);
  return state.cached(`wb.orderRows.${state.config.mode}`, () => {
    const now = state.world.now();
    const rows: (FeedRow<OrderRow> & { order: WbOrder })[] = [];
    for (const order of state.world.wbOrders) {
      const shown = refreshAfter(order.date);
      if (shown > now) continue;
      const cancelShown = order.cancelAt !== null ? refreshAfter(order.cancelAt) : null;
      const cancelled = cancelShown !== null && cancelShown <= now;
      const changed = cancelled ? cancelShown : shown;
      const row = common(order, order.date, changed, order, current) as OrderRow;
      row.isCancel = cancelled;
      row.cancelDate = cancelled && order.cancelAt !== null ? formatMoscow(order.cancelAt) : NOT_CANCELLED;
      row.sticker = "";
      row.gNumber = order.gNumber;
      row.srid = order.srid;
      rows.push({ changed, key: order.srid, order, row });
    }
    return rows.sort(byChanged);
  });
}

/** Sale (S…) and return (R…) rows visible now, keyed by saleID. */
export function wbSaleRows(state: SimState) {
  const current = isCurrent(state);
  return state.cached(`wb.saleRows.${state.config.mode}`, () => {
    const now = state.world.now();
    const rows: (FeedRow<SaleRow> & { order: WbOrder; kind: "S" | "R" })[] = [];
    for (const order of state.world.wbOrders) {
      const events: ["S" | "R", number | null][] = [
        ["S", order.saleAt],
        ["R", order.returnAt],
      ];
      for (const [kind, at] of events) {
        if (at === null || refreshAfter(at) > now) continue;
        const sign = kind === "S" ? 1 : -1;
        const saleId = kind === "S" ? order.saleId : order.returnId;
        const changed = refreshAfter(at);
        const row = common(
          order,
          at,
          changed,
          {
            totalPrice: sign * order.totalPrice,
            finishedPrice: sign * order.finishedPrice,
            priceWithDisc: sign * order.priceWithDisc,
          },
          current,
        ) as SaleRow;
        row.paymentSaleAmount = sign * Math.round(order.finishedPrice * 0.97);
        row.forPay = sign * order.forPay;
        row.saleID = saleId;
        row.sticker = "";
        row.gNumber = order.gNumber;
        row.srid = order.srid;
        rows.push({ changed, key: saleId, order, kind, row });
      }
    }
    return rows.sort(byChanged);
  });
}

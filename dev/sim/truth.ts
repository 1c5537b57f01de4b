// What the marketplaces "really" hold now (stock per canonical warehouse, every order/sale, warehouse aliases).

import type { Listing, WbListing } from "./catalog.js";
import { listingName } from "./catalog.js";
import { formatMoscow, formatUtc, moscowDay } from "./clock.js";
import { postingStatus, unitsPerOrder } from "./sales.js";
import type { SimState } from "./state.js";
import { inFeed, type StockCell } from "./stock.js";
import { type Marketplace, OZON_WAREHOUSES, WB_WAREHOUSES, warehouseAliases } from "./warehouses.js";
import { NOT_CANCELLED, refreshAfter } from "./wb/feeds.js";

export interface OzonStockTruth {
  marketplace: "ozon";
  article: string;
  sku: number;
  productId: number;
  offerId: string;
  warehouseId: number;
  /** Canonical warehouse name. */
  warehouse: string;
  warehouseType: "fbo" | "fbs";
  available: number;
  reserved: number;
  inTransit: number;
  /** false: the stock feeds leave this row out (sold out and gone); its stock is 0. */
  inFeed: boolean;
}

export interface WbStockTruth {
  marketplace: "wb";
  article: string;
  nmId: number;
  chrtId: number;
  barcode: string;
  techSize: string;
  supplierArticle: string;
  warehouseId: number;
  warehouse: string;
  /** "fbs": the seller's own warehouse (wbSellerStockTruth). */
  warehouseType: "fbo" | "fbs";
  available: number;
  reserved: number;
  inTransit: number;
  inFeed: boolean;
}

export function stockTruth(state: SimState, marketplace: Marketplace): (OzonStockTruth | WbStockTruth)[] {
  if (marketplace === "ozon") {
    return state.world.stock.ozon.map(
      (c): OzonStockTruth => ({
        marketplace: "ozon",
        article: c.listing.product.article,
        sku: c.listing.sku,
        productId: c.listing.productId,
        offerId: c.listing.offerId,
        warehouseId: c.warehouse.id,
        warehouse: c.warehouse.name,
        warehouseType: c.warehouse.type,
        available: c.available,
        reserved: c.reserved,
        inTransit: c.inTransit,
        inFeed: inFeed(c),
      }),
    );
  }
  return state.world.stock.wb.map(wbCellTruth);
}

/** Stock on the seller's own WB warehouses (served by /api/v3/stocks, every cell asked for). */
export function wbSellerStockTruth(state: SimState): WbStockTruth[] {
  return state.world.stock.wbSeller.map(wbCellTruth);
}

function wbCellTruth(c: StockCell<WbListing>): WbStockTruth {
  return {
    marketplace: "wb",
    article: c.listing.product.article,
    nmId: c.listing.nmId,
    chrtId: c.listing.chrtId,
    barcode: c.listing.barcode,
    techSize: c.listing.techSize,
    supplierArticle: c.listing.supplierArticle,
    warehouseId: c.warehouse.id,
    warehouse: c.warehouse.name,
    warehouseType: c.warehouse.type,
    available: c.available,
    reserved: c.reserved,
    inTransit: c.inTransit,
    inFeed: c.warehouse.type === "fbs" || inFeed(c),
  };
}

export interface WbSaleTruth {
  marketplace: "wb";
  kind: "order" | "sale" | "return";
  srid: string;
  /** saleID for sale/return rows (S…/R…); null for orders. */
  saleId: string | null;
  date: string;
  /** Moscow time, as the feed writes it; the row is in the feed once this is not in the future. */
  lastChangeDate: string;
  inFeed: boolean;
  nmId: number;
  barcode: string;
  supplierArticle: string;
  warehouse: string;
  isCancel: boolean;
  cancelDate: string;
  priceWithDisc: number;
}

export interface OzonSaleTruth {
  marketplace: "ozon";
  postingNumber: string;
  sku: number;
  offerId: string;
  quantity: number;
  price: number;
  createdAt: string;
  status: string;
  warehouse: string;
  /** The buyer's region (the posting's delivery cluster, `financial_data.cluster_to`). */
  region: string;
}

export function salesTruth(state: SimState, marketplace: Marketplace): (WbSaleTruth | OzonSaleTruth)[] {
  const now = state.world.now();
  if (marketplace === "ozon") {
    return state.world.ozonPostings
      .filter((p) => p.createdAt <= now)
      .map(
        (p): OzonSaleTruth => ({
          marketplace: "ozon",
          postingNumber: p.postingNumber,
          sku: p.listing.sku,
          offerId: p.listing.offerId,
          quantity: p.quantity,
          price: p.price,
          createdAt: formatUtc(p.createdAt),
          status: postingStatus(p, now),
          warehouse: p.warehouse.name,
          region: p.region.region,
        }),
      );
  }
  const out: WbSaleTruth[] = [];
  for (const o of state.world.wbOrders) {
    if (o.date > now) continue;
    const cancelled = o.cancelAt !== null && o.cancelAt <= now;
    const cancelShown = o.cancelAt !== null && refreshAfter(o.cancelAt) <= now;
    const base = {
      marketplace: "wb" as const,
      srid: o.srid,
      nmId: o.listing.nmId,
      barcode: o.listing.barcode,
      supplierArticle: o.listing.supplierArticle,
      warehouse: o.warehouse.name,
    };
    const shown = refreshAfter(o.date);
    out.push({
      ...base,
      kind: "order",
      saleId: null,
      date: formatMoscow(o.date),
      lastChangeDate: formatMoscow(cancelShown && o.cancelAt !== null ? refreshAfter(o.cancelAt) : shown),
      inFeed: shown <= now,
      isCancel: cancelled,
      cancelDate: cancelled && o.cancelAt !== null ? formatMoscow(o.cancelAt) : NOT_CANCELLED,
      priceWithDisc: o.priceWithDisc,
    });
    const events: ["sale" | "return", number | null, string][] = [
      ["sale", o.saleAt, o.saleId],
      ["return", o.returnAt, o.returnId],
    ];
    for (const [kind, at, saleId] of events) {
      if (at === null || at > now) continue;
      out.push({
        ...base,
        kind,
        saleId,
        date: formatMoscow(at),
        lastChangeDate: formatMoscow(refreshAfter(at)),
        inFeed: refreshAfter(at) <= now,
        isCancel: false,
        cancelDate: NOT_CANCELLED,
        priceWithDisc: kind === "sale" ? o.priceWithDisc : -o.priceWithDisc,
      });
    }
  }
  return out;
}

export function warehousesTruth() {
  return {
    canonical: [...OZON_WAREHOUSES, ...WB_WAREHOUSES].map(({ variants: _variants, ...w }) => w),
    aliases: warehouseAliases(),
  };
}

export function listingsTruth(state: SimState, marketplace: Marketplace) {
  if (marketplace === "ozon") {
    return state.world.catalog.ozon.map((l) => ({
      marketplace,
      article: l.product.article,
      sku: l.sku,
      productId: l.productId,
      offerId: l.offerId,
      name: listingName(l),
      size: l.size,
      category: l.product.category,
      brand: l.product.brand,
      priceRub: l.product.priceRub,
      profile: l.profile,
      velocity: l.velocity,
      archived: l.archived,
    }));
  }
  return state.world.catalog.wb.map((l) => ({
    marketplace,
    article: l.product.article,
    nmId: l.nmId,
    chrtId: l.chrtId,
    barcode: l.barcode,
    techSize: l.techSize,
    supplierArticle: l.supplierArticle,
    name: listingName(l),
    category: l.product.category,
    brand: l.product.brand,
    priceRub: l.product.priceRub,
    profile: l.profile,
    velocity: l.velocity,
  }));
}

export interface DemandTruth {
  marketplace: Marketplace;
  article: string;
  /** Ozon sku or WB nmId. */
  sku: number;
  /** WB chrtId (one per size); null on Ozon, where the sku is the size. */
  chrtId: number | null;
  /** The rate buyers order at, units a day on average over a week (weekdays vary around it). */
  demandPerDay: number;
  /** Orders lost while every warehouse of the listing was sold out, per Moscow day. */
  lostOrdersByDay: Record<string, number>;
  /** Units those lost orders would have carried (their expected size: a lost order never drew one). */
  lostUnits: number;
}

/** Each listing's true demand rate and the demand it lost to stock-outs since the clock started. */
export function demandTruth(state: SimState, marketplace: Marketplace): DemandTruth[] {
  const lost = new Map<Listing, Record<string, number>>();
  for (const order of state.world.lostOrders) {
    if (order.listing.marketplace !== marketplace) continue;
    const byDay = lost.get(order.listing) ?? {};
    const day = moscowDay(order.at);
    byDay[day] = (byDay[day] ?? 0) + 1;
    lost.set(order.listing, byDay);
  }
  const perOrder = unitsPerOrder(marketplace);
  const listings: Listing[] = marketplace === "ozon" ? state.world.catalog.ozon : state.world.catalog.wb;
  return listings.map((l) => {
    const lostOrdersByDay = lost.get(l) ?? {};
    const lostOrders = Object.values(lostOrdersByDay).reduce((sum, n) => sum + n, 0);
    return {
      marketplace,
      article: l.product.article,
      sku: l.marketplace === "ozon" ? l.sku : l.nmId,
      chrtId: l.marketplace === "wb" ? l.chrtId : null,
      demandPerDay: l.velocity * perOrder,
      lostOrdersByDay,
      lostUnits: lostOrders * perOrder,
    };
  });
}

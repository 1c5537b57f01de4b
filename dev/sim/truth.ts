// What the marketplaces "really" hold now (stock per canonical warehouse, every order/sale, warehouse aliases).

import type { WbListing } from "./catalog.js";
import { listingName } from "./catalog.js";
import { formatMoscow, formatUtc } from "./clock.js";
import { postingStatus } from "./sales.js";
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

// Ozon products filtered as /v3/product/list and /v4/product/info/stocks filter them (visibility, offer_id, product_id).

import { z } from "zod";
import type { OzonListing } from "../catalog.js";
import type { SimState } from "../state.js";
import { isCurrent } from "../vendor-mode.js";

export const productFilterSchema = z
  .object({
    visibility: z
      .enum([
        "ALL",
        "VISIBLE",
        "INVISIBLE",
        "EMPTY_STOCK",
        "NOT_MODERATED",
        "MODERATED",
        "DISABLED",
        "STATE_FAILED",
        "READY_TO_SUPPLY",
        "VALIDATION_STATE_PENDING",
        "VALIDATION_STATE_FAIL",
        "VALIDATION_STATE_SUCCESS",
        "TO_SUPPLY",
        "IN_SALE",
        "REMOVED_FROM_SALE",
        "BANNED",
        "OVERPRICED",
        "CRITICALLY_OVERPRICED",
        "EMPTY_BARCODE",
        "BARCODE_EXISTS",
        "QUARANTINE",
        "ARCHIVED",
        "OVERPRICED_WITH_STOCK",
        "PARTIAL_APPROVED",
        "AUTO_ARCHIVED",
        "MANUAL_ARCHIVED",
        "SEASONAL_AUTO_ARCHIVED",
        "VISIBLE_WITH_FBO_STOCK",
      ])
      .default("ALL"),
    offer_id: z.array(z.string()).default([]),
    product_id: z.array(z.union([z.string().regex(/^\d+$/), z.number().int()])).default([]),
  })
  .default({ visibility: "ALL", offer_id: [], product_id: [] });

export type ProductFilter = z.infer<typeof productFilterSchema>;

/** Ozon products sorted by product_id (the order both list endpoints page in). */
export function ozonProductsSorted(state: SimState): OzonListing[] {
  return state.cached("ozon.productsSorted", () =>
    [...state.world.catalog.ozon].sort((a, b) => a.productId - b.productId),
  );
}

export function hasStock(state: SimState, listing: OzonListing, type: "fbo" | "fbs"): boolean {
  return (state.world.stock.ozonByListing[listing.index] ?? []).some(
    (c) => c.warehouse.type === type && c.available + c.reserved > 0,
  );
}

export function filterProducts(state: SimState, filter: ProductFilter): OzonListing[] {
  const offers = new Set(filter.offer_id);
  const ids = new Set(filter.product_id.map(Number));
  return ozonProductsSorted(state).filter((l) => {
    if (offers.size > 0 && !offers.has(l.offerId)) return false;
    if (ids.size > 0 && !ids.has(l.productId)) return false;
    if (filter.visibility.endsWith("ARCHIVED")) return l.archived;
    // Since 2026 "ALL" leaves archived products out (they are read with "ARCHIVED"); legacy mode lists them.
    if (filter.visibility === "ALL") return !l.archived || !isCurrent(state);
    if (filter.visibility === "EMPTY_STOCK")
      return !l.archived && !hasStock(state, l, "fbo") && !hasStock(state, l, "fbs");
    return !l.archived;
  });
}

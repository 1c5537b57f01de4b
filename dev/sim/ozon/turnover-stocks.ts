// POST /v1/analytics/turnover/stocks: per SKU with FBO stock or sales in the last 60 days, Ozon's average daily
// sales (`ads`, 60 days), the FBO stock, days of cover (`idc`) and turnover with their grades; `limit` 1–1000 +
// `offset` (optional when asking by `sku`). The grades follow the simulator's own thresholds (the spec names the
// grades, not the rule): no sales → NOSALES, then by days of cover CRITICAL < 7 ≤ RED < 28 ≤ YELLOW < 60 ≤ GREEN,
// and by turnover days GREEN ≤ 30 < YELLOW ≤ 60 < RED ≤ 90 < CRITICAL.
import { z } from "zod";
import type { OzonListing } from "../catalog.js";
import { listingName } from "../catalog.js";
import { DAY_MS } from "../clock.js";
import { malformRows } from "../malform.js";
import { zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import type { SimState } from "../state.js";
import { ozonErrors } from "./errors.js";
import { ozonFboFeedCells } from "./feeds.js";
import { ozonProductsSorted } from "./products.js";

const requestSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).default(0),
    sku: z.array(z.string().regex(/^\d+$/, "sku must be a decimal string")).optional(),
  })
  .refine((r) => r.sku !== undefined || r.limit !== undefined, { message: "limit: required without sku" });

export interface OzonTurnover {
  sku: number;
  offerId: string;
  name: string;
  ads: number;
  currentStock: number;
  idc: number;
  idcGrade: string;
  turnover: number;
  turnoverGrade: string;
}

function grade(ads: number, days: number): string {
  if (ads <= 0) return "GRADES_NOSALES";
  if (days < 7) return "GRADES_CRITICAL";
  if (days < 28) return "GRADES_RED";
  if (days < 60) return "GRADES_YELLOW";
  return "GRADES_GREEN";
}

/** Turnover the other way round: the fewer days goods take to sell, the better. */
function turnoverGrade(ads: number, days: number): string {
  if (ads <= 0) return "GRADES_NOSALES";
  if (days <= 30) return "GRADES_GREEN";
  if (days <= 60) return "GRADES_YELLOW";
  if (days <= 90) return "GRADES_RED";
  return "GRADES_CRITICAL";
}

/** The report as the simulator's world stands: also the truth the sync is compared with. */
export function ozonTurnover(state: SimState): OzonTurnover[] {
  return state.cached("ozon.turnover", () => {
    const now = state.world.now();
    const units = new Map<number, number>();
    for (const p of state.world.ozonPostings) {
      if (p.createdAt > now || p.createdAt < now - 60 * DAY_MS) continue;
      if (p.cancelAt !== null && p.cancelAt <= now) continue;
      units.set(p.listing.index, (units.get(p.listing.index) ?? 0) + p.quantity);
    }
    const stock = new Map<number, number>();
    for (const c of ozonFboFeedCells(state))
      stock.set(c.listing.index, (stock.get(c.listing.index) ?? 0) + c.available);
    return ozonProductsSorted(state)
      .filter((l: OzonListing) => (units.get(l.index) ?? 0) > 0 || (stock.get(l.index) ?? 0) > 0)
      .map((l) => {
        const ads = Math.round(((units.get(l.index) ?? 0) / 60) * 100) / 100;
        const currentStock = stock.get(l.index) ?? 0;
        const idc = ads > 0 ? Math.round((currentStock / ads) * 10) / 10 : 0;
        // Actual turnover: the days the average stock (here the current one, plus what sold) lasted.
        const turnover = ads > 0 ? Math.round(((currentStock + ads * 30) / 2 / ads) * 10) / 10 : 0;
        return {
          sku: l.sku,
          offerId: l.offerId,
          name: listingName(l),
          ads,
          currentStock,
          idc,
          idcGrade: grade(ads, idc),
          turnover,
          turnoverGrade: turnoverGrade(ads, turnover),
        };
      });
  });
}

export function turnoverStocks(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const { limit, offset, sku } = parsed.data;
  const wanted = sku ? new Set(sku.map(Number)) : null;
  const all = ozonTurnover(call.state).filter((t) => !wanted || wanted.has(t.sku));
  const page = limit === undefined ? all : all.slice(offset, offset + limit);
  let items = page.map((t) => ({
    sku: t.sku,
    offer_id: t.offerId,
    name: t.name,
    ads: t.ads,
    current_stock: t.currentStock,
    idc: t.idc,
    idc_grade: t.idcGrade,
    turnover: t.turnover,
    turnover_grade: t.turnoverGrade,
  }));
  if (call.faults.malformed) items = malformRows(items, call.faults.malformed, call.faults.random);
  return jsonReply({ items });
}

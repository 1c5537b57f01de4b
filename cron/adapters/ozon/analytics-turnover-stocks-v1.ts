// Ozon POST /v1/analytics/turnover/stocks: per SKU, Ozon's days of cover (`idc`), actual turnover in days, their
// grades and the average daily sales (`ads`) as the seller's cabinet shows them (FBO → stock management).
// Paging: `limit` 1–1000 + `offset`; a page shorter than the limit is the last. Budget: 1 request a minute per
// Client-Id (the spec's text), through the client's budget like every other call.
import { z } from "zod";
import type { Cursor, CursorStart, PageContext, RowOutcome } from "../adapter";
import { issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import type { ReportAdapter, ReportPage } from "../report-adapters";
import { ozonPost } from "./ozon-errors";

export const OZON_TURNOVER_STOCKS_V1_ID = "ozon.v1.analytics_turnover_stocks";
/** The spec's maximum page. */
export const TURNOVER_LIMIT = 1000;
export const TURNOVER_BUDGET = { requests: 1, perMs: 60_000 };

/** The spec's grade enum; a value it does not list is kept as sent (and the row still loads). */
export const TURNOVER_GRADES = [
  "GRADES_NONE",
  "GRADES_NOSALES",
  "GRADES_GREEN",
  "GRADES_YELLOW",
  "GRADES_RED",
  "GRADES_CRITICAL",
] as const;

const lenientNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, "expected a number")
    .transform(Number),
]);

const Row = z.object({
  sku: lenientId,
  offer_id: optionalText,
  name: optionalText,
  ads: lenientNumber.nullish().transform((n) => n ?? 0),
  current_stock: lenientCount.nullish().transform((n) => n ?? 0),
  idc: lenientNumber.nullish().transform((n) => n ?? 0),
  idc_grade: z
    .string()
    .nullish()
    .transform((g) => g || "GRADES_NONE"),
  turnover: lenientNumber.nullish().transform((n) => n ?? 0),
  turnover_grade: z
    .string()
    .nullish()
    .transform((g) => g || "GRADES_NONE"),
});

export interface TurnoverRecord {
  sku: number;
  offerId: string;
  name: string;
  /** Average units sold a day (Ozon: over the last 60 days). */
  ads: number;
  currentStock: number;
  /** Days the stock lasts at `ads`. */
  idc: number;
  idcGrade: string;
  /** Actual turnover in days. */
  turnover: number;
  turnoverGrade: string;
}

const ENDPOINT = {
  id: OZON_TURNOVER_STOCKS_V1_ID,
  path: "/v1/analytics/turnover/stocks",
  budget: TURNOVER_BUDGET,
  // Present (null is read as empty): a moved wrapper must not read as a seller without turnover.
  envelope: z.object({ items: z.array(z.unknown()).nullable() }),
  expected: "items",
};

export function readTurnoverRow(raw: unknown): RowOutcome<TurnoverRecord> {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const r = parsed.data;
  return {
    ok: true,
    record: {
      sku: r.sku,
      offerId: r.offer_id,
      name: r.name,
      ads: r.ads,
      currentStock: r.current_stock,
      idc: r.idc,
      idcGrade: r.idc_grade,
      turnover: r.turnover,
      turnoverGrade: r.turnover_grade,
    },
  };
}

export const ozonAnalyticsTurnoverStocksV1: ReportAdapter<TurnoverRecord> = {
  id: OZON_TURNOVER_STOCKS_V1_ID,
  marketplace: "ozon",
  kind: "report",
  firstCursor: (_start: CursorStart): Cursor => ({ offset: 0 }),
  async fetchPage(context: PageContext, cursor: Cursor): Promise<ReportPage<TurnoverRecord>> {
    const offset = typeof cursor.offset === "number" ? cursor.offset : 0;
    const limit = Math.min(TURNOVER_LIMIT, Math.max(1, context.pageLimit ?? TURNOVER_LIMIT));
    const answer = await ozonPost(context, ENDPOINT, { limit, offset });
    const items = answer.items ?? [];
    return {
      rows: items.map(readTurnoverRow),
      next: items.length < limit ? null : { offset: offset + items.length },
      notes: [],
    };
  },
};

// Ozon POST /v1/analytics/data as a sales feed: ordered units and revenue per sku × day (offset paging, 1 request
// a minute, 50 a day without Premium Plus). One record per sku × day, kind "order", external id "analytics:<sku>:<YYYY-MM-DD>", so a re-run
// upserts the day's figures instead of adding to them. It cannot give per-posting detail (no posting numbers,
// statuses or cancellations), warehouses or regions, and only the last 3 months without Premium. Configure it
// per account instead of the FBO postings feed, not beside it (both would count the same orders).
import { z } from "zod";
import {
  type Cursor,
  type CursorStart,
  type Page,
  type PageContext,
  type RowOutcome,
  type SalesAdapter,
  scaledBudget,
} from "../adapter";
import { issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import { lenientMoney } from "../money";
import { nextOffset, offsetWindow } from "../offset-paging";
import type { SalesRecord } from "../sales-record";
import { ozonPost } from "./ozon-errors";
import { ozonListing } from "./ozon-listing";
import type { OzonProduct } from "./product-list-v3";
import { productsBySku, type SkuProducts } from "./products-by-sku";

export const OZON_ANALYTICS_DATA_V1_ID = "ozon.v1.analytics_data";
export const ANALYTICS_DATA_LIMIT = 1000;
/** Offset pages step back by this many rows: rows that shift while the data changes are read twice, not skipped. */
export const ANALYTICS_DATA_OVERLAP = 20;
/** The vendor's documented limit: one request a minute. */
export const ANALYTICS_DATA_BUDGET = { requests: 1, perMs: 60_000 };
/** And 50 requests a day without Premium Plus (Ozon release notes): booked under its own key before each call. */
export const ANALYTICS_DATA_DAILY_BUDGET = { requests: 50, perMs: 86_400_000 };
const DAY_MS = 86_400_000;
/** A full run reads this far back (the vendor keeps 3 months without Premium); an incremental one re-reads
 * this many days before its watermark, since a day's figures grow until the day is over. */
export const ANALYTICS_FULL_DAYS = 90;
export const ANALYTICS_RECHECK_DAYS = 3;

/** The record's key: one per sku × day, stable across runs. */
export const analyticsSaleId = (sku: number, day: string) => `analytics:${sku}:${day}`;

const Dimension = <T extends z.ZodType>(id: T) => z.object({ id, name: optionalText });
const Row = z.object({
  dimensions: z
    .tuple([
      Dimension(lenientId),
      Dimension(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}/, "expected a day YYYY-MM-DD")
          .transform((day) => day.slice(0, 10)),
      ),
    ])
    .rest(z.unknown()),
  metrics: z
    .tuple([
      lenientMoney.pipe(z.number().nonnegative("revenue must not be negative")),
      lenientCount.pipe(z.number().nonnegative("ordered_units must not be negative")),
    ])
    .rest(z.unknown()),
});

const ENDPOINT = {
  id: OZON_ANALYTICS_DATA_V1_ID,
  path: "/v1/analytics/data",
  budget: ANALYTICS_DATA_BUDGET,
  // `data` must be present (null is read as empty): a moved wrapper is a malformed response, not the end.
  envelope: z.object({ result: z.object({ data: z.array(z.unknown()).nullable() }) }),
  expected: "result.data",
};

/** One row as a record; null for a day without ordered units (nothing to record). */
export function readAnalyticsDataRow(raw: unknown, products: SkuProducts): RowOutcome<SalesRecord> | null {
  const parsed = Row.safeParse(raw);
  if (!parsed.success) return { ok: false, raw, reasons: issueReasons(parsed.error) };
  const [sku, day] = parsed.data.dimensions;
  const [revenue, units] = parsed.data.metrics;
  if (units === 0) return null;
  const product: OzonProduct | undefined = products.bySku.get(sku.id);
  if (!product) {
    const partly = products.incomplete ? ` (read only in part: ${products.incomplete})` : "";
    return { ok: false, raw, reasons: [`sku ${sku.id}: not in the seller's product list${partly}`] };
  }
  const metrics = (raw as { metrics: unknown[] }).metrics;
  const drift = ["revenue", "ordered_units"].filter((_, i) => typeof metrics[i] === "string");
  return {
    ok: true,
    record: {
      listing: ozonListing({
        sku: sku.id,
        offerId: product.offerId,
        name: sku.name,
        productId: product.productId,
      }),
      kind: "order",
      externalId: analyticsSaleId(sku.id, day.id),
      // Noon UTC keeps the vendor's day the same calendar day in every organization's time zone.
      occurredAt: `${day.id}T12:00:00.000Z`,
      quantity: units,
      revenue: Math.round(revenue * 100) / 100,
      warehouseName: null,
      region: null,
      status: null,
      lastChangeAt: null,
      cancelledAt: null,
      drift,
    },
  };
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function firstCursor(start: CursorStart): Cursor {
  const earliest = start.nowMs - ANALYTICS_FULL_DAYS * DAY_MS;
  const watermarkMs = start.watermark ? Date.parse(start.watermark) : Number.NaN;
  const fromMs =
    start.kind === "incremental" && !Number.isNaN(watermarkMs)
      ? Math.max(earliest, watermarkMs - ANALYTICS_RECHECK_DAYS * DAY_MS)
      : earliest;
  return { dateFrom: utcDay(fromMs), dateTo: utcDay(start.nowMs), offset: 0 };
}

export const ozonAnalyticsDataV1: SalesAdapter = {
  id: OZON_ANALYTICS_DATA_V1_ID,
  marketplace: "ozon",
  kind: "sales",
  firstCursor,
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>> {
    const dateFrom = String(cursor.dateFrom);
    const dateTo = String(cursor.dateTo);
    const page = offsetWindow(context, cursor, ANALYTICS_DATA_LIMIT, ANALYTICS_DATA_OVERLAP);
    // The day's cap: a spent day is a retryable wait (the queue redelivers the page later), not a 429 storm.
    await context.client.reserve(
      `${OZON_ANALYTICS_DATA_V1_ID}.daily`,
      scaledBudget(ANALYTICS_DATA_DAILY_BUDGET, context.rateScale),
    );
    const answer = await ozonPost(context, ENDPOINT, {
      date_from: dateFrom,
      date_to: dateTo,
      dimension: ["sku", "day"],
      metrics: ["revenue", "ordered_units"],
      limit: page.limit,
      offset: page.offset,
    });
    const data = answer.result.data ?? [];
    // The articles: the rows name only the sku (one product-list walk per page context, none for an empty page).
    const products: SkuProducts = data.length > 0 ? await productsBySku(context) : { bySku: new Map() };
    const rows = data.flatMap((raw) => readAnalyticsDataRow(raw, products) ?? []);
    const next = nextOffset(page, data.length, { dateFrom, dateTo });
    const notes = products.incomplete ? [products.incomplete] : [];
    // Rows are not ordered by day: only the feed's last page moves the watermark (to the range's end, all of it
    // read), or a feed that failed on a later page would start the next incremental run past days it never read.
    const watermark = next === null ? `${dateTo.slice(0, 10)}T00:00:00.000Z` : null;
    return { rows, next, notes, watermark };
  },
};

// Ozon POST /v3/posting/fbo/list: FBO postings by created_at with cursor paging. One record per posting ×
// product (key "<posting_number>:<sku>"). A cursor that repeats or comes back empty while has_next is true
// is replaced by restarting at the last created_at (boundary rows repeat; the loader deduplicates).
import { z } from "zod";
import type { Cursor, CursorStart, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import { eventTime, lenientMoney } from "../money";
import type { SalesRecord } from "../sales-record";
import { ozonPost } from "./ozon-errors";
import { ozonListing } from "./ozon-listing";

export const OZON_POSTING_FBO_V3_ID = "ozon.v3.posting_fbo_list";
/** The spec's maximum page (1–100); the older notes allowed 1000. */
export const FBO_V3_LIMIT = 100;
const DAY_MS = 86_400_000;
/** A full run reads this far back; an incremental one re-reads this much before its watermark (status changes). */
export const OZON_FULL_DAYS = 90;
export const OZON_RECHECK_DAYS = 14;

const Product = z.object({
  sku: lenientId,
  offer_id: optionalText,
  name: optionalText,
  quantity: lenientCount.pipe(z.number().int().positive("expected a positive quantity")),
  price: lenientMoney,
});
const Posting = z.object({
  posting_number: z.string().min(1, "posting_number is empty"),
  status: optionalText,
  created_at: eventTime,
  products: z.array(z.unknown()).min(1, "a posting without products"),
  analytics_data: z
    .object({ region: optionalText, warehouse_name: optionalText })
    .nullish()
    .transform((a) => a ?? { region: "", warehouse_name: "" }),
  financial_data: z
    .object({ cluster_to: optionalText })
    .nullish()
    .transform((f) => f ?? { cluster_to: "" }),
});

/**
 * The sale's region. The spec's `analytics_data` has no `region` (our older notes and the simulator's legacy mode
 * had one); the spec offers `financial_data.cluster_to`, the delivery cluster the buyer is in, which is what a
 * regions report groups by. Both forms are read: `analytics_data.region` when sent, else the cluster.
 */
function saleRegion(p: z.infer<typeof Posting>): string | null {
  return p.analytics_data.region || p.financial_data.cluster_to || null;
}
const ENDPOINT = {
  id: OZON_POSTING_FBO_V3_ID,
  path: "/v3/posting/fbo/list",
  envelope: z.object({
    cursor: z.string().nullish(),
    has_next: z.boolean().nullish(),
    // Present (null is read as empty): a moved wrapper is a malformed response, not the end of the feed.
    postings: z.array(z.unknown()).nullable(),
  }),
  expected: "cursor/postings",
};

export function readPostingRows(raw: unknown): RowOutcome<SalesRecord>[] {
  const posting = Posting.safeParse(raw);
  if (!posting.success) return [{ ok: false, raw, reasons: issueReasons(posting.error) }];
  const p = posting.data;
  const occurredAt = new Date(Date.parse(p.created_at)).toISOString();
  const cancelled = p.status === "cancelled";
  return p.products.map((rawProduct): RowOutcome<SalesRecord> => {
    const product = Product.safeParse(rawProduct);
    if (!product.success) return { ok: false, raw, reasons: issueReasons(product.error) };
    const item = product.data;
    return {
      ok: true,
      record: {
        listing: ozonListing({ sku: item.sku, offerId: item.offer_id, name: item.name }),
        kind: "order",
        externalId: `${p.posting_number}:${item.sku}`,
        occurredAt,
        quantity: item.quantity,
        revenue: Math.round(item.price * item.quantity * 100) / 100,
        warehouseName: p.analytics_data.warehouse_name || null,
        region: saleRegion(p),
        status: p.status || null,
        lastChangeAt: null,
        cancelledAt: cancelled ? occurredAt : null,
        drift: driftedFields(rawProduct, ["sku", "quantity"]),
      },
    };
  });
}

function firstCursor(start: CursorStart): Cursor {
  const watermarkMs = start.watermark ? Date.parse(start.watermark) : Number.NaN;
  const sinceMs =
    start.kind === "incremental" && !Number.isNaN(watermarkMs)
      ? watermarkMs - OZON_RECHECK_DAYS * DAY_MS
      : start.nowMs - OZON_FULL_DAYS * DAY_MS;
  return {
    since: new Date(sinceMs).toISOString(),
    to: new Date(Math.min(start.nowMs + DAY_MS, sinceMs + 364 * DAY_MS)).toISOString(),
    cursor: "",
  };
}

export const ozonPostingFboListV3: SalesAdapter = {
  id: OZON_POSTING_FBO_V3_ID,
  marketplace: "ozon",
  kind: "sales",
  firstCursor,
  async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>> {
    const since = String(cursor.since);
    const to = String(cursor.to);
    const sent = typeof cursor.cursor === "string" ? cursor.cursor : "";
    // As the spec names them: `sort_dir` (not `dir`), `filter.statuses` (empty: every status), limit ≤ 100;
    // financial_data for the region (see saleRegion).
    const answer = await ozonPost(context, ENDPOINT, {
      sort_dir: "ASC",
      filter: { since, to, statuses: [] },
      limit: FBO_V3_LIMIT,
      cursor: sent,
      with: { analytics_data: true, financial_data: true },
    });
    const postings = answer.postings ?? [];
    const rows = postings.flatMap(readPostingRows);
    const stamps = postings
      .map((p) => (p && typeof p === "object" ? (p as { created_at?: unknown }).created_at : null))
      .filter((s): s is string => typeof s === "string" && s < "2100");
    const newest = stamps.reduce<string | null>((max, s) => (max === null || s > max ? s : max), null);
    const notes: string[] = [];
    let next: Cursor | null = null;
    const returned = answer.cursor ?? "";
    if (answer.has_next === true && postings.length > 0) {
      if (returned !== "" && returned !== sent) next = { since, to, cursor: returned };
      else if (newest !== null && newest > since) {
        notes.push(
          `the cursor came back ${returned === "" ? "empty" : "unchanged"}; restarting at ${newest}`,
        );
        next = { since: newest, to, cursor: "" };
      } else notes.push("paging stopped: the cursor cannot move and no newer posting was seen");
    }
    return { rows, next, notes, watermark: newest };
  },
};

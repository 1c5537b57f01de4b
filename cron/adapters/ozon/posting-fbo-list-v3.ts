// Ozon POST /v3/posting/fbo/list: FBO postings by created_at with cursor paging (posting-list-paging.ts). One
// record per posting × product (key "<posting_number>:<sku>").
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { driftedFields, issueReasons, lenientCount, lenientId, optionalText } from "../lenient";
import { eventTime, lenientMoney } from "../money";
import type { SalesRecord } from "../sales-record";
import { ozonListing } from "./ozon-listing";
import { fetchPostingsPage, type PostingList, postingsFirstCursor } from "./posting-list-paging";

export const OZON_POSTING_FBO_V3_ID = "ozon.v3.posting_fbo_list";
export { OZON_FULL_DAYS, OZON_RECHECK_DAYS } from "./posting-list-paging";

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

const FBO_LIST: PostingList = {
  id: OZON_POSTING_FBO_V3_ID,
  path: "/v3/posting/fbo/list",
  timeField: "created_at",
  readRows: (raw) => readPostingRows(raw),
};

export function readPostingRows(raw: unknown): RowOutcome<SalesRecord>[] {
  const posting = Posting.safeParse(raw);
  if (!posting.success) return [{ ok: false, raw, reasons: issueReasons(posting.error) }];
  const p = posting.data;
  return postingRecords(raw, {
    postingNumber: p.posting_number,
    status: p.status,
    at: p.created_at,
    products: p.products,
    warehouseName: p.analytics_data.warehouse_name,
    region: saleRegion(p),
  });
}

/** What a posting of either list says, read: one order record per product ("<posting_number>:<sku>"). */
export interface PostingFields {
  postingNumber: string;
  status: string;
  /** When the posting happened (the list's time field). */
  at: string;
  products: unknown[];
  warehouseName: string;
  region: string | null;
}

export function postingRecords(raw: unknown, p: PostingFields): RowOutcome<SalesRecord>[] {
  const occurredAt = new Date(Date.parse(p.at)).toISOString();
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
        externalId: `${p.postingNumber}:${item.sku}`,
        occurredAt,
        quantity: item.quantity,
        revenue: Math.round(item.price * item.quantity * 100) / 100,
        warehouseName: p.warehouseName || null,
        region: p.region,
        status: p.status || null,
        lastChangeAt: null,
        cancelledAt: cancelled ? occurredAt : null,
        drift: driftedFields(rawProduct, ["sku", "quantity"]),
      },
    };
  });
}

export const ozonPostingFboListV3: SalesAdapter = {
  id: OZON_POSTING_FBO_V3_ID,
  marketplace: "ozon",
  kind: "sales",
  firstCursor: postingsFirstCursor,
  fetchPage: (context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>> =>
    fetchPostingsPage(FBO_LIST, context, cursor),
};

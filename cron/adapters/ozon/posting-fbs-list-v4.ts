// Ozon POST /v4/posting/fbs/list: FBS and rFBS postings (shipped from the seller's own warehouses) by
// in_process_at, with the same cursor paging as the FBO list (posting-list-paging.ts); v3 was switched off on
// 2026-08-31. One record per posting × product ("<posting_number>:<sku>"). The region is the spec's
// `analytics_data.region` (the FBS list has one), else the buyer's cluster `financial_data.cluster_to`.
import { z } from "zod";
import type { Cursor, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { issueReasons, optionalText } from "../lenient";
import { eventTime } from "../money";
import type { SalesRecord } from "../sales-record";
import { postingRecords } from "./posting-fbo-list-v3";
import { fetchPostingsPage, type PostingList, postingsFirstCursor } from "./posting-list-paging";

export const OZON_POSTING_FBS_V4_ID = "ozon.v4.posting_fbs_list";

const Posting = z.object({
  posting_number: z.string().min(1, "posting_number is empty"),
  status: optionalText,
  in_process_at: eventTime,
  products: z.array(z.unknown()).min(1, "a posting without products"),
  analytics_data: z
    .object({ region: optionalText, warehouse: optionalText })
    .nullish()
    .transform((a) => a ?? { region: "", warehouse: "" }),
  financial_data: z
    .object({ cluster_to: optionalText })
    .nullish()
    .transform((f) => f ?? { cluster_to: "" }),
});

export function readFbsPostingRows(raw: unknown): RowOutcome<SalesRecord>[] {
  const posting = Posting.safeParse(raw);
  if (!posting.success) return [{ ok: false, raw, reasons: issueReasons(posting.error) }];
  const p = posting.data;
  return postingRecords(raw, {
    postingNumber: p.posting_number,
    status: p.status,
    at: p.in_process_at,
    products: p.products,
    warehouseName: p.analytics_data.warehouse,
    region: p.analytics_data.region || p.financial_data.cluster_to || null,
  });
}

const FBS_LIST: PostingList = {
  id: OZON_POSTING_FBS_V4_ID,
  path: "/v4/posting/fbs/list",
  timeField: "in_process_at",
  readRows: readFbsPostingRows,
};

export const ozonPostingFbsListV4: SalesAdapter = {
  id: OZON_POSTING_FBS_V4_ID,
  marketplace: "ozon",
  kind: "sales",
  firstCursor: postingsFirstCursor,
  fetchPage: (context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>> =>
    fetchPostingsPage(FBS_LIST, context, cursor),
};

// POST /v3/posting/fbo/list: FBO postings by created_at with cursor paging and has_next; the request as the spec has
// it this month (current mode) or as the older notes had it (legacy mode).

import { z } from "zod";
import { listingName } from "../catalog.js";
import { DAY_MS, formatUtc, parseUtc } from "../clock.js";
import { malformRows } from "../malform.js";
import { decodeCursor, encodeCursor, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { type OzonPosting, postingStatus } from "../sales.js";
import { isCurrent } from "../vendor-mode.js";
import { spellWarehouse } from "../warehouses.js";
import { ozonError, ozonErrors } from "./errors.js";

const withSchema = z
  .object({
    analytics_data: z.boolean().default(false),
    financial_data: z.boolean().default(false),
    legal_info: z.boolean().default(false),
  })
  .default({ analytics_data: false, financial_data: false, legal_info: false });

/**
 * The request as the vendor's spec has it this month: `sort_dir`, a list of `statuses`, `limit` 1–100. Unknown
 * fields are refused, as Ozon's gateway refuses them ("unknown field"), so an old field name fails loudly.
 */
const currentRequest = z.strictObject({
  sort_dir: z.enum(["ASC", "DESC"]).default("ASC"),
  filter: z.strictObject({
    since: z.string().min(1),
    to: z.string().min(1),
    statuses: z.array(z.string()).default([]),
    posting_numbers: z.array(z.string()).max(1000).optional(),
    order_numbers: z.array(z.string()).max(1000).optional(),
  }),
  limit: z.number().int().min(1).max(100),
  cursor: z.string().default(""),
  translit: z.boolean().optional(),
  with: withSchema,
});

/** The older request (legacy mode): `dir`, one `status` string, `limit` up to 1000. */
const legacyRequest = z.object({
  dir: z.enum(["ASC", "DESC", "asc", "desc"]).default("ASC"),
  filter: z.object({ since: z.string().min(1), to: z.string().min(1), status: z.string().default("") }),
  limit: z.number().int().min(1).max(1000),
  cursor: z.string().default(""),
  translit: z.boolean().optional(),
  with: withSchema,
});

export interface FboRequest {
  descending: boolean;
  since: string;
  to: string;
  statuses: string[];
  limit: number;
  cursor: string;
  with: z.infer<typeof withSchema>;
}

function readRequest(body: unknown, current: boolean): FboRequest | Reply {
  if (current) {
    const parsed = currentRequest.safeParse(body);
    if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
    const r = parsed.data;
    const { since, to, statuses } = r.filter;
    return {
      descending: r.sort_dir === "DESC",
      since,
      to,
      statuses,
      limit: r.limit,
      cursor: r.cursor,
      with: r.with,
    };
  }
  const parsed = legacyRequest.safeParse(body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const r = parsed.data;
  const statuses = r.filter.status === "" ? [] : [r.filter.status];
  const descending = r.dir.toUpperCase() === "DESC";
  return {
    descending,
    since: r.filter.since,
    to: r.filter.to,
    statuses,
    limit: r.limit,
    cursor: r.cursor,
    with: r.with,
  };
}

type Key = { t: number; p: string };
const SPELLING_SALT_FBO = 0x77;

/** A posting list's time (FBO: created_at; FBS: in_process_at), its order and its period filter. */
export type PostingTime = (p: OzonPosting) => number;

function compare(a: OzonPosting, b: Key, time: PostingTime): number {
  const t = time(a);
  return t !== b.t ? t - b.t : a.postingNumber < b.p ? -1 : a.postingNumber > b.p ? 1 : 0;
}

function toJson(p: OzonPosting, now: number, request: FboRequest, current: boolean) {
  const cancelled = p.cancelAt !== null && p.cancelAt <= now;
  return {
    order_id: p.orderId,
    order_number: p.postingNumber.split("-")[0],
    posting_number: p.postingNumber,
    status: postingStatus(p, now),
    substatus: "",
    cancel_reason_id: cancelled ? 402 : 0,
    cancellation: cancelled
      ? {
          cancel_reason: "Покупатель отменил заказ",
          cancellation_initiator: "CLIENT",
          cancellation_type: "client",
        }
      : null,
    created_at: formatUtc(p.createdAt),
    in_process_at: formatUtc(p.inProcessAt),
    products: [
      {
        sku: p.listing.sku,
        offer_id: p.listing.offerId,
        name: listingName(p.listing),
        quantity: p.quantity,
        price: { amount: String(p.price), currency: "RUB" },
        digital_codes: [],
        is_marketplace_buyout: false,
      },
    ],
    analytics_data: request.with.analytics_data
      ? {
          // The spec's analytics_data has no region (the older notes had one): legacy mode still sends it.
          ...(current ? {} : { region: p.region.region }),
          city: p.region.city,
          delivery_type: "PVZ",
          is_premium: false,
          payment_type_group_name: "Карты оплаты",
          warehouse_id: p.warehouse.id,
          warehouse_name: spellWarehouse(p.warehouse, p.orderId, SPELLING_SALT_FBO),
          is_legal: false,
        }
      : null,
    financial_data: request.with.financial_data
      ? { cluster_from: p.warehouse.cluster, cluster_to: p.region.region, products: [] }
      : null,
    legal_info: null,
    external_order: { is_external: false, platform_name: "" },
    additional_data: [],
  };
}

const createdAt: PostingTime = (p) => p.createdAt;

export function postingFboList(call: Call): Reply {
  const current = isCurrent(call.state);
  const request = readRequest(call.body, current);
  if ("status" in request) return request;
  // Postings shipped from Ozon's own warehouses: the seller's own (FBS) are in /v4/posting/fbs/list.
  const page = pagePostings(call, request, "fbo", createdAt);
  if ("status" in page) return page;
  let postings = page.postings.map((p) => toJson(p, call.now, request, current));
  if (call.faults.malformed) postings = malformRows(postings, call.faults.malformed, call.faults.random);
  return jsonReply({ cursor: page.cursor, has_next: page.hasNext, postings });
}

/**
 * The postings of one warehouse type ordered by `time` (then posting number), kept per world and rebuilt when
 * postings were added (the list only grows, and a posting's times never change): sorting the whole list for
 * every page made a long walk quadratic and the simulator, not the client, set the benchmark's wall time.
 */
const sortedIndex = new WeakMap<
  OzonPosting[],
  Map<string, { time: PostingTime; length: number; rows: OzonPosting[] }>
>();

function sortedPostings(all: OzonPosting[], type: "fbo" | "fbs", time: PostingTime): OzonPosting[] {
  let byKind = sortedIndex.get(all);
  if (!byKind) {
    byKind = new Map();
    sortedIndex.set(all, byKind);
  }
  const cached = byKind.get(type);
  if (cached && cached.time === time && cached.length === all.length) return cached.rows;
  const rows = all
    .filter((p) => p.warehouse.type === type)
    .sort((a, b) => compare(a, { t: time(b), p: b.postingNumber }, time));
  byKind.set(type, { time, length: all.length, rows });
  return rows;
}

/** The first index in [lo, hi) of `sorted` where `reached` holds (it holds from some index on), else hi. */
function firstWhere(
  sorted: OzonPosting[],
  from: number,
  reached: (p: OzonPosting) => boolean,
  to = sorted.length,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(sorted[mid] as OzonPosting)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One page of the postings of one warehouse type in the request's period, by `time`, with the cursor faults. */
export function pagePostings(
  call: Call,
  request: FboRequest,
  type: "fbo" | "fbs",
  time: PostingTime,
): { postings: OzonPosting[]; cursor: string; hasNext: boolean } | Reply {
  const since = parseUtc(request.since);
  const to = parseUtc(request.to);
  if (since === undefined) return ozonErrors.badRequest("filter.since: invalid date");
  if (to === undefined) return ozonErrors.badRequest("filter.to: invalid date");
  if (to - since > 365 * DAY_MS) return ozonError(400, 3, "PERIOD_IS_TOO_LONG");
  const { descending } = request;
  // The period's postings by time: binary searches in the type's sorted index, then a walk from the cursor over
  // just the page (not a filter and sort of every posting per page, which made a long walk quadratic).
  const sorted = sortedPostings(call.state.world.ozonPostings, type, time);
  const first = firstWhere(sorted, 0, (p) => time(p) >= since);
  const end = firstWhere(sorted, first, (p) => time(p) > to);
  const visible = (p: OzonPosting) =>
    p.createdAt <= call.now &&
    (request.statuses.length === 0 || request.statuses.includes(postingStatus(p, call.now)));
  const step = descending ? -1 : 1;
  let start = descending ? end - 1 : first;
  if (request.cursor !== "") {
    const key = decodeCursor<Key>(request.cursor);
    if (!key || typeof key.t !== "number" || typeof key.p !== "string")
      return ozonErrors.badRequest("cursor: invalid value");
    // The first posting past the cursor's in the list's order.
    start = descending
      ? firstWhere(sorted, first, (p) => compare(p, key, time) >= 0, end) - 1
      : firstWhere(sorted, first, (p) => compare(p, key, time) > 0, end);
  }
  const inWindow = (i: number) => i >= first && i < end;
  // Boundary rows the "repeat boundary" fault sends again, then the page, then whether a posting follows.
  const before: OzonPosting[] = [];
  for (let i = start - step; inWindow(i) && before.length < call.faults.repeatBoundary; i -= step) {
    const p = sorted[i] as OzonPosting;
    if (visible(p)) before.unshift(p);
  }
  const page = before;
  let i = start;
  for (let taken = 0; inWindow(i) && taken < request.limit; i += step) {
    const p = sorted[i] as OzonPosting;
    if (!visible(p)) continue;
    page.push(p);
    taken++;
  }
  let more = false;
  for (; inWindow(i) && !more; i += step) more = visible(sorted[i] as OzonPosting);
  const last = page[page.length - 1];
  let hasNext = more;
  let cursor = hasNext && last ? encodeCursor({ t: time(last), p: last.postingNumber }) : "";
  if (call.faults.repeatCursor && request.cursor !== "") cursor = request.cursor;
  if (call.faults.hasNextFalseWithCursor) {
    hasNext = false;
    if (last) cursor = encodeCursor({ t: time(last), p: last.postingNumber });
  }
  if (call.faults.emptyCursor && hasNext) cursor = "";
  return { postings: page, cursor, hasNext };
}

// POST /v3/posting/fbo/list: FBO postings by created_at with cursor paging and has_next.

import { z } from "zod";
import { listingName } from "../catalog.js";
import { DAY_MS, formatUtc, parseUtc } from "../clock.js";
import { malformRows } from "../malform.js";
import { decodeCursor, encodeCursor, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { type OzonPosting, postingStatus } from "../sales.js";
import { spellWarehouse } from "../warehouses.js";
import { ozonError, ozonErrors } from "./errors.js";

const requestSchema = z.object({
  dir: z.enum(["ASC", "DESC", "asc", "desc"]).default("ASC"),
  filter: z.object({
    since: z.string().min(1),
    to: z.string().min(1),
    status: z.string().default(""),
  }),
  limit: z.number().int().min(1).max(1000),
  cursor: z.string().default(""),
  translit: z.boolean().optional(),
  with: z
    .object({ analytics_data: z.boolean().default(false), financial_data: z.boolean().default(false) })
    .default({ analytics_data: false, financial_data: false }),
});

type Key = { t: number; p: string };
const SPELLING_SALT_FBO = 0x77;

function compare(a: OzonPosting, b: Key): number {
  return a.createdAt !== b.t ? a.createdAt - b.t : a.postingNumber < b.p ? -1 : a.postingNumber > b.p ? 1 : 0;
}

function toJson(p: OzonPosting, now: number, withAnalytics: boolean, withFinancial: boolean) {
  return {
    order_id: p.orderId,
    order_number: p.postingNumber.split("-")[0],
    posting_number: p.postingNumber,
    status: postingStatus(p, now),
    cancel_reason_id: p.cancelAt !== null && p.cancelAt <= now ? 402 : 0,
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
      },
    ],
    analytics_data: withAnalytics
      ? {
          region: p.region.region,
          city: p.region.city,
          delivery_type: "PVZ",
          is_premium: false,
          payment_type_group_name: "Карты оплаты",
          warehouse_id: p.warehouse.id,
          warehouse_name: spellWarehouse(p.warehouse, p.orderId, SPELLING_SALT_FBO),
          is_legal: false,
        }
      : null,
    financial_data: withFinancial
      ? { cluster_from: p.warehouse.cluster, cluster_to: p.region.region, products: [] }
      : null,
    additional_data: [],
  };
}

export function postingFboList(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const request = parsed.data;
  const since = parseUtc(request.filter.since);
  const to = parseUtc(request.filter.to);
  if (since === undefined) return ozonErrors.badRequest("filter.since: invalid date");
  if (to === undefined) return ozonErrors.badRequest("filter.to: invalid date");
  if (to - since > 365 * DAY_MS) return ozonError(400, 3, "PERIOD_IS_TOO_LONG");
  const descending = request.dir.toUpperCase() === "DESC";
  let rows = call.state.world.ozonPostings.filter(
    (p) =>
      p.createdAt >= since &&
      p.createdAt <= to &&
      p.createdAt <= call.now &&
      (request.filter.status === "" || postingStatus(p, call.now) === request.filter.status),
  );
  rows.sort((a, b) => compare(a, { t: b.createdAt, p: b.postingNumber }));
  if (descending) rows = rows.reverse();
  let start = 0;
  if (request.cursor !== "") {
    const key = decodeCursor<Key>(request.cursor);
    if (!key || typeof key.t !== "number" || typeof key.p !== "string")
      return ozonErrors.badRequest("cursor: invalid value");
    start = rows.findIndex((p) => (descending ? compare(p, key) < 0 : compare(p, key) > 0));
    if (start < 0) start = rows.length;
  }
  const from = Math.max(0, start - call.faults.repeatBoundary);
  const page = rows.slice(from, start + request.limit);
  const last = page[page.length - 1];
  let hasNext = start + request.limit < rows.length;
  let cursor = hasNext && last ? encodeCursor({ t: last.createdAt, p: last.postingNumber }) : "";
  if (call.faults.repeatCursor && request.cursor !== "") cursor = request.cursor;
  if (call.faults.hasNextFalseWithCursor) {
    hasNext = false;
    if (last) cursor = encodeCursor({ t: last.createdAt, p: last.postingNumber });
  }
  if (call.faults.emptyCursor && hasNext) cursor = "";
  let postings = page.map((p) =>
    toJson(p, call.now, request.with.analytics_data, request.with.financial_data),
  );
  if (call.faults.malformed) postings = malformRows(postings, call.faults.malformed, call.faults.random);
  return jsonReply({ cursor, has_next: hasNext, postings });
}

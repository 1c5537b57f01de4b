// POST /v4/posting/fbs/list: postings shipped from the seller's own (FBS) warehouses, by in_process_at, with the
// FBO list's cursor paging; the request as the spec names it (unknown fields refused, as Ozon's gateway does).
import { z } from "zod";
import { listingName } from "../catalog.js";
import { formatUtc } from "../clock.js";
import { malformRows } from "../malform.js";
import { zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { type OzonPosting, postingStatus } from "../sales.js";
import { ozonErrors } from "./errors.js";
import { type FboRequest, type PostingTime, pagePostings } from "./posting-fbo-list.js";

const ids = z.array(z.union([z.string(), z.number()])).max(1000);
const requestSchema = z.strictObject({
  // The spec's enum is ASC/DESC; its own example sends "asc": both are taken.
  sort_dir: z.enum(["ASC", "DESC", "asc", "desc"]).default("ASC"),
  filter: z.strictObject({
    since: z.string().min(1),
    to: z.string().min(1),
    statuses: z.array(z.string()).default([]),
    warehouse_ids: ids.optional(),
    delivery_method_ids: ids.optional(),
    provider_ids: ids.optional(),
    order_id: z.number().int().optional(),
    order_numbers: z.array(z.string()).max(100).optional(),
    integration_type_flow: z.array(z.string()).optional(),
    is_blr_traceable: z.boolean().optional(),
    last_changed_status_date: z.strictObject({ from: z.string(), to: z.string() }).partial().optional(),
  }),
  limit: z.number().int().min(1).max(100),
  cursor: z.string().default(""),
  translit: z.boolean().optional(),
  with: z
    .strictObject({
      analytics_data: z.boolean().default(false),
      barcodes: z.boolean().default(false),
      financial_data: z.boolean().default(false),
      legal_info: z.boolean().default(false),
    })
    .default({ analytics_data: false, barcodes: false, financial_data: false, legal_info: false }),
});

const inProcessAt: PostingTime = (p) => p.inProcessAt;

function toJson(p: OzonPosting, now: number, withAnalytics: boolean, withFinancial: boolean) {
  const cancelled = p.cancelAt !== null && p.cancelAt <= now;
  return {
    posting_number: p.postingNumber,
    order_id: p.orderId,
    order_number: p.postingNumber.split("-").slice(0, 2).join("-"),
    status: postingStatus(p, now),
    substatus: "",
    delivery_schema: "fbs",
    in_process_at: formatUtc(p.inProcessAt),
    shipment_date: formatUtc(p.inProcessAt + 86_400_000),
    delivery_method: {
      id: p.warehouse.id,
      name: `Доставка Ozon, ${p.warehouse.name}`,
      warehouse: p.warehouse.name,
      warehouse_id: p.warehouse.id,
      tpl_provider: "Доставка Ozon",
      tpl_provider_id: 24,
    },
    products: [
      {
        sku: p.listing.sku,
        offer_id: p.listing.offerId,
        name: listingName(p.listing),
        quantity: p.quantity,
        price: { amount: String(p.price), currency: "RUB" },
        is_marketplace_buyout: false,
      },
    ],
    analytics_data: withAnalytics
      ? {
          region: p.region.region,
          city: p.region.city,
          delivery_type: "PVZ",
          is_premium: false,
          payment_type_group_name: "Карты оплаты",
          warehouse: p.warehouse.name,
          warehouse_id: p.warehouse.id,
          is_legal: false,
        }
      : null,
    financial_data: withFinancial
      ? { cluster_from: p.warehouse.cluster, cluster_to: p.region.region, products: [] }
      : null,
    cancellation: {
      cancel_reason_id: cancelled ? 402 : 0,
      cancel_reason: cancelled ? "Покупатель отменил заказ" : "",
      cancellation_initiator: cancelled ? "CLIENT" : "",
      cancellation_type: cancelled ? "client" : "",
      cancelled_after_ship: false,
      affect_cancellation_rating: false,
    },
    external_order: { is_external: false, platform_name: "" },
  };
}

export function postingFbsList(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const r = parsed.data;
  const request: FboRequest = {
    descending: r.sort_dir.toUpperCase() === "DESC",
    since: r.filter.since,
    to: r.filter.to,
    statuses: r.filter.statuses,
    limit: r.limit,
    cursor: r.cursor,
    with: { analytics_data: r.with.analytics_data, financial_data: r.with.financial_data, legal_info: false },
  };
  const page = pagePostings(call, request, "fbs", inProcessAt);
  if ("status" in page) return page;
  let postings = page.postings.map((p) => toJson(p, call.now, r.with.analytics_data, r.with.financial_data));
  if (call.faults.malformed) postings = malformRows(postings, call.faults.malformed, call.faults.random);
  return jsonReply({ cursor: page.cursor, has_next: page.hasNext, postings });
}

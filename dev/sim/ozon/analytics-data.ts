// POST /v1/analytics/data: revenue and units by sku/day/week/month from the postings, offset paging, 1 request/minute
// and (current mode, without Premium Plus) 50 requests a day.

import { z } from "zod";
import { listingName } from "../catalog.js";
import { DAY_MS, formatUtc, parseUtc, utcDay } from "../clock.js";
import { malformRows } from "../malform.js";
import { offsetSlice, zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import type { OzonPosting } from "../sales.js";
import { isCurrent } from "../vendor-mode.js";
import { ozonError, ozonErrors } from "./errors.js";

const DIMENSIONS = ["sku", "day", "week", "month"] as const;
const METRICS = ["revenue", "ordered_units", "delivered_units", "cancellations", "returns"] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Metric = (typeof METRICS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const requestSchema = z.object({
  date_from: day,
  date_to: day,
  dimension: z.array(z.enum(DIMENSIONS)).min(1),
  metrics: z.array(z.enum(METRICS)).min(1).max(14),
  limit: z.number().int().min(1).max(1000),
  offset: z.number().int().min(0).default(0),
  filters: z.array(z.unknown()).optional(),
  sort: z.array(z.unknown()).optional(),
});

function dimensionValue(posting: OzonPosting, dimension: Dimension): { id: string; name: string } {
  switch (dimension) {
    case "sku":
      return { id: String(posting.listing.sku), name: listingName(posting.listing) };
    case "day":
      return { id: utcDay(posting.createdAt), name: "" };
    case "week": {
      const date = new Date(posting.createdAt);
      const monday =
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
        ((date.getUTCDay() + 6) % 7) * DAY_MS;
      return { id: utcDay(monday), name: "" };
    }
    case "month":
      return { id: utcDay(posting.createdAt).slice(0, 7), name: "" };
  }
}

function metricValue(posting: OzonPosting, metric: Metric, now: number): number {
  const cancelled = posting.cancelAt !== null && posting.cancelAt <= now;
  switch (metric) {
    case "revenue":
      return posting.price * posting.quantity;
    case "ordered_units":
      return posting.quantity;
    case "delivered_units":
      return posting.deliverAt !== null && posting.deliverAt <= now ? posting.quantity : 0;
    case "cancellations":
      return cancelled ? posting.quantity : 0;
    case "returns":
      return 0;
  }
}

/**
 * Without Premium Plus the vendor allows a seller 50 requests a day (O2 release notes; modelled in current mode,
 * counted per Client-Id and simulated UTC day, a spent day answering 429 with the vendor's body).
 */
function overDailyCap(call: Call): boolean {
  const cap = call.state.config.ozonAnalyticsDailyRequests;
  if (cap === null || !isCurrent(call.state)) return false;
  const key = `${call.endpoint}:${call.principal}:${utcDay(call.now)}`;
  const used = call.state.dailyRequests.get(key) ?? 0;
  if (used >= cap) return true;
  call.state.dailyRequests.set(key, used + 1);
  return false;
}

export function analyticsData(call: Call): Reply {
  if (overDailyCap(call))
    return ozonError(429, 8, "You have reached the daily request limit for this method");
  const parsed = requestSchema.safeParse(call.body);
  if (!parsed.success) return ozonErrors.badRequest(zodMessage(parsed.error));
  const request = parsed.data;
  const from = parseUtc(request.date_from) ?? 0;
  const to = (parseUtc(request.date_to) ?? 0) + DAY_MS;
  if (to <= from) return ozonErrors.badRequest("date_to: must not be before date_from");
  const earliest = Date.parse(
    `${utcDay(call.now - call.state.config.ozonAnalyticsMaxDays * DAY_MS)}T00:00:00Z`,
  );
  if (from < earliest) {
    return ozonErrors.badRequest(
      `date_from: without Premium, data is available only from ${utcDay(earliest)} (the last 3 months)`,
    );
  }
  const groups = new Map<string, { dimensions: { id: string; name: string }[]; metrics: number[] }>();
  for (const posting of call.state.world.ozonPostings) {
    if (posting.createdAt < from || posting.createdAt >= to || posting.createdAt > call.now) continue;
    const dimensions = request.dimension.map((d) => dimensionValue(posting, d));
    const key = dimensions.map((d) => d.id).join("|");
    const group = groups.get(key) ?? { dimensions, metrics: request.metrics.map(() => 0) };
    request.metrics.forEach((m, i) => {
      group.metrics[i] = (group.metrics[i] ?? 0) + metricValue(posting, m, call.now);
    });
    groups.set(key, group);
  }
  const all = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  const totals = request.metrics.map((_, i) => all.reduce((sum, g) => sum + (g.metrics[i] ?? 0), 0));
  let data = offsetSlice(all, request.offset, request.limit, call.faults.shiftBy);
  if (call.faults.malformed) data = malformRows(data, call.faults.malformed, call.faults.random);
  return jsonReply({
    result: { data, totals },
    timestamp: formatUtc(call.now).replace("T", " ").slice(0, 19),
  });
}

// The daily digest, sent by the health-check cron (every 15 minutes) to each organization whose local hour is its
// digest hour: what to order today (the recommendations' own reorder rule and quantities), what ran out since the
// previous digest, and the roubles lost yesterday to stock-outs (domain/lost-sales.ts). Once per organization and
// local date: the first cron of the hour claims the date in the statement that queues the digest, so a cron
// firing twice, or four times in the hour, sends one. Times come from the caller (the cron's scheduled time).
import type { SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  claimDigestSql,
  digestClaimedSql,
  digestOrganizationsSql,
  lostSalesDaysSql,
  outOfStockSql,
  previousOutOfStockSql,
  unitPricesSql,
} from "../../db/queries/digest";
import { productRecommendationInputs } from "../../db/queries/recommendations";
import type { DemandDay } from "../../domain/forecast";
import { lostOnLastDay, lostRevenue } from "../../domain/lost-sales";
import { reorderNumbers } from "../../domain/replenishment";
import type { AlertQueue } from "./evaluate-run";
import { localDateHour } from "./local-time";
import type { DigestPayload } from "./payload";

/** Products listed under "order today" (the message says how many more). */
const ORDER_LISTED = 20;

type Row = Record<string, unknown>;

async function rows(db: Database, query: SQL): Promise<Row[]> {
  return (await db.execute(query)).rows as Row[];
}

export interface DigestOutcome {
  orgId: string;
  localDate: string;
  deliveries: number;
}

/** Sends the digests due at `nowMs`; a failing organization is logged and the others still get theirs. */
export async function sendDailyDigests(
  db: Database,
  queue: AlertQueue,
  nowMs: number,
): Promise<DigestOutcome[]> {
  const sent: DigestOutcome[] = [];
  for (const org of await rows(db, digestOrganizationsSql())) {
    const orgId = String(org.org_id);
    try {
      const { date, hour } = localDateHour(nowMs, String(org.time_zone));
      if (hour !== Number(org.digest_hour)) continue;
      if ((await rows(db, digestClaimedSql(orgId, date))).length > 0) continue;
      const { payload, outOfStock } = await composeDigest(db, org, date);
      const queued = await rows(db, claimDigestSql(orgId, date, outOfStock, payload));
      if (queued.length > 0)
        await queue.sendBatch(queued.map((q) => ({ body: { deliveryId: String(q.id) } })));
      sent.push({ orgId, localDate: date, deliveries: queued.length });
    } catch (error) {
      console.error(JSON.stringify({ level: "error", job: "daily-digest", orgId, error: String(error) }));
    }
  }
  return sent;
}

async function composeDigest(
  db: Database,
  org: Row,
  date: string,
): Promise<{ payload: Omit<DigestPayload, "runId">; outOfStock: number[] }> {
  const orgId = String(org.org_id);
  const settings = {
    leadTimeDays: Number(org.lead_time_days),
    safetyStockDays: Number(org.safety_stock_days),
    targetCoverDays: Number(org.target_cover_days),
    velocityWindowDays: Number(org.velocity_window_days),
  };
  const [reorder, out, previous, days, prices] = await Promise.all([
    productRecommendationInputs(db, {
      orgId,
      ...settings,
      onlyReorder: true,
      offset: 0,
      limit: ORDER_LISTED,
    }),
    rows(db, outOfStockSql(orgId)),
    rows(db, previousOutOfStockSql(orgId, date)),
    rows(db, lostSalesDaysSql(orgId, date)),
    rows(db, unitPricesSql(orgId)),
  ]);
  const order = reorder.map((line) => ({
    article: line.article,
    name: line.name,
    quantity: reorderNumbers({
      available: Number(line.available),
      inTransit: Number(line.in_transit),
      velocity: Number(line.velocity),
      ...settings,
    }).suggestedQuantity,
  }));
  const before = new Set(previous.map((p) => Number(p.product_id)));
  const ranOut = out
    .filter((p) => !before.has(Number(p.product_id)))
    .map((p) => ({ article: String(p.article), name: String(p.name) }));
  return {
    payload: {
      rule: "daily_digest",
      date,
      order: { total: Number(reorder[0]?.total_count ?? 0), products: order },
      ranOut,
      lostYesterdayRub: lostYesterday(days, prices),
    },
    outOfStock: out.map((p) => Number(p.product_id)),
  };
}

/** ₽ lost on the window's last day (yesterday), over every product × warehouse series. */
function lostYesterday(days: Row[], prices: Row[]): number {
  const priceOf = new Map(prices.map((p) => [Number(p.product_id), Number(p.unit_price ?? 0)]));
  const series = new Map<string, { productId: number; days: DemandDay[] }>();
  for (const day of days) {
    const key = `${day.product_id}:${day.warehouse_id}`;
    const entry = series.get(key) ?? { productId: Number(day.product_id), days: [] };
    entry.days.push({ units: Number(day.units), inStock: day.in_stock === true || day.in_stock === "t" });
    series.set(key, entry);
  }
  let rub = 0;
  for (const { productId, days: list } of series.values())
    rub += lostRevenue(lostOnLastDay(list), priceOf.get(productId) ?? 0);
  return Math.round(rub * 100) / 100;
}

// Products whose stock runs out within the lead time (days of cover from the forecast velocity), judged at the
// end of real runs: one message per run naming those whose episode started; a product that is critical at the
// same time is told by product_critical only; none while they stay; one more after they recover and come back.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { db, linkTelegram, runAndSettle, seedAlertOrg, setCriticalMax, telegramMessages } from "./support";

useTestDatabase();

interface Stocked {
  productId: number;
  listingId: number;
  article: string;
  available: number;
}

async function stock(orgId: string): Promise<Stocked[]> {
  const result = await db().execute(sql`select ps.product_id, min(l.id) as listing_id, p.article, ps.available
    from product_summary ps join products p on p.id = ps.product_id join listings l on l.product_id = p.id
    where ps.org_id = ${orgId} group by ps.product_id, p.article, ps.available order by ps.available, p.article`);
  return (result.rows as Record<string, unknown>[]).map((r) => ({
    productId: Number(r.product_id),
    listingId: Number(r.listing_id),
    article: String(r.article),
    available: Number(r.available),
  }));
}

/** Orders of one unit a day over the last 28 days, so the product's forecast velocity is one a day. */
async function sellOneADay(org: { orgId: string; accountId: string }, product: Stocked): Promise<void> {
  await db().execute(sql`insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id,
      product_id, occurred_at, day, quantity, revenue)
    select ${org.orgId}, ${org.accountId}, 'wb', 'order', 'test-' || ${product.productId}::text || '-' || n,
      ${product.listingId}, ${product.productId}, (current_date - n) + time '12:00', current_date - n, 1, 100
    from generate_series(1, 28) as n`);
  // The next run is the day's first for the account: it refreshes every product's summary.
  await db().execute(sql`update marketplace_accounts set snapshot_at = null where id = ${org.accountId}`);
}

async function setLeadTime(orgId: string, leadTimeDays: number): Promise<void> {
  await db().execute(sql`update organizations set lead_time_days = ${leadTimeDays}, safety_stock_days = 0,
      cover_ceiling_days = 100000 where id = ${orgId}`);
}

async function cover(orgId: string, productId: number): Promise<number> {
  const result = await db().execute(sql`select round((available / velocity)::numeric, 1)::float8 as cover
    from product_summary where org_id = ${orgId} and product_id = ${productId} and velocity > 0`);
  return Number((result.rows[0] as { cover: number }).cover);
}

describe("stock-out within the lead time", () => {
  it("names the products once per episode, leaving a critical product to the critical alert", async () => {
    const org = await seedAlertOrg(["product_critical", "stockout_soon"]);
    await setLeadTime(org.orgId, 0);
    expect((await runAndSettle(org)).status).toBe("succeeded");
    // The least stocked product turns critical (silently: no channel yet); two more and the best stocked sell.
    const [critical, a, b, ...rest] = await stock(org.orgId);
    const plenty = rest[rest.length - 1];
    if (!critical || !a || !b || !plenty) throw new Error("the simulator's stock has too few products");
    expect(critical.available).toBeLessThan(a.available);
    await setCriticalMax(org.orgId, critical.available);
    for (const product of [critical, a, b, plenty]) await sellOneADay(org, product);
    await runAndSettle(org);
    const soonest = Math.max(await cover(org.orgId, a.productId), await cover(org.orgId, b.productId));
    expect(await cover(org.orgId, plenty.productId)).toBeGreaterThan(Math.ceil(soonest));
    const { chatId } = await linkTelegram(org.orgId);

    // The lead time reaches a, b and the critical product (critical since the run before), not the best stocked.
    const lead = Math.ceil(soonest);
    await setLeadTime(org.orgId, lead);
    await runAndSettle(org);
    let messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(1);
    const lines = messages[0]?.text.split("\n") ?? [];
    expect(lines[0]).toBe(
      `Running out before a supply arrives (lead time ${lead} ${lead === 1 ? "day" : "days"}): 2 products`,
    );
    expect(lines.slice(1).map((line) => line.split(" ")[1])).toEqual([a.article, b.article]);
    expect(lines[1]).toMatch(new RegExp(`: available ${a.available}, [\\d.]+ days? of cover$`));

    // Still within the lead time: nothing new.
    await runAndSettle(org);
    expect(await telegramMessages(chatId)).toHaveLength(1);

    // Out of the lead time, then within it again: one more message.
    await setLeadTime(org.orgId, 0);
    await runAndSettle(org);
    await setLeadTime(org.orgId, lead);
    await runAndSettle(org);
    messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.text).toBe(messages[0]?.text);
    const log = await db().execute(
      sql`select rule from alert_deliveries where org_id = ${org.orgId} order by created_at`,
    );
    expect(log.rows).toEqual([{ rule: "stockout_soon" }, { rule: "stockout_soon" }]);
  });
});

// The daily digest through the real scheduled handler, alerts queue and Telegram stand-in, at cron times the test
// chooses (never the wall clock): one digest per organization and local day at its digest hour, none outside it
// nor on a second cron in the hour, with what to order, what ran out and the roubles lost yesterday.
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { handleScheduled } from "../../../worker/scheduled";
import { useTestDatabase } from "../../support/worker-database";
import { db, linkTelegram, seedAlertOrg, telegramMessages, until } from "./support";

useTestDatabase();

async function cronAt(iso: string): Promise<void> {
  const ctx = createExecutionContext();
  const controller = createScheduledController({ cron: "*/15 * * * *", scheduledTime: Date.parse(iso) });
  await handleScheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

async function settled(orgId: string): Promise<void> {
  await until("the digests to be delivered", async () => {
    const pending = await db().execute(
      sql`select count(*)::int as n from alert_deliveries where org_id = ${orgId} and status in ('queued', 'failed')`,
    );
    return Number((pending.rows[0] as { n: number }).n) === 0 ? true : null;
  });
}

/** An organization with the digest at 09:00 local in `timeZone`, and its Telegram chat. */
async function digestOrg(timeZone: string) {
  const org = await seedAlertOrg(["daily_digest"]);
  await db().execute(
    sql`update alert_settings set time_zone = ${timeZone}, digest_hour = 9 where org_id = ${org.orgId}`,
  );
  const { chatId } = await linkTelegram(org.orgId);
  return { ...org, chatId };
}

/**
 * A kettle that sold 2 a day at 100 ₽ (its unit price, as finalize stores it) at one warehouse until it ran out the day before `today` (nothing in stock
 * or in transit, velocity 2), and a mug with plenty in stock.
 */
async function seedStock(org: { orgId: string; accountId: string }, today: string): Promise<void> {
  const result = await db().execute(sql`with
      kettle as (insert into products (org_id, article, name) values (${org.orgId}, 'DG-1', 'Kettle') returning id),
      mug as (insert into products (org_id, article, name) values (${org.orgId}, 'DG-2', 'Mug') returning id),
      wh as (insert into warehouses (org_id, marketplace, name) values (${org.orgId}, 'wb', 'Koledino') returning id),
      listing as (insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
        select ${org.orgId}, kettle.id, ${org.accountId}, 'wb', 'kettle', 'Kettle' from kettle returning id, product_id)
    select listing.id as listing_id, listing.product_id as kettle_id, mug.id as mug_id, wh.id as warehouse_id
    from listing, mug, wh`);
  const ids = result.rows[0] as Record<string, number>;
  await db().execute(sql`insert into product_summary (org_id, product_id, available, reserved, in_transit,
      ozon_available, wb_available, warehouse_count, units_sold, revenue, velocity, unit_price, price_source)
    values (${org.orgId}, ${ids.kettle_id}, 0, 0, 0, 0, 0, 0, 54, 5400, 2, 100, 'sales'),
      (${org.orgId}, ${ids.mug_id}, 500, 0, 0, 0, 500, 1, 30, 3000, 1, 100, 'sales')`);
  // Orders of 2 units at 100 ₽ on each of the 27 days before yesterday; none yesterday, when the stock was 0.
  await db().execute(sql`insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id,
      product_id, warehouse_id, occurred_at, day, quantity, revenue)
    select ${org.orgId}, ${org.accountId}, 'wb', 'order', 'digest-' || n, ${ids.listing_id}, ${ids.kettle_id},
      ${ids.warehouse_id}, (${today}::date - n) + time '12:00', ${today}::date - n, 2, 200
    from generate_series(2, 28) as n`);
  await db().execute(sql`insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id,
      marketplace, available, reserved, in_transit)
    values (${org.orgId}, ${today}::date - 2, ${ids.listing_id}, ${ids.warehouse_id}, ${ids.kettle_id}, 'wb', 5, 0, 0),
      (${org.orgId}, ${today}::date - 1, ${ids.listing_id}, ${ids.warehouse_id}, ${ids.kettle_id}, 'wb', 0, 0, 0)`);
}

describe("daily digest", () => {
  it("goes out once per local day at the digest hour with what to order, what ran out and ₽ lost yesterday", async () => {
    const org = await digestOrg("Europe/Moscow");
    await seedStock(org, "2026-01-20");

    // 08:45 in Moscow (UTC+3 all year): not yet.
    await cronAt("2026-01-20T05:45:00Z");
    await settled(org.orgId);
    expect(await telegramMessages(org.chatId)).toEqual([]);

    // 09:00, then the other crons of the hour (one fired twice), then 10:00: one digest.
    for (const at of ["06:00", "06:00", "06:15", "06:45", "07:00"]) await cronAt(`2026-01-20T${at}:00Z`);
    await settled(org.orgId);
    let texts = (await telegramMessages(org.chatId)).map((m) => m.text);
    expect(texts).toEqual([
      [
        "Digest for 2026-01-20",
        "Order today: 1 product",
        "• DG-1 Kettle: 104 units",
        "Ran out since the last digest: 1 product",
        "• DG-1 Kettle",
        "Lost yesterday to stock-outs: 200 ₽",
      ].join("\n"),
    ]);

    // The next day: still to order, nothing new ran out, yesterday lost again.
    await cronAt("2026-01-21T06:00:00Z");
    await settled(org.orgId);
    texts = (await telegramMessages(org.chatId)).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toBe(
      [
        "Digest for 2026-01-21",
        "Order today: 1 product",
        "• DG-1 Kettle: 104 units",
        "Nothing ran out since the last digest",
        "Lost yesterday to stock-outs: 200 ₽",
      ].join("\n"),
    );
    const claims = await db().execute(
      sql`select local_date::text as day from alert_digests where org_id = ${org.orgId} order by local_date`,
    );
    expect(claims.rows).toEqual([{ day: "2026-01-20" }, { day: "2026-01-21" }]);
  });

  it("follows each organization's time zone: 09:00 in Novosibirsk (UTC+7) comes four hours before Moscow's", async () => {
    const moscow = await digestOrg("Europe/Moscow");
    const novosibirsk = await digestOrg("Asia/Novosibirsk");

    await cronAt("2026-07-01T02:00:00Z");
    await settled(novosibirsk.orgId);
    expect((await telegramMessages(novosibirsk.chatId)).map((m) => m.text.split("\n")[0])).toEqual([
      "Digest for 2026-07-01",
    ]);
    expect(await telegramMessages(moscow.chatId)).toEqual([]);

    await cronAt("2026-07-01T06:00:00Z");
    await settled(moscow.orgId);
    expect((await telegramMessages(moscow.chatId)).map((m) => m.text)).toEqual([
      "Digest for 2026-07-01\nOrder today: nothing\nNothing ran out since the last digest\nLost yesterday to stock-outs: 0 ₽",
    ]);
    expect(await telegramMessages(novosibirsk.chatId)).toHaveLength(1);
  });
});

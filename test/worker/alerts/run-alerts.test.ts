// Alerts judged at the end of real runs (queue consumer → finalize → alert rules → alerts queue → Telegram
// stand-in): products that turn critical are told once per episode in one message per run, and a failed run once.
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { db, linkTelegram, runAndSettle, seedAlertOrg, setCriticalMax, telegramMessages } from "./support";

useTestDatabase();

async function availability(orgId: string): Promise<{ article: string; available: number }[]> {
  const result = await db().execute(sql`select p.article, ps.available from product_summary ps
    join products p on p.id = ps.product_id where ps.org_id = ${orgId} order by ps.available, p.article`);
  return (result.rows as { article: string; available: number }[]).map((r) => ({
    article: r.article,
    available: Number(r.available),
  }));
}

describe("product critical alerts", () => {
  it("sends one message naming the products that turned critical, none while they stay, one when they come back", async () => {
    const org = await seedAlertOrg(["product_critical"]);
    // A first run with no channel: learns the stock; products already out of stock are the known state.
    expect((await runAndSettle(org)).status).toBe("succeeded");
    const stock = await availability(org.orgId);
    const positive = stock.filter((p) => p.available > 0);
    // Three products with the least stock above zero, with a gap to the fourth: the critical threshold between.
    let first = 0;
    while (
      positive[first + 3] !== undefined &&
      ((positive[first - 1]?.available ?? 0) >= (positive[first]?.available ?? 0) ||
        (positive[first + 2]?.available ?? 0) >= (positive[first + 3]?.available ?? 0))
    )
      first++;
    const three = positive.slice(first, first + 3);
    expect(three).toHaveLength(3);
    const below = first === 0 ? 0 : (positive[first - 1]?.available ?? 0);
    const threshold = three[2]?.available ?? 0;
    if (below > 0) {
      await setCriticalMax(org.orgId, below);
      await runAndSettle(org);
    }
    const { chatId } = await linkTelegram(org.orgId);

    await setCriticalMax(org.orgId, threshold);
    await runAndSettle(org);
    let messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(1);
    const lines = messages[0]?.text.split("\n") ?? [];
    expect(lines[0]).toBe("Critical stock: 3 products");
    expect(lines.slice(1).map((line) => line.split(" ")[1])).toEqual(three.map((p) => p.article));

    // Still critical: nothing new.
    await runAndSettle(org);
    expect(await telegramMessages(chatId)).toHaveLength(1);

    // Recovered (the threshold back below them), then critical again: one more message.
    await setCriticalMax(org.orgId, below);
    await runAndSettle(org);
    expect(await telegramMessages(chatId)).toHaveLength(1);
    await setCriticalMax(org.orgId, threshold);
    await runAndSettle(org);
    messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.text).toBe(messages[0]?.text);

    const log = await db().execute(
      sql`select status, attempts from alert_deliveries where org_id = ${org.orgId} order by created_at`,
    );
    expect(log.rows).toEqual([
      { status: "sent", attempts: 1 },
      { status: "sent", attempts: 1 },
    ]);
  });
});

describe("run failed alerts", () => {
  it("sends one alert when runs start failing, not again while they keep failing", async () => {
    // The account points at a host that has none of the vendor's endpoints: every request answers 404.
    const org = await seedAlertOrg(["run_failed"], `${env.TELEGRAM_API_BASE}/no-vendor-here`);
    const { chatId } = await linkTelegram(org.orgId);
    expect((await runAndSettle(org)).status).toBe("failed");
    const messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toMatch(/^Sync failed\nAccount: alerts-\w+ wb \(wb\)\nReason: /);
    expect((await runAndSettle(org)).status).toBe("failed");
    expect(await telegramMessages(chatId)).toHaveLength(1);
  });
});

// A run that ends because its lease lapsed (its consumer died) is a failed run: the health-check cron ends it and
// its organization hears about it once, like any run that failed (the cron's time is injected; nothing waits).
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { handleScheduled } from "../../../worker/scheduled";
import { DEFAULT_LEASE_MS } from "../../../worker/sync/lease";
import { useTestDatabase } from "../../support/worker-database";
import { startHeldRun } from "../ingest/hand-queue";
import { db, linkTelegram, seedAlertOrg, telegramMessages, until } from "./support";

useTestDatabase();

async function healthCron(scheduledTime: number): Promise<void> {
  const ctx = createExecutionContext();
  await handleScheduled(createScheduledController({ cron: "*/15 * * * *", scheduledTime }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function deliveriesSettled(orgId: string): Promise<void> {
  await until("the alerts to be delivered", async () => {
    const pending = await db().execute(
      sql`select count(*)::int as n from alert_deliveries where org_id = ${orgId} and status in ('queued', 'failed')`,
    );
    return Number((pending.rows[0] as { n: number }).n) === 0 ? true : null;
  });
}

describe("a run whose lease lapsed", () => {
  it("sends one run-failed alert naming why, and none when the cron comes again", async () => {
    const org = await seedAlertOrg(["run_failed"]);
    const { chatId } = await linkTelegram(org.orgId);
    const start = await startHeldRun(org, "full");
    // Nobody delivers the run's messages: its consumer died. The cron comes after the lease ran out.
    await healthCron(Date.now() + DEFAULT_LEASE_MS + 60_000);
    await deliveriesSettled(org.orgId);
    const messages = await telegramMessages(chatId);
    expect(messages.map((m) => m.text)).toEqual([
      `Sync failed\nAccount: ${(await accountName(org.accountId)) ?? ""} (wb)\nReason: The run stopped renewing its lease (a consumer died); recovered by the coordinator's alarm`,
    ]);
    const log = await db().execute(
      sql`select rule, run_id, status from alert_deliveries where org_id = ${org.orgId}`,
    );
    expect(log.rows).toEqual([{ rule: "run_failed", run_id: start.runId, status: "sent" }]);

    await healthCron(Date.now() + DEFAULT_LEASE_MS + 120_000);
    await deliveriesSettled(org.orgId);
    expect(await telegramMessages(chatId)).toHaveLength(1);
  });

  it("that the coordinator holds no lease for is judged too", async () => {
    const org = await seedAlertOrg(["run_failed"]);
    const { chatId } = await linkTelegram(org.orgId);
    const runId = crypto.randomUUID();
    await db().execute(
      sql`insert into etl_runs (id, org_id, account_id, kind, trigger) values (${runId}, ${org.orgId}, ${org.accountId}, 'full', 'cron')`,
    );
    await healthCron(Date.now());
    await deliveriesSettled(org.orgId);
    const messages = await telegramMessages(chatId);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toMatch(/^Sync failed\n.*\nReason: .*coordinator holds no lease/s);
  });
});

async function accountName(accountId: string): Promise<string | null> {
  const result = await db().execute(sql`select name from marketplace_accounts where id = ${accountId}`);
  return (result.rows[0] as { name: string } | undefined)?.name ?? null;
}

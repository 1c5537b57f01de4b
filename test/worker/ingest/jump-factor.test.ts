// The queued Worker path reads the account's stock jump factor with its run context (the anomaly rule its stock
// pages load with): the stored real as a number, null when the account keeps the default.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadRunContext } from "../../../cron/engine/run-context";
import { batchRunner } from "../../../cron/load/statement-runner";
import { etlRuns, marketplaceAccounts } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { db, seedSimAccount } from "./helpers";

useTestDatabase();

async function runOf(ids: { orgId: string; accountId: string }) {
  const [run] = await db()
    .insert(etlRuns)
    .values({ id: crypto.randomUUID(), ...ids, kind: "full", trigger: "api", status: "failed" })
    .returning({ id: etlRuns.id });
  if (!run) throw new Error("run not created");
  return run.id;
}

describe("the run context's stock jump factor", () => {
  it("is the account's factor, or null for the default", async () => {
    const strict = await seedSimAccount("ozon");
    await db()
      .update(marketplaceAccounts)
      .set({ stockJumpFactor: 2.5 })
      .where(eq(marketplaceAccounts.id, strict.accountId));
    const plain = await seedSimAccount("wb");
    expect(
      (await loadRunContext(batchRunner(db()), env.CREDENTIALS_KEY, await runOf(strict)))?.stockJumpFactor,
    ).toBe(2.5);
    expect(
      (await loadRunContext(batchRunner(db()), env.CREDENTIALS_KEY, await runOf(plain)))?.stockJumpFactor,
    ).toBeNull();
  });
});

// A full then an incremental WB sync through the real queue, coordinator and Neon driver in workerd: after
// each run, stock per listing × warehouse and every order, sale, return and cancellation equal the truth.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { expectTruthLoaded, runRow, seedSimAccount, simulator, syncThroughQueue } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

async function sync(ids: { orgId: string; accountId: string }, kind: "full" | "incremental") {
  return runRow(await syncThroughQueue(ids, kind));
}

describe("WB full then incremental sync through the queue", () => {
  it("ends equal to the truth after each run; the incremental reads only what changed", async () => {
    const ids = await seedSimAccount("wb");
    const full = await sync(ids, "full");
    expect((await expectTruthLoaded("wb", ids.accountId)).size).toBeGreaterThan(100);

    await simulator("/_sim/advance", { method: "POST", body: JSON.stringify({ hours: 20 }) });
    const incremental = await sync(ids, "incremental");
    await expectTruthLoaded("wb", ids.accountId);
    expect(incremental.extracted).toBeLessThan(full.extracted);
  });
});

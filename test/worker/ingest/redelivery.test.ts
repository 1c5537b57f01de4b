// At-least-once delivery: every message of a WB run is delivered by hand twice, the first time dying after the
// page was loaded (the queue refuses the next message; a feed ending while another is open sends none). The redelivery changes nothing, and the run still
// ends equal to the truth with no row loaded twice.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { afterDelay, deliver, type Sent, startHeldRun } from "./hand-queue";
import { expectTruthLoaded, runRow, seedSimAccount, simulator } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";
import { accountSnapshot, duplicatedCreations } from "./snapshot";

useTestDatabase();
useExclusiveSimulator();

describe("a consumer that dies mid-page and is redelivered", () => {
  it("changes nothing on the redelivery, and the run ends equal to the truth", async () => {
    await simulator("/_sim/config", {
      method: "PUT",
      body: JSON.stringify({ pageSize: { wbStocks: 60, wbOrders: 400, wbSales: 300 } }),
    });
    const ids = await seedSimAccount("wb");
    const start = await startHeldRun(ids, "full");
    const queue: Sent[] = [{ body: start, delaySeconds: 0 }];
    let redeliveredPages = 0;
    let loadedPages = 0;
    for (let next = queue.shift(); next; next = queue.shift()) {
      const message = await afterDelay(next);
      const before = await accountSnapshot(ids.accountId, start.runId);
      const dying = await deliver(message, { failSend: true });
      const afterDeath = await accountSnapshot(ids.accountId, start.runId);
      const again = await deliver(message);
      expect(again.retried).toBe(false);
      if (afterDeath.pages.length > before.pages.length) {
        // The page was loaded before the consumer died: the redelivery only hands on the next message. A feed's
        // last page while another feed of the run is still open sends nothing (run-feeds.ts), so nothing died.
        expect(await accountSnapshot(ids.accountId, start.runId)).toEqual(afterDeath);
        if (dying.retried) redeliveredPages++;
        else expect(again.sent).toEqual([]);
        loadedPages++;
      }
      queue.push(...again.sent);
    }
    expect(redeliveredPages).toBeGreaterThan(4);
    const run = await runRow(start.runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.pages_done).toBe(loadedPages);
    await expectTruthLoaded("wb", ids.accountId);
    expect(await duplicatedCreations(ids.accountId)).toBe(0);
  });
});

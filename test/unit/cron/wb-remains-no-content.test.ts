// WB's remains download answers 204 without a body when the report has no rows (documented in the spec): the
// adapter reads that as an empty report, not as a malformed answer.
import { describe, expect, it } from "vitest";
import type { PageContext } from "../../../cron/adapters/adapter";
import { wbWarehouseRemains } from "../../../cron/adapters/wb/warehouse-remains";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../../cron/http/request-gate";

const answers = (url: string): Response => {
  if (url.endsWith("/download")) return new Response(null, { status: 204 });
  if (url.endsWith("/status")) return Response.json({ data: { id: "t-1", status: "done" } });
  return Response.json({ data: { taskId: "t-1" } });
};

describe("WB warehouse-remains download answering 204", () => {
  it("is an empty report: the pass ends with no rows and nothing unread", async () => {
    const context: PageContext = {
      client: new MarketplaceClient({
        gate: new MemoryRequestGate(),
        fetch: (async (url: string) => answers(url)) as unknown as typeof fetch,
        sleep: async () => {},
      }),
      credentials: { wb: { token: "t" } },
      baseUrl: "http://wb.test",
      rateScale: 1_000_000,
      runKind: "full",
    };
    const created = await wbWarehouseRemains.fetchPage(context, wbWarehouseRemains.firstCursor());
    expect(created.next).toMatchObject({ step: "poll", taskId: "t-1" });
    const downloaded = await wbWarehouseRemains.fetchPage(context, created.next ?? {});
    expect(downloaded).toMatchObject({ rows: [], next: null, notes: [] });
    expect(downloaded.incomplete).toBeUndefined();
  });
});

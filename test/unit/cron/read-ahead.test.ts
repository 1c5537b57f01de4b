// A group read ahead is used only by the step at exactly the position it was read from: a successor that differs
// in anything the paging checks carry (a redelivery marked incomplete, another walk, another cursor) reads for
// itself, and a failed read ahead hands the successor nothing rather than an error.
import { describe, expect, it } from "vitest";
import type { SalesRecord } from "../../../cron/adapters/sales-record";
import type { PageGroup } from "../../../cron/engine/page-group";
import { type AnyGroup, ReadAhead } from "../../../cron/engine/read-ahead";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import type { PageMessage } from "../../../cron/messages";

const at: PageMessage = {
  type: "page",
  runId: "7d1c1f4e-2a8b-4c55-9e0e-1f7f0c4b2a11",
  accountId: "0b6a3c2d-4e5f-4a7b-8c9d-0e1f2a3b4c5d",
  kind: "full",
  endpoint: "ozon.v3.posting_fbo_list",
  cursor: { since: "2026-09-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z", cursor: "abc" },
  page: 3,
  deferrals: 0,
  listingIncomplete: false,
  joinKeys: [],
  cursors: ["x.y"],
  walk: 0,
  completeSources: [],
  zeroEndpoints: [],
} as PageMessage;

const group = { rows: [], extracted: 7 } as unknown as PageGroup<SalesRecord>;
const client = () => new MarketplaceClient({ gate: new MemoryRequestGate() });

describe("a group read ahead", () => {
  it("goes to the step at its position, once", async () => {
    const ahead = new ReadAhead();
    ahead.start(at, client(), async () => group as AnyGroup);
    const taken = ahead.take({ ...at, deferrals: 2 });
    expect(await taken?.group).toBe(group);
    expect(ahead.take(at)).toBeNull();
  });

  it.each([
    ["another cursor", { cursor: { ...at.cursor, cursor: "abd" } }],
    ["another walk", { walk: 1 }],
    ["another page", { page: 4 }],
    ["a listing marked incomplete", { listingIncomplete: true }],
    ["other join keys", { joinKeys: ["sale:order|1"] }],
    ["another run", { runId: "8d1c1f4e-2a8b-4c55-9e0e-1f7f0c4b2a11" }],
  ])("is dropped for a successor at %s", (_, change) => {
    const ahead = new ReadAhead();
    ahead.start(at, client(), async () => group as AnyGroup);
    expect(ahead.take({ ...at, ...change } as PageMessage)).toBeNull();
    expect(ahead.take(at)).toBeNull();
  });

  it("that failed hands over nothing, not the error", async () => {
    const ahead = new ReadAhead();
    ahead.start(at, client(), async () => {
      throw new Error("vendor down");
    });
    expect(await ahead.take(at)?.group).toBeNull();
  });
});

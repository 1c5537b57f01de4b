// A page told to come back later for its budget slot gets that slot when it comes back: the gate books a slot
// only for a wait the client sits through, so handing the page back to the queue never pushes it a window on.
import { describe, expect, it } from "vitest";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MarketplaceError } from "../../../cron/http/marketplace-error";
import { EMPTY_GATE_STATE, gateAcquire, MemoryRequestGate } from "../../../cron/http/request-gate";

const ONE_PER_MINUTE = { requests: 1, perMs: 60_000 };
/** The next call's slot: a minute, and the 1.5 s margin for arrival jitter that a minute's window is booked with. */
const NEXT_SLOT = 61_500;
const T0 = 1_000_000;
const request = { method: "GET" as const, url: "http://vendor.test/stocks", headers: {} };
const mapError = (endpoint: string, status: number, text: string) =>
  new MarketplaceError("SERVER_ERROR", text, endpoint, status);

/** A client and gate on one fake clock; sleeping advances it, and every request answers 200. */
function clocked() {
  const clock = { now: T0 };
  const sent: number[] = [];
  const gate = new MemoryRequestGate(() => clock.now);
  const client = new MarketplaceClient({
    gate,
    maxInlineWaitMs: 15_000,
    sleep: async (ms) => {
      clock.now += ms;
    },
    fetch: (async () => {
      sent.push(clock.now);
      return Response.json([]);
    }) as unknown as typeof fetch,
  });
  const call = () =>
    client.call("wb.v1.supplier_stocks", ONE_PER_MINUTE, request, mapError).then(
      () => ({ sentAt: clock.now }),
      (error: unknown) => ({ error: error as MarketplaceError }),
    );
  return { clock, sent, gate, call };
}

describe("a budget wait too long to sit through", () => {
  it("hands the page back with the wait, and the page goes through when it comes back", async () => {
    const { clock, sent, call } = clocked();
    expect(await call()).toEqual({ sentAt: T0 });

    clock.now = T0 + 1_000;
    const deferred = await call();
    expect(deferred).toMatchObject({
      error: { code: "RATE_LIMITED", retryable: true, retryAfterMs: NEXT_SLOT - 1_000 },
    });

    // The queue redelivers the page after the wait it was told: it is sent at once, not told to wait again.
    clock.now = T0 + NEXT_SLOT;
    expect(await call()).toEqual({ sentAt: T0 + NEXT_SLOT });
    expect(sent).toEqual([T0, T0 + NEXT_SLOT]);
  });

  it("a page that comes back many times never waits longer than the budget asks", async () => {
    const { clock, sent, call } = clocked();
    await call();
    // Redeliveries at 1 s, 20 s and 40 s are each told the true remaining wait; the one at the slot is sent.
    for (const at of [1_000, 20_000, 40_000]) {
      clock.now = T0 + at;
      expect(await call()).toMatchObject({ error: { retryAfterMs: NEXT_SLOT - at } });
    }
    clock.now = T0 + NEXT_SLOT;
    expect(await call()).toEqual({ sentAt: T0 + NEXT_SLOT });
    expect(sent).toEqual([T0, T0 + NEXT_SLOT]);
  });

  it("a short wait is still booked and slept through inline", async () => {
    const { clock, sent, call } = clocked();
    await call();
    clock.now = T0 + 50_000;
    expect(await call()).toEqual({ sentAt: T0 + NEXT_SLOT });
    expect(sent).toEqual([T0, T0 + NEXT_SLOT]);
  });
});

describe("gateAcquire", () => {
  it("books the slot only when the wait is within the caller's limit", () => {
    const first = gateAcquire(EMPTY_GATE_STATE, ONE_PER_MINUTE, T0, 15_000);
    expect(first.answer).toEqual({ go: true, waitMs: 0 });
    expect(first.state.budget).toEqual([T0]);

    const tooLong = gateAcquire(first.state, ONE_PER_MINUTE, T0 + 1_000, 15_000);
    expect(tooLong.answer).toEqual({ go: false, reason: "budget-spent", waitMs: NEXT_SLOT - 1_000 });
    expect(tooLong.state).toBe(first.state);

    const inline = gateAcquire(first.state, ONE_PER_MINUTE, T0 + 50_000, 15_000);
    expect(inline.answer).toEqual({ go: true, waitMs: NEXT_SLOT - 50_000 });
    expect(inline.state.budget).toEqual([T0 + NEXT_SLOT]);
  });

  it("without a limit books whatever the wait (the former behaviour, for a caller that sleeps)", () => {
    const first = gateAcquire(EMPTY_GATE_STATE, ONE_PER_MINUTE, T0);
    const second = gateAcquire(first.state, ONE_PER_MINUTE, T0 + 1_000);
    expect(second.answer).toEqual({ go: true, waitMs: NEXT_SLOT - 1_000 });
    expect(second.state.budget).toEqual([T0 + NEXT_SLOT]);
  });
});

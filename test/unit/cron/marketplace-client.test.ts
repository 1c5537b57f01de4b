// The vendor client survives the hard cases: 429 bursts with each vendor's retry headers, 5xx with HTML,
// timeouts; it stays inside the endpoint's budget, opens its circuit, and reports switched-off endpoints.
import { describe, expect, it } from "vitest";
import { backoffDelayMs, vendorRetryDelayMs } from "../../../cron/http/backoff";
import { breakerAfterCall, breakerAllows, CLOSED_BREAKER } from "../../../cron/http/circuit-breaker";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MarketplaceError } from "../../../cron/http/marketplace-error";
import { bookingMarginMs, reserveRequest } from "../../../cron/http/request-budget";
import { MemoryRequestGate } from "../../../cron/http/request-gate";

const statusError = (endpoint: string, status: number, text: string) =>
  new MarketplaceError(
    status === 429
      ? "RATE_LIMITED"
      : status >= 500
        ? "SERVER_ERROR"
        : status === 404
          ? "ENDPOINT_SWITCHED_OFF"
          : "BAD_REQUEST",
    text,
    endpoint,
    status,
  );

function scriptedFetch(answers: Array<() => Response | Promise<Response>>) {
  let calls = 0;
  const fetchFn = (async () => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls++;
    if (!answer) throw new Error("no answer scripted");
    return answer();
  }) as unknown as typeof fetch;
  return { fetchFn, calls: () => calls };
}

function clientWith(
  fetchFn: typeof fetch,
  slept: number[],
  extra: Partial<ConstructorParameters<typeof MarketplaceClient>[0]> = {},
) {
  return new MarketplaceClient({
    fetch: fetchFn,
    gate: new MemoryRequestGate(),
    sleep: async (ms) => void slept.push(ms),
    random: () => 0.5,
    ...extra,
  });
}

const budget = { requests: 1000, perMs: 1000 };
const request = { method: "POST" as const, url: "http://vendor.test/x", headers: {} };

describe("retry delays", () => {
  it("grows exponentially with jitter but never below what the vendor asked", () => {
    const options = { baseMs: 100, maxMs: 10_000 };
    expect(backoffDelayMs(1, null, options, () => 0)).toBe(50);
    expect(backoffDelayMs(4, null, options, () => 0.999)).toBeLessThanOrEqual(800);
    expect(backoffDelayMs(20, null, options, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(backoffDelayMs(1, 7000, options, () => 0)).toBe(7000);
  });

  it("reads WB's X-Ratelimit-Retry and the standard Retry-After (seconds or date)", () => {
    expect(vendorRetryDelayMs(new Headers({ "X-Ratelimit-Retry": "3" }))).toBe(3000);
    expect(vendorRetryDelayMs(new Headers({ "Retry-After": "2" }))).toBe(2000);
    expect(vendorRetryDelayMs(new Headers({ "Retry-After": new Date(10_000).toUTCString() }), 4000)).toBe(
      6000,
    );
    expect(vendorRetryDelayMs(new Headers())).toBeNull();
  });
});

describe("request budget", () => {
  it("never books more than the rule allows in any window", () => {
    const rule = { requests: 3, perMs: 1000 };
    let log: number[] = [];
    const slots: number[] = [];
    for (let i = 0; i < 10; i++) {
      const booking = reserveRequest(log, rule, 0);
      log = booking.log;
      slots.push(booking.atMs);
    }
    for (const slot of slots)
      expect(slots.filter((s) => s > slot - rule.perMs && s <= slot).length).toBeLessThanOrEqual(3);
    expect(slots.slice(0, 3)).toEqual([0, 0, 0]);
    // One window and its 100 ms margin after the call that falls out of it.
    expect(slots.slice(3, 9)).toEqual([1100, 1100, 1100, 2200, 2200, 2200]);
  });

  it("books each slot with a margin over the vendor's window, so a call that arrives late does not crowd the next", () => {
    // The vendor measures its window at arrival: a minute's window is booked 1.5 s apart, 20 s ones 0.5 s.
    expect(bookingMarginMs({ requests: 1, perMs: 60_000 })).toBe(1_500);
    expect(bookingMarginMs({ requests: 50, perMs: 86_400_000 })).toBe(1_500);
    expect(bookingMarginMs({ requests: 1, perMs: 20_000 })).toBe(500);
    expect(bookingMarginMs({ requests: 20, perMs: 1_000 })).toBe(100);
    const minute = { requests: 1, perMs: 60_000 };
    const first = reserveRequest([], minute, 0);
    // Asked exactly a window later, the call still waits out the margin.
    const second = reserveRequest(first.log, minute, 60_000);
    expect([first.atMs, second.atMs]).toEqual([0, 61_500]);
    expect(reserveRequest(second.log, minute, 61_500).atMs).toBe(123_000);
  });
});

describe("circuit breaker", () => {
  it("opens after repeated failures, lets one trial through after the cooldown, closes on success", () => {
    const options = { failureThreshold: 2, cooldownMs: 1000 };
    let state = breakerAfterCall(CLOSED_BREAKER, false, 0, options);
    expect(breakerAllows(state, 0).allowed).toBe(true);
    state = breakerAfterCall(state, false, 10, options);
    expect(breakerAllows(state, 500)).toEqual({ allowed: false, retryAtMs: 1010 });
    expect(breakerAllows(state, 1010)).toEqual({ allowed: true, trial: true });
    const reopened = breakerAfterCall(state, false, 1010, options);
    expect(breakerAllows(reopened, 1500).allowed).toBe(false);
    expect(breakerAfterCall(state, true, 1010, options)).toEqual(CLOSED_BREAKER);
  });
});

describe("marketplace client", () => {
  it("retries a 429 burst and 5xx with an HTML body, then returns the data", async () => {
    const slept: number[] = [];
    const { fetchFn } = scriptedFetch([
      () =>
        new Response('{"errors":["(api-new) too many requests"]}', {
          status: 429,
          headers: { "X-Ratelimit-Retry": "2" },
        }),
      () => new Response("<html>504 Gateway Time-out</html>", { status: 504 }),
      () => Response.json({ rows: [1] }),
    ]);
    const client = clientWith(fetchFn, slept);
    expect(await client.call("wb.stocks", budget, request, statusError)).toEqual({ rows: [1] });
    expect(slept[0]).toBe(2000);
    expect(client.stats).toMatchObject({ requests: 3, failed: 2 });
  });

  it("turns a slow answer into a timeout and gives up after the last attempt", async () => {
    const slow = ((_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener("abort", () =>
          reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
        );
      })) as unknown as typeof fetch;
    const client = clientWith(slow, [], { timeoutMs: 20, maxAttempts: 2 });
    await expect(client.call("ozon.stock", budget, request, statusError)).rejects.toMatchObject({
      code: "TIMEOUT",
    });
    expect(client.stats.requests).toBe(2);
  });

  it("does not retry an endpoint that was switched off", async () => {
    const { fetchFn, calls } = scriptedFetch([() => new Response("404 page not found", { status: 404 })]);
    await expect(
      clientWith(fetchFn, []).call("wb.v1.supplier_stocks", budget, request, statusError),
    ).rejects.toMatchObject({
      code: "ENDPOINT_SWITCHED_OFF",
      retryable: false,
    });
    expect(calls()).toBe(1);
  });

  it("hands a long vendor wait back to the queue instead of sleeping through it", async () => {
    const { fetchFn } = scriptedFetch([
      () => new Response("{}", { status: 429, headers: { "X-Ratelimit-Retry": "60" } }),
    ]);
    await expect(
      clientWith(fetchFn, [], { maxInlineWaitMs: 5000 }).call("wb.orders", budget, request, statusError),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterMs: 60_000,
    });
  });

  it("opens the circuit after repeated failures and refuses further calls", async () => {
    const { fetchFn, calls } = scriptedFetch([() => new Response("down", { status: 503 })]);
    const client = clientWith(fetchFn, [], { maxAttempts: 10 });
    await expect(client.call("ozon.list", budget, request, statusError)).rejects.toMatchObject({
      code: "CIRCUIT_OPEN",
    });
    expect(calls()).toBe(5);
  });
});

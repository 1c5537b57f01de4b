// prefetchPages: pages come out in feed order, no more than `depth` are fetched ahead of the taker, a failed
// fetch reaches the taker and ends the feed, and stop() starts nothing more.
import { describe, expect, it } from "vitest";
import type { Cursor } from "../../../cron/adapters/adapter";
import { prefetchPages } from "../../../cron/pipeline/page-stream";

/** A feed of `count` pages whose fetches resolve only when the test says so; records what was asked. */
function manualFeed(count: number) {
  const asked: number[] = [];
  const pending = new Map<number, () => void>();
  const fetchPage = (cursor: Cursor) => {
    const n = cursor.n as number;
    asked.push(n);
    return new Promise<{ n: number; next: Cursor | null }>((resolve) =>
      pending.set(n, () => resolve({ n, next: n + 1 < count ? { n: n + 1 } : null })),
    );
  };
  const settle = async (n: number) => {
    pending.get(n)?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { asked, fetchPage, settle };
}

describe("prefetchPages", () => {
  it("hands pages out in order and fetches at most depth ahead", async () => {
    const feed = manualFeed(6);
    const stream = prefetchPages({ n: 0 }, feed.fetchPage, (p) => p.next, 2);
    for (const n of [0, 1, 2]) await feed.settle(n);
    expect(feed.asked).toEqual([0, 1]); // two fetched, none taken: the third waits for room
    const taken: number[] = [];
    for (let next = stream.take(); next; next = stream.take()) {
      const page = await next;
      taken.push(page.n);
      await feed.settle(page.n + 1);
      await feed.settle(page.n + 2);
    }
    expect(taken).toEqual([0, 1, 2, 3, 4, 5]);
    expect(feed.asked).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("passes a failed fetch to the taker and fetches nothing after it", async () => {
    let calls = 0;
    const stream = prefetchPages(
      { n: 0 },
      async (cursor) => {
        calls++;
        if (cursor.n === 1) throw new Error("vendor down");
        return { next: { n: (cursor.n as number) + 1 } };
      },
      (page) => page.next,
      3,
    );
    await expect(stream.take()).resolves.toEqual({ next: { n: 1 } });
    await expect(stream.take()).rejects.toThrow("vendor down");
    expect(stream.take()).toBeNull();
    expect(calls).toBe(2);
  });

  it("hands out only pages that have arrived without waiting, in order", async () => {
    const feed = manualFeed(4);
    const stream = prefetchPages({ n: 0 }, feed.fetchPage, (p) => p.next, 3);
    expect(stream.takeArrived()).toBeNull(); // page 0 still in flight
    await feed.settle(0);
    await feed.settle(1);
    expect(stream.takeArrived()?.n).toBe(0);
    expect(stream.takeArrived()?.n).toBe(1);
    expect(stream.takeArrived()).toBeNull(); // page 2 asked for, not arrived
    await feed.settle(2);
    await expect(stream.take()).resolves.toMatchObject({ n: 2 });
    await feed.settle(3);
    expect(stream.takeArrived()?.n).toBe(3);
    expect(stream.take()).toBeNull();
  });

  it("never hands out a failed fetch as arrived", async () => {
    const stream = prefetchPages(
      { n: 0 },
      async () => {
        throw new Error("vendor down");
      },
      () => null,
      3,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.takeArrived()).toBeNull();
    await expect(stream.take()).rejects.toThrow("vendor down");
  });

  it("starts nothing more once stopped", async () => {
    const feed = manualFeed(10);
    const stream = prefetchPages({ n: 0 }, feed.fetchPage, (p) => p.next, 3);
    stream.stop();
    await feed.settle(0);
    expect(feed.asked).toEqual([0]);
    expect(stream.take()).toBeNull();
  });
});

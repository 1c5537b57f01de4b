// Reads a feed's pages ahead of the loads: one fetch at a time (the next cursor comes with each page), up to
// `depth` pages fetched or in flight, handed out in order. Vendor calls and validation then leave the loads'
// critical path; memory stays bounded by the depth. Pages that have already arrived can be taken together,
// so the loader can send them in one round trip.
import type { Cursor } from "../adapters/adapter";

export interface PageStream<T> {
  /** The next page in feed order; null once the feed has ended (or stop() was called). */
  take(): Promise<T> | null;
  /** The next page if it has already arrived (a failed fetch has not), without waiting; else null. */
  takeArrived(): T | null;
  /** No further fetches start (pages already in flight finish and are dropped). */
  stop(): void;
}

interface Slot<T> {
  page: Promise<T>;
  arrived: { value: T } | null;
}

export function prefetchPages<T>(
  first: Cursor | null,
  fetchPage: (cursor: Cursor) => Promise<T>,
  nextOf: (page: T) => Cursor | null,
  depth: number,
): PageStream<T> {
  const ready: Slot<T>[] = [];
  let parked: Cursor | null = null;
  let stopped = false;
  const start = (cursor: Cursor) => {
    const slot: Slot<T> = { page: fetchPage(cursor), arrived: null };
    ready.push(slot);
    slot.page.then(
      (result) => {
        slot.arrived = { value: result };
        const next = nextOf(result);
        if (!next || stopped) return;
        if (ready.length < depth) start(next);
        else parked = next;
      },
      () => undefined, // the taker sees the rejection; nothing is fetched after it
    );
  };
  /** Hands out the head slot and lets a parked fetch start in its place. */
  const shift = (): Slot<T> | null => {
    const head = ready.shift();
    if (!head || stopped) return null;
    if (parked && ready.length < depth) {
      const cursor = parked;
      parked = null;
      start(cursor);
    }
    return head;
  };
  if (first) start(first);
  return {
    take() {
      return shift()?.page ?? null;
    },
    takeArrived() {
      if (!ready[0]?.arrived || stopped) return null;
      return shift()?.arrived?.value ?? null;
    },
    stop() {
      stopped = true;
      parked = null;
      for (const slot of ready) slot.page.catch(() => undefined);
      ready.length = 0;
    },
  };
}

// Reads a feed's pages ahead of the loads: one fetch at a time (the next cursor comes with each page), up to
// `depth` pages fetched or in flight, handed out in order. Vendor calls and validation then leave the loads'
// critical path; memory stays bounded by the depth.
import type { Cursor } from "../adapters/adapter";

export interface PageStream<T> {
  /** The next page in feed order; null once the feed has ended (or stop() was called). */
  take(): Promise<T> | null;
  /** No further fetches start (pages already in flight finish and are dropped). */
  stop(): void;
}

export function prefetchPages<T>(
  first: Cursor | null,
  fetchPage: (cursor: Cursor) => Promise<T>,
  nextOf: (page: T) => Cursor | null,
  depth: number,
): PageStream<T> {
  const ready: Promise<T>[] = [];
  let parked: Cursor | null = null;
  let stopped = false;
  const start = (cursor: Cursor) => {
    const page = fetchPage(cursor);
    ready.push(page);
    page.then(
      (result) => {
        const next = nextOf(result);
        if (!next || stopped) return;
        if (ready.length < depth) start(next);
        else parked = next;
      },
      () => undefined, // the taker sees the rejection; nothing is fetched after it
    );
  };
  if (first) start(first);
  return {
    take() {
      const head = ready.shift();
      if (!head || stopped) return null;
      if (parked && ready.length < depth) {
        const cursor = parked;
        parked = null;
        start(cursor);
      }
      return head;
    },
    stop() {
      stopped = true;
      parked = null;
      for (const page of ready) page.catch(() => undefined);
      ready.length = 0;
    },
  };
}

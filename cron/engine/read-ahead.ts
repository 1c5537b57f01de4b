// Reading a feed's next group while this one loads: a step that will run its successor in the same delivery
// (the step chain, ingest-step.ts) starts fetching the next page of its feed as soon as its own group is read, so
// the vendor's round trips overlap the database's. The successor takes the group only when it is for exactly
// its position (feed, walk, page, cursor and what the paging checks carry); anything else (a redelivery, a
// different successor, an error while reading ahead) is dropped and the successor reads for itself, as without
// reading ahead. Nothing is written ahead: the load, its claim and the hand-on stay in order, one step at a time.
import type { SalesRecord } from "../adapters/sales-record";
import type { StockRecord } from "../adapters/stock-record";
import type { MarketplaceClient } from "../http/marketplace-client";
import type { PageMessage } from "../messages";
import type { PageGroup } from "./page-group";

/**
 * A group is read ahead only after one of at most this many rows: a big vendor page (WB's 80,000 orders) loads
 * alone, never beside the next one in memory.
 */
export const AHEAD_MAX_ROWS = 20_000;

export type AnyGroup = PageGroup<StockRecord> | PageGroup<SalesRecord>;

export interface AheadGroup {
  /** The client that read it (its call counts go to the run log with the page that uses it). */
  client: MarketplaceClient;
  /** The group, or null when reading it failed (the successor then reads for itself and meets the error). */
  group: Promise<AnyGroup | null>;
}

/** The position a group was read from: the successor must be at exactly this one. */
function positionOf(message: PageMessage): string {
  return JSON.stringify([
    message.runId,
    message.endpoint,
    message.walk,
    message.page,
    message.cursor,
    message.joinKeys,
    message.cursors ?? [],
    message.listingIncomplete,
  ]);
}

/** At most one group read ahead, held for one delivery's step chain. */
export class ReadAhead {
  private pending: { position: string; ahead: AheadGroup } | null = null;

  /** Starts reading the group at `next` (replacing any group not taken). */
  start(next: PageMessage, client: MarketplaceClient, read: () => Promise<AnyGroup>): void {
    this.pending = { position: positionOf(next), ahead: { client, group: read().catch(() => null) } };
  }

  /** The group read ahead for `message`'s position, if any; whatever was held is dropped either way. */
  take(message: PageMessage): AheadGroup | null {
    const pending = this.pending;
    this.pending = null;
    return pending && pending.position === positionOf(message) ? pending.ahead : null;
  }
}

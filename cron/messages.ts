// Messages on the ingest queue, validated on the way in: a run starts with a `start` message and then
// moves one page per `page` message. The dead-letter queue receives the same shapes.
import { z } from "zod";

export const StartMessage = z.object({
  type: z.literal("start"),
  runId: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(["full", "incremental"]),
});

/**
 * What the stock pass has established so far, carried from message to message up to finalize. Defaults keep
 * messages sent before these fields existed parseable: such a run zeroes nothing (the next full run does).
 */
const stockProgress = {
  /** Stock sources (an adapter's `source`, e.g. "ozon.fbo") whose whole listing this run read. */
  completeSources: z.array(z.string().min(1)).default([]),
  /** The adapters of those sources: unless every source completed, only cells they wrote may be zeroed. */
  zeroEndpoints: z.array(z.string().min(1)).default([]),
};

export const PageMessage = z.object({
  type: z.literal("page"),
  runId: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(["full", "incremental"]),
  /** Adapter id, e.g. "ozon.v2.stock_on_warehouses". */
  endpoint: z.string().min(1),
  /** The adapter's paging position (offset, cursor, dateFrom...), opaque to the queue. */
  cursor: z.record(z.string(), z.unknown()),
  page: z.number().int().nonnegative(),
  /** Times this page was put back because the vendor's budget asked us to wait (not failures). */
  deferrals: z.number().int().nonnegative().default(0),
  /** An earlier page of this adapter left stock unread or unplaced: its source is not a complete listing. */
  listingIncomplete: z.boolean().default(false),
  /** The rows (their identities) this page must start with: the previous page's overlap (page-join.ts). */
  joinKeys: z.array(z.string()).max(1000).default([]),
  /** Fingerprints of the cursors this walk of the feed has read (cursor-cycle.ts); absent in older messages. */
  cursors: z.array(z.string().max(40)).max(2000).optional(),
  /** Which reading of the feed this page belongs to: 0, then 1 when pages did not join and it is read again. */
  walk: z.number().int().nonnegative().default(0),
  ...stockProgress,
});

/** Sent after the last page of the last endpoint: closes the run (zeroing, snapshot, summaries). */
export const FinalizeMessage = z.object({
  type: z.literal("finalize"),
  runId: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(["full", "incremental"]),
  ...stockProgress,
});

export const IngestMessage = z.discriminatedUnion("type", [StartMessage, PageMessage, FinalizeMessage]);
export type IngestMessage = z.infer<typeof IngestMessage>;
export type PageMessage = z.infer<typeof PageMessage>;
export type FinalizeMessage = z.infer<typeof FinalizeMessage>;

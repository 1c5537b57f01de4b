// Messages on the ingest queue, validated on the way in: a run starts with a `start` message and then
// moves one page per `page` message. The dead-letter queue receives the same shapes.
import { z } from "zod";

export const StartMessage = z.object({
  type: z.literal("start"),
  runId: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(["full", "incremental"]),
});

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
  /** Set once the stock pass has read the whole listing: finalize may zero stock not seen. */
  stockComplete: z.boolean().default(false),
});

/** Sent after the last page of the last endpoint: closes the run (zeroing, snapshot, summaries). */
export const FinalizeMessage = z.object({
  type: z.literal("finalize"),
  runId: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(["full", "incremental"]),
  stockComplete: z.boolean().default(false),
});

export const IngestMessage = z.discriminatedUnion("type", [StartMessage, PageMessage, FinalizeMessage]);
export type IngestMessage = z.infer<typeof IngestMessage>;

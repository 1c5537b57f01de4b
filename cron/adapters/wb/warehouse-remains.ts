// Wildberries warehouse-remains report as a stock adapter: one small step per page (create the task, poll it,
// download the rows and hand them out in slices), so a queued run moves one step per message.
//
// Cursor steps (plain JSON):
//   {step:"create"}                     → creates the task; a page without rows, next: poll
//   {step:"poll", taskId, polls}         → not ready: a page without rows, next: the same poll, polls + 1;
//                                          done: downloads at once and returns the first slice
//   {step:"slice", taskId, offset, total} → downloads the report again and returns the records from offset
// Waiting between polls is the status call's request budget (1 per 5 s, the vendor's rate): the client waits for
// the next slot before polling, so polls never burn the vendor's quota and no page sleeps on its own.
import { z } from "zod";
import { MarketplaceError } from "../../http/marketplace-error";
import type { Cursor, Page, PageContext, RowOutcome, StockAdapter } from "../adapter";
import type { StockRecord } from "../stock-record";
import { mergeSameCells, readRemainsRow } from "./warehouse-remains-rows";
import {
  createRemainsTask,
  downloadRemains,
  REMAINS_CALLS,
  remainsTaskStatus,
  WB_WAREHOUSE_REMAINS_ID,
} from "./warehouse-remains-task";

export { WB_WAREHOUSE_REMAINS_ID } from "./warehouse-remains-task";

/** Polls before the task counts as stuck: 30 minutes at the status rate of 1 per 5 s. */
export const MAX_REMAINS_POLLS = 360;
/** Stock records per page when the account sets no page limit; a larger report is re-downloaded per slice. */
export const REMAINS_PAGE_RECORDS = 100_000;

const RemainsCursor = z.discriminatedUnion("step", [
  z.object({ step: z.literal("create") }),
  z.object({ step: z.literal("poll"), taskId: z.string().min(1), polls: z.number().int().nonnegative() }),
  z.object({
    step: z.literal("slice"),
    taskId: z.string().min(1),
    offset: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
]);
type RemainsCursor = z.infer<typeof RemainsCursor>;

const waiting = (next: RemainsCursor): Page<StockRecord> => ({ rows: [], next, notes: [] });

function sliceSize(context: PageContext): number {
  return Math.max(20, context.pageLimit ?? REMAINS_PAGE_RECORDS);
}

/** The records of the report from `offset`, and the cursor of the next slice (null after the last). */
function slicePage(
  context: PageContext,
  taskId: string,
  outcomes: RowOutcome<StockRecord>[],
  offset: number,
  expectedTotal: number | null,
): Page<StockRecord> {
  const size = sliceSize(context);
  const end = offset + size;
  const next = end < outcomes.length ? { step: "slice", taskId, offset: end, total: outcomes.length } : null;
  const page: Page<StockRecord> = { rows: outcomes.slice(offset, end), next, notes: [] };
  // A row or entry that could not be read (or a cell rejected with it) names no cell the run could keep: stock
  // not seen must not be zeroed, or those cells would read as sold out.
  const unread = page.rows.filter((row) => !row.ok || row.record.available < 0).length;
  if (unread > 0) {
    page.incomplete = `WB warehouse-remains task ${taskId}: ${unread} records of this slice could not be read, so stock not seen is not zeroed`;
    page.notes.push(page.incomplete);
  }
  if (expectedTotal !== null && expectedTotal !== outcomes.length) {
    page.incomplete = `WB warehouse-remains task ${taskId} gave ${outcomes.length} records on a later download, ${expectedTotal} on the first: the slices may overlap or miss records, so stock not seen is not zeroed`;
    page.notes.push(page.incomplete);
  }
  return page;
}

async function poll(context: PageContext, taskId: string, polls: number): Promise<Page<StockRecord>> {
  const status = await remainsTaskStatus(context, taskId);
  if (status === "done")
    return slicePage(
      context,
      taskId,
      mergeSameCells(await downloadRemains(context, taskId, readRemainsRow)),
      0,
      null,
    );
  if (status === "canceled" || status === "purged")
    throw new MarketplaceError(
      "BAD_REQUEST",
      `WB warehouse-remains task ${taskId} ended "${status}" before its report was downloaded; the next run creates a new task`,
      REMAINS_CALLS.status.endpoint,
    );
  if (polls + 1 >= MAX_REMAINS_POLLS)
    throw new MarketplaceError(
      "BAD_REQUEST",
      `WB warehouse-remains task ${taskId} was still "${status}" after ${polls + 1} status polls; the next run creates a new task`,
      REMAINS_CALLS.status.endpoint,
    );
  return waiting({ step: "poll", taskId, polls: polls + 1 });
}

export const wbWarehouseRemains: StockAdapter = {
  id: WB_WAREHOUSE_REMAINS_ID,
  marketplace: "wb",
  kind: "stock",
  // The same stock as supplier/stocks: configured after it, this report replaces it when it is switched off.
  source: "wb.fbo",
  // One report lists every barcode with stock at any WB warehouse, whatever the run's kind.
  listsAllStock: true,
  incrementalListsAll: true,
  firstCursor: () => ({ step: "create" }),
  async fetchPage(context: PageContext, raw: Cursor): Promise<Page<StockRecord>> {
    const parsed = RemainsCursor.safeParse(raw);
    if (!parsed.success)
      throw new Error(`${WB_WAREHOUSE_REMAINS_ID}: unreadable cursor ${JSON.stringify(raw).slice(0, 200)}`);
    const cursor = parsed.data;
    switch (cursor.step) {
      case "create":
        return waiting({ step: "poll", taskId: await createRemainsTask(context), polls: 0 });
      case "poll":
        return poll(context, cursor.taskId, cursor.polls);
      case "slice": {
        const outcomes = mergeSameCells(await downloadRemains(context, cursor.taskId, readRemainsRow));
        return slicePage(context, cursor.taskId, outcomes, cursor.offset, cursor.total);
      }
    }
  },
};

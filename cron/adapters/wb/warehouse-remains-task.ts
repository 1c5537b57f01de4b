// The three calls of WB's asynchronous warehouse-remains report (seller-analytics host): create a task, read
// its status, download its rows. Each call has its own request budget at the vendor's documented rate.
import { z } from "zod";
import { MarketplaceError } from "../../http/marketplace-error";
import type { PageContext } from "../adapter";
import { scaledBudget } from "../adapter";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

export const WB_WAREHOUSE_REMAINS_ID = "wb.v1.warehouse_remains";
const PATH = "/api/v1/warehouse_remains";

/** Budget keys and rules per call: create and download 1 per minute, status 1 per 5 s (burst 5, unused). */
export const REMAINS_CALLS = {
  create: { endpoint: `${WB_WAREHOUSE_REMAINS_ID}.create`, budget: { requests: 1, perMs: 60_000 } },
  status: { endpoint: `${WB_WAREHOUSE_REMAINS_ID}.status`, budget: { requests: 1, perMs: 5_000 } },
  download: { endpoint: `${WB_WAREHOUSE_REMAINS_ID}.download`, budget: { requests: 1, perMs: 60_000 } },
} as const;

/** The download is the array of report rows: streamed row by row, never parsed whole. */
const REPORT_ROWS = { path: [], expected: "array of report rows" } as const;

export type TaskStatus = "new" | "processing" | "done" | "purged" | "canceled";

const Created = z.object({ data: z.object({ taskId: z.string().min(1) }) });
const Status = z.object({
  data: z.object({ status: z.enum(["new", "processing", "done", "purged", "canceled"]) }),
});

/** A 404 on a task's status or download means the task is gone (expired, purged), not the endpoint. */
function taskErrorMapper(taskId: string) {
  return (endpoint: string, status: number, text: string) =>
    status === 404
      ? new MarketplaceError(
          "BAD_REQUEST",
          `WB warehouse-remains task ${taskId} was not found (404): it expired or was purged; the next run creates a new one`,
          endpoint,
          status,
        )
      : mapWbError(endpoint, status, text);
}

function call(context: PageContext, which: keyof typeof REMAINS_CALLS, path: string, taskId?: string) {
  const { endpoint, budget } = REMAINS_CALLS[which];
  return context.client.call(
    endpoint,
    scaledBudget(budget, context.rateScale),
    {
      method: "GET",
      url: wbUrl(context.baseUrl, "analytics", path),
      headers: wbHeaders(context.credentials.wb),
    },
    taskId ? taskErrorMapper(taskId) : mapWbError,
  );
}

/** Asks for a report grouped by nmId and barcode (one row per size's barcode); returns the task id. */
export async function createRemainsTask(context: PageContext): Promise<string> {
  const body = await call(context, "create", `${PATH}?groupByNm=true&groupByBarcode=true`);
  const parsed = Created.safeParse(body);
  if (!parsed.success) throw malformedWbResponse(REMAINS_CALLS.create.endpoint, "data.taskId", body);
  return parsed.data.data.taskId;
}

export async function remainsTaskStatus(context: PageContext, taskId: string): Promise<TaskStatus> {
  const path = `${PATH}/tasks/${encodeURIComponent(taskId)}/status`;
  const body = await call(context, "status", path, taskId);
  const parsed = Status.safeParse(body);
  if (!parsed.success) throw malformedWbResponse(REMAINS_CALLS.status.endpoint, "known data.status", body);
  return parsed.data.data.status;
}

/**
 * The report's rows, each read by `read` as the download streams in (a done task can be downloaded again until the
 * vendor purges it). The spec documents 204 for a report without data: no stock at any WB warehouse, read as an
 * empty report rather than a malformed answer.
 */
export async function downloadRemains<R>(
  context: PageContext,
  taskId: string,
  read: (raw: unknown) => R[],
): Promise<R[]> {
  const { endpoint, budget } = REMAINS_CALLS.download;
  const path = `${PATH}/tasks/${encodeURIComponent(taskId)}/download`;
  let rows: R[] = [];
  const answer = await context.client.callRows(
    endpoint,
    scaledBudget(budget, context.rateScale),
    {
      method: "GET",
      url: wbUrl(context.baseUrl, "analytics", path),
      headers: wbHeaders(context.credentials.wb),
    },
    taskErrorMapper(taskId),
    REPORT_ROWS,
    () => {
      rows = [];
      return (raw) => {
        for (const row of read(raw)) rows.push(row);
      };
    },
  );
  if (answer === null) return [];
  if (answer.rows === 0 && !Array.isArray(answer.small))
    throw malformedWbResponse(endpoint, REPORT_ROWS.expected, answer.small);
  return rows;
}

// The WB statistics sales feeds (orders, sales) as adapters: keyset paging by lastChangeDate, 1 request per
// minute, data kept 90 days. A full run reads the last 90 days; an incremental one starts at its watermark.
import type { Cursor, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import type { SalesRecord } from "../sales-record";
import { keysetStart, keysetStep, moscowDateTime } from "./keyset";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

const BUDGET = { requests: 1, perMs: 60_000 };
export const WB_SALES_DAYS_KEPT = 90;

export function wbSalesFeed(
  id: string,
  path: string,
  read: (raw: unknown) => RowOutcome<SalesRecord>,
): SalesAdapter {
  return {
    id,
    marketplace: "wb",
    kind: "sales",
    firstCursor: (start) => keysetStart(start, moscowDateTime(start.nowMs - WB_SALES_DAYS_KEPT * 86_400_000)),
    async fetchPage(context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>> {
      const dateFrom = typeof cursor.dateFrom === "string" ? cursor.dateFrom : moscowDateTime(Date.now());
      const body = await context.client.call(
        id,
        scaledBudget(BUDGET, context.rateScale),
        {
          method: "GET",
          url: `${wbUrl(context.baseUrl, "statistics", path)}?dateFrom=${encodeURIComponent(dateFrom)}&flag=0`,
          headers: wbHeaders(context.credentials.wb),
        },
        mapWbError,
      );
      if (!Array.isArray(body)) throw malformedWbResponse(id, "array of rows", body);
      const step = keysetStep(body, dateFrom);
      return { rows: body.map(read), next: step.next, notes: step.notes, watermark: step.newest };
    },
  };
}

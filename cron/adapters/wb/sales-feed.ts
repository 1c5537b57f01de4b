// The WB statistics sales feeds (orders, sales) as adapters: keyset paging by lastChangeDate, 1 request per
// minute, data kept 90 days. A full run reads the last 90 days; an incremental one starts at its watermark.
import type { Cursor, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import type { SalesRecord } from "../sales-record";
import { addStamp, keysetStart, keysetStep, moscowDateTime, noStamps } from "./keyset";
import { malformedWbResponse, mapWbError, wbHeaders, wbUrl } from "./wb-errors";

const BUDGET = { requests: 1, perMs: 60_000 };
/** The body is the array of rows (up to 80,000 of them, ~56 MB): streamed, never parsed whole. */
const ROWS = { path: [], expected: "array of rows" } as const;
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
      const rows: RowOutcome<SalesRecord>[] = [];
      let stamps = noStamps();
      // Each row is read (validated, normalized) as it streams in: the page keeps records, never the raw body.
      const answer = await context.client.callRows(
        id,
        scaledBudget(BUDGET, context.rateScale),
        {
          method: "GET",
          url: `${wbUrl(context.baseUrl, "statistics", path)}?dateFrom=${encodeURIComponent(dateFrom)}&flag=0`,
          headers: wbHeaders(context.credentials.wb),
        },
        mapWbError,
        ROWS,
        () => {
          rows.length = 0;
          stamps = noStamps();
          return (raw) => {
            addStamp(stamps, raw);
            rows.push(read(raw));
          };
        },
      );
      if (!answer || (answer.rows === 0 && !Array.isArray(answer.small)))
        throw malformedWbResponse(id, ROWS.expected, answer?.small ?? null);
      const step = keysetStep(stamps, dateFrom);
      return { rows, next: step.next, notes: step.notes, watermark: step.newest };
    },
  };
}

// The WB statistics sales feeds (orders, sales) as adapters: keyset paging by lastChangeDate, 1 request per
// minute, data kept 90 days. A full run reads the last 90 days; an incremental one starts at its watermark.
import type { Cursor, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import type { SalesRecord } from "../sales-record";
import { keysetStart, moscowDateTime, readKeysetPage } from "./keyset";
import { wbUrl } from "./wb-errors";

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
    fetchPage(context: PageContext, cursor: Cursor): Promise<Page<SalesRecord>> {
      const dateFrom = typeof cursor.dateFrom === "string" ? cursor.dateFrom : moscowDateTime(Date.now());
      const query = `dateFrom=${encodeURIComponent(dateFrom)}&flag=0`;
      return readKeysetPage(
        context,
        {
          id,
          budget: scaledBudget(BUDGET, context.rateScale),
          url: `${wbUrl(context.baseUrl, "statistics", path)}?${query}`,
          dateFrom,
        },
        read,
      );
    },
  };
}

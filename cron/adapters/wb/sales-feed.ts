// The WB statistics sales feeds (orders, sales) as adapters: keyset paging by lastChangeDate, 1 request per
// minute, data kept 90 days. A first run reads the last 90 days, a full run from two days before its watermark,
// an incremental one from the watermark.
import type { Cursor, Page, PageContext, RowOutcome, SalesAdapter } from "../adapter";
import { scaledBudget } from "../adapter";
import type { SalesRecord } from "../sales-record";
import { keysetStart, moscowDateTime, moscowToUtcIso, readKeysetPage } from "./keyset";
import { wbUrl } from "./wb-errors";

const BUDGET = { requests: 1, perMs: 60_000 };
export const WB_SALES_DAYS_KEPT = 90;
/**
 * A full run with a watermark re-reads this far before it instead of the 90 days: any change moves a row's
 * lastChangeDate, so only rows the vendor files late (its statistics lag by up to hours) can sit behind it.
 */
export const WB_FULL_RECHECK_DAYS = 2;
const DAY_MS = 86_400_000;

export function wbSalesFeed(
  id: string,
  path: string,
  read: (raw: unknown) => RowOutcome<SalesRecord>,
): SalesAdapter {
  return {
    id,
    marketplace: "wb",
    kind: "sales",
    firstCursor: (start) => {
      const kept = moscowDateTime(start.nowMs - WB_SALES_DAYS_KEPT * DAY_MS);
      const watermarkMs = start.watermark ? Date.parse(moscowToUtcIso(start.watermark) ?? "") : Number.NaN;
      if (start.kind === "incremental" || Number.isNaN(watermarkMs)) return keysetStart(start, kept);
      // Same-format Moscow stamps compare as text: the later of the kept window and the overlap's start.
      const overlap = moscowDateTime(watermarkMs - WB_FULL_RECHECK_DAYS * DAY_MS);
      return { dateFrom: overlap > kept ? overlap : kept };
    },
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

// Vendor reports read in a full run, each a feed of its own from the run's start, and stored beside our own
// figures (not stock, not sales): Ozon's turnover and days of cover per SKU. Each page's rows are written under
// the run; the last page makes the run's rows the account's current ones and drops the older ones in the same
// transaction.
import type { Marketplace } from "../../db/schema/enums";
import type { Cursor, CursorStart, PageContext, RowOutcome } from "./adapter";
import { ozonAnalyticsTurnoverStocksV1, type TurnoverRecord } from "./ozon/analytics-turnover-stocks-v1";
import { UnknownAdapterError } from "./stock-adapters";

export interface ReportPage<R> {
  rows: RowOutcome<R>[];
  next: Cursor | null;
  notes: string[];
}

export interface ReportAdapter<R = unknown> {
  id: string;
  marketplace: Marketplace;
  kind: "report";
  firstCursor(start: CursorStart): Cursor;
  fetchPage(context: PageContext, cursor: Cursor): Promise<ReportPage<R>>;
}

export type { TurnoverRecord };

export const REPORT_ADAPTERS: Record<string, ReportAdapter> = {
  [ozonAnalyticsTurnoverStocksV1.id]: ozonAnalyticsTurnoverStocksV1 as ReportAdapter,
};

const DEFAULT_REPORTS: Record<Marketplace, string[]> = {
  ozon: [ozonAnalyticsTurnoverStocksV1.id],
  wb: [],
};

export function reportAdapter(id: string): ReportAdapter {
  const adapter = REPORT_ADAPTERS[id];
  if (!adapter)
    throw new UnknownAdapterError(
      `No report adapter "${id}"; known: ${Object.keys(REPORT_ADAPTERS).join(", ")}`,
    );
  return adapter;
}

/** The reports a run reads after its sales feeds: full runs only (they are slow, 1 request a minute). */
export function reportAdapterList(
  marketplace: Marketplace,
  configured: readonly string[] | undefined,
  kind: "full" | "incremental",
): string[] {
  if (kind !== "full") return [];
  const list = configured ? [...configured] : DEFAULT_REPORTS[marketplace];
  for (const id of list)
    if (reportAdapter(id).marketplace !== marketplace)
      throw new UnknownAdapterError(
        `Adapter ${id} is not ${marketplace === "ozon" ? "an Ozon" : "a WB"} adapter`,
      );
  return list;
}

// What follows a finished feed in a queued run: after the stock pass the account's sales feeds one by one,
// after the last feed the finalize step. The first page of a feed starts at its watermark when incremental.
import type { Cursor } from "../../cron/adapters/adapter";
import { SALES_ADAPTERS, salesAdapter, salesAdapterList } from "../../cron/adapters/sales-adapters";
import { stockAdapter } from "../../cron/adapters/stock-adapters";
import { batchRunner } from "../../cron/load/statement-runner";
import { readWatermark } from "../../cron/load/watermark";
import type { IngestMessage } from "../../cron/messages";
import type { Database } from "../../db/client";
import type { RunContext } from "./run-context";

type Kind = "full" | "incremental";

/** The first page message of a feed, its cursor placed by the feed's watermark. */
export async function firstPageOf(
  db: Database,
  run: RunContext,
  kind: Kind,
  endpoint: string,
  stockComplete: boolean,
): Promise<IngestMessage> {
  const adapter = SALES_ADAPTERS[endpoint] ? salesAdapter(endpoint) : stockAdapter(endpoint);
  const watermark = await readWatermark(batchRunner(db), run.accountId, endpoint);
  const cursor: Cursor = adapter.firstCursor({ kind, watermark, nowMs: Date.now() });
  return {
    type: "page",
    runId: run.runId,
    accountId: run.accountId,
    kind,
    endpoint,
    cursor,
    page: 0,
    deferrals: 0,
    stockComplete,
  };
}

/** The message after `endpoint` is done (or given up): the next sales feed or the finalize step. */
export async function nextPhase(
  db: Database,
  run: RunContext,
  kind: Kind,
  endpoint: string,
  stockComplete: boolean,
): Promise<IngestMessage> {
  const sales = salesAdapterList(run.marketplace, run.endpoints.sales);
  const following = SALES_ADAPTERS[endpoint] ? sales[sales.indexOf(endpoint) + 1] : sales[0];
  if (following) return firstPageOf(db, run, kind, following, stockComplete);
  return { type: "finalize", runId: run.runId, accountId: run.accountId, kind, stockComplete };
}

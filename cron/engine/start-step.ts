// The first step of a run: read the account's warehouse directory (Ozon), open the run's feeds in the join
// (run-feeds.ts), then start the stock feed at its first source's first page (placed by the feed's watermark when
// the run is incremental) and, in a full run, every vendor report beside it; the other stock sources follow the
// first, the sales feeds the stock feed (next-phase.ts). Every feed's first page is queued, each its own chain,
// and the start runs none itself: a start that ran the stock feed would hold its queue batch (local Queues deliver
// one batch at a time) and with it the other accounts' starts and their reports' first calls, which set a run's
// least wall time. A redelivered start repeats it (the join and the pages' own rows dedupe it).
import { reportAdapterList } from "../adapters/report-adapters";
import type { IngestMessage } from "../messages";
import { firstPageOf, firstStockAdapter } from "./next-phase";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";
import { openFeeds } from "./run-feeds";
import { NO_STOCK_PROGRESS } from "./stock-progress";
import { loadWarehouseDirectory } from "./warehouse-directory-step";

export async function startStep(
  ports: EnginePorts,
  run: RunContext,
  message: Extract<IngestMessage, { type: "start" }>,
): Promise<void> {
  const first = firstStockAdapter(run);
  await loadWarehouseDirectory(ports, run);
  await openFeeds(ports.run, run, message.kind);
  const nowMs = ports.nowMs();
  const pages = [await firstPageOf(ports.run, run, message.kind, first, NO_STOCK_PROGRESS, nowMs)];
  for (const report of reportAdapterList(run.marketplace, run.endpoints.reports, message.kind))
    pages.push(await firstPageOf(ports.run, run, message.kind, report, NO_STOCK_PROGRESS, nowMs));
  for (const page of pages) await ports.send(page);
}

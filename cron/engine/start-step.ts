// The first step of a run: read the account's warehouse directory (Ozon), then send the first page of the
// account's first stock source (placed by the feed's watermark when the run is incremental); the other sources
// follow it (next-phase.ts). With `chain` the page is returned for the same delivery to run (a redelivered
// start repeats it; the page's own row dedupes it).
import type { IngestMessage } from "../messages";
import { firstPageOf, firstStockAdapter } from "./next-phase";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";
import { NO_STOCK_PROGRESS } from "./stock-progress";
import { loadWarehouseDirectory } from "./warehouse-directory-step";

export async function startStep(
  ports: EnginePorts,
  run: RunContext,
  message: Extract<IngestMessage, { type: "start" }>,
  chain: boolean,
): Promise<IngestMessage | null> {
  const first = firstStockAdapter(run);
  await loadWarehouseDirectory(ports, run);
  const page = await firstPageOf(ports.run, run, message.kind, first, NO_STOCK_PROGRESS, ports.nowMs());
  if (chain) return page;
  await ports.send(page);
  return null;
}

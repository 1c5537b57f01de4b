// The first step of a run: pick the account's stock adapter and send its first page (placed by the feed's
// watermark when the run is incremental).
import { stockAdapterChain } from "../../cron/adapters/stock-adapters";
import type { IngestMessage } from "../../cron/messages";
import type { Database } from "../../db/client";
import { firstPageOf } from "./next-phase";
import type { RunContext } from "./run-context";

export async function startStep(
  env: Env,
  db: Database,
  run: RunContext,
  message: Extract<IngestMessage, { type: "start" }>,
): Promise<void> {
  const [first] = stockAdapterChain(run.marketplace, run.endpoints.stock);
  if (!first) throw new Error(`Account ${run.accountId} has no stock adapter`);
  await env.INGEST_QUEUE.send(await firstPageOf(db, run, message.kind, first, false));
}

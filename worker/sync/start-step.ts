// The first step of a run: pick the account's stock adapter and send its first page.
import { stockAdapter, stockAdapterChain } from "../../cron/adapters/stock-adapters";
import type { IngestMessage } from "../../cron/messages";
import type { RunContext } from "./run-context";

export async function startStep(
  env: Env,
  run: RunContext,
  message: Extract<IngestMessage, { type: "start" }>,
): Promise<void> {
  const [first] = stockAdapterChain(run.marketplace, run.endpoints.stock);
  if (!first) throw new Error(`Account ${run.accountId} has no stock adapter`);
  const next: IngestMessage = {
    type: "page",
    runId: run.runId,
    accountId: run.accountId,
    kind: message.kind,
    endpoint: first,
    cursor: stockAdapter(first).firstCursor(),
    page: 0,
    deferrals: 0,
  };
  await env.INGEST_QUEUE.send(next);
}

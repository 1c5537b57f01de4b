// The engine's in-process driver (Node tests, the benchmark): the same messages the queue carries, delivered
// one after another from a local queue, each through the engine's step, so a run's feeds (each its own chain of
// messages) go interleaved. The account's settings come from the input instead of the database, the coordinator
// always holds the lease, a message sent with a delay (a vendor's "come back later") waits while the others
// go on, and a step that throws is delivered again up to the queue's retries, then ends the run as the
// dead-letter consumer does.

import type { Marketplace } from "../../db/schema/enums";
import type { AccountCredentials } from "../adapters/adapter";
import type { RequestGate } from "../http/request-gate";
import type { StatementRunner } from "../load/statement-runner";
import type { IngestMessage } from "../messages";
import { abandonRun, deadLetterReason, recordStepFailure } from "./abandon-run";
import { DEFAULT_STEP_BUDGET, processIngestMessage, type StepBudget } from "./ingest-step";
import { SINGLE_PAGE } from "./page-group";
import type { EnginePorts, RunOutcome } from "./ports";
import { runStatus } from "./run-context";

export interface SyncInput {
  run: StatementRunner;
  gate: RequestGate;
  orgId: string;
  accountId: string;
  /** A running run of the account in etl_runs. */
  runId: string;
  marketplace: Marketplace;
  kind: "full" | "incremental";
  credentials: AccountCredentials;
  baseUrl: string | null;
  /** Stock adapters: each source's first is used, later ones of the same source replace it when switched off. */
  adapters?: string[];
  /** Sales adapters run after stock; undefined = the marketplace default, [] = none. */
  sales?: string[];
  /** Vendor reports of a full run, each a feed from its start; undefined = the marketplace default, [] = none. */
  reports?: string[];
  rateScale?: number;
  /** The account's stock jump factor (marketplace_accounts.stock_jump_factor); null or absent = the default. */
  jumpFactor?: number | null;
  /** Caps the rows asked per page of offset/cursor-paged endpoints (small pages in tests). */
  pageLimit?: number;
  fetch?: typeof fetch;
  /** Clock for the feeds' start positions (defaults to Date.now). */
  nowMs?: number;
  onPage?: EnginePorts["onPage"];
  /** The most bytes one database request may carry (Neon's 10 MiB when absent). */
  maxRequestBytes?: number;
  /** Deliveries of one message before the run is given up (the ingest queue's max_retries + 1). */
  deliveries?: number;
  /**
   * How much one delivery runs before it queues the rest (the queue consumer's default); null = one step, reading
   * one vendor page.
   */
  stepBudget?: StepBudget | null;
}

/** wrangler.toml's max_retries (6) for the ingest queue, plus the first delivery. */
const QUEUE_DELIVERIES = 7;

export async function runSync(input: SyncInput): Promise<RunOutcome> {
  const queue: { message: IngestMessage; dueAt: number }[] = [];
  let outcome: RunOutcome | null = null;
  const ports: EnginePorts = {
    run: input.run,
    gate: input.gate,
    send: async (message, delaySeconds = 0) => {
      queue.push({ message, dueAt: Date.now() + delaySeconds * 1000 });
    },
    runContext: async (runId) => {
      const status = await runStatus(input.run, runId);
      if (!status) return null;
      return {
        runId,
        orgId: input.orgId,
        accountId: input.accountId,
        marketplace: input.marketplace,
        status,
        endpoints: {
          ...(input.adapters ? { stock: input.adapters } : {}),
          ...(input.sales ? { sales: input.sales } : {}),
          ...(input.reports ? { reports: input.reports } : {}),
          ...(input.rateScale !== undefined ? { rateScale: input.rateScale } : {}),
          ...(input.pageLimit !== undefined ? { pageLimit: input.pageLimit } : {}),
        },
        baseUrl: input.baseUrl,
        credentials: input.credentials,
        stockJumpFactor: input.jumpFactor ?? null,
      };
    },
    heartbeat: async () => true,
    finishRun: async (_runId, finished) => {
      outcome = finished;
    },
    maxInlineWaitMs: 120_000,
    ...(input.stepBudget === null
      ? { pageGroup: SINGLE_PAGE }
      : { stepBudget: input.stepBudget ?? DEFAULT_STEP_BUDGET }),
    ...(input.maxRequestBytes !== undefined ? { maxRequestBytes: input.maxRequestBytes } : {}),
    ...(input.fetch ? { fetch: input.fetch } : {}),
    nowMs: () => input.nowMs ?? Date.now(),
    ...(input.onPage ? { onPage: input.onPage } : {}),
  };
  const { runId, accountId, kind } = input;
  await ports.send({ type: "start", runId, accountId, kind });
  for (let next = await takeDue(queue); next; next = await takeDue(queue))
    await deliver(ports, next, input.deliveries ?? QUEUE_DELIVERIES);
  return outcome ?? ((await runStatus(input.run, runId)) as RunOutcome | null) ?? "failed";
}

/** Stock only (no sales feeds, no reports): the stock tests and the benchmark. */
export function runStockSync(input: SyncInput): Promise<RunOutcome> {
  return runSync({ ...input, sales: input.sales ?? [], reports: input.reports ?? [] });
}

/** The first message that is due, in the order sent; waits for the earliest when none is; null when empty. */
async function takeDue(queue: { message: IngestMessage; dueAt: number }[]): Promise<IngestMessage | null> {
  if (queue.length === 0) return null;
  const earliest = Math.min(...queue.map((entry) => entry.dueAt));
  const wait = earliest - Date.now();
  if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  const at = queue.findIndex((entry) => entry.dueAt <= Date.now());
  return queue.splice(Math.max(0, at), 1)[0]?.message ?? null;
}

async function deliver(ports: EnginePorts, message: IngestMessage, deliveries: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await processIngestMessage(ports, message);
    } catch (error) {
      await recordStepFailure(ports, message, error).catch(() => undefined);
      if (attempt >= deliveries) {
        console.error(`in-process run ${message.runId}: ${String(error)}`);
        return abandonRun(ports, message, deadLetterReason(message, attempt));
      }
    }
  }
}

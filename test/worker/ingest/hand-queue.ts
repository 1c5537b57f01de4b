// Delivers ingest messages to the Worker's queue handler by hand (createMessageBatch), so a test decides when
// each message arrives, how often, and whether handing on the next message fails; what the handler sends is
// collected instead of reaching the real queue.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import type { IngestMessage } from "../../../cron/messages";
import { etlRuns } from "../../../db/schema";
import { handleQueueBatch, INGEST_QUEUE_NAME } from "../../../worker/queue";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import type { SyncCoordinator } from "../../../worker/sync-coordinator";
import { db } from "./helpers";

export interface Sent {
  body: IngestMessage;
  delaySeconds: number;
}

export interface Delivery {
  /** Messages the handler sent on (the next page, the next feed, finalize). */
  sent: Sent[];
  /** The handler asked for a redelivery (it threw). */
  retried: boolean;
}

/**
 * One delivery of `message`; with failSend the queue refuses to take the next message (a consumer dying). The
 * delivery runs one step unless `stepBudgetMs` lets it go on with the run's next steps (INGEST_STEP_BUDGET_MS).
 */
export async function deliver(
  message: IngestMessage,
  options: { failSend?: boolean; stepBudgetMs?: number; dieAfterSteps?: number } = {},
): Promise<Delivery> {
  const sent: Sent[] = [];
  const queue = {
    async send(body: IngestMessage, sendOptions?: { delaySeconds?: number }) {
      if (options.failSend) throw new Error("the queue is unavailable (injected)");
      sent.push({ body, delaySeconds: sendOptions?.delaySeconds ?? 0 });
    },
  };
  const handEnv = {
    ...env,
    INGEST_QUEUE: queue,
    INGEST_STEP_BUDGET_MS: String(options.stepBudgetMs ?? 0),
    ...(options.dieAfterSteps === undefined
      ? {}
      : { SYNC_COORDINATOR: dyingCoordinators(options.dieAfterSteps) }),
  } as unknown as Env;
  const batch = createMessageBatch<IngestMessage>(INGEST_QUEUE_NAME, [
    { id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: message },
  ]);
  const ctx = createExecutionContext();
  await handleQueueBatch(batch, handEnv, ctx);
  const result = await getQueueResult(batch, ctx);
  return { sent, retried: result.retryMessages.length > 0 };
}

/**
 * The account coordinators as a consumer sees them, except that the consumer dies (throws) when it would
 * renew the lease for its step number `steps + 1`: every step before it ran whole.
 */
function dyingCoordinators(steps: number): Env["SYNC_COORDINATOR"] {
  const namespace = env.SYNC_COORDINATOR;
  let heartbeats = 0;
  return {
    idFromName: (name: string) => namespace.idFromName(name),
    get: (id: DurableObjectId) => {
      const stub = namespace.get(id);
      return {
        heartbeat: async (runId: string) => {
          if (++heartbeats > steps) throw new Error("the consumer died (injected)");
          return stub.heartbeat(runId);
        },
        finishRun: (runId: string, outcome: string) => stub.finishRun(runId, outcome),
        acquireRequest: (...args: Parameters<SyncCoordinator["acquireRequest"]>) =>
          stub.acquireRequest(...args),
        reportRequest: (endpoint: string, succeeded: boolean) => stub.reportRequest(endpoint, succeeded),
      };
    },
  } as unknown as Env["SYNC_COORDINATOR"];
}

/** Starts a run the way startRun does (coordinator grant + run log row) but keeps its messages in hand. */
export async function startHeldRun(
  ids: { orgId: string; accountId: string },
  kind: "full" | "incremental",
  leaseMs?: number,
): Promise<IngestMessage> {
  const grant = await coordinatorFor(env, ids.accountId).requestRun({
    kind,
    trigger: "api",
    ...(leaseMs ? { leaseMs } : {}),
  });
  if (!grant.started) throw new Error(`run refused: ${grant.activeRunId} is active`);
  await db()
    .insert(etlRuns)
    .values({ id: grant.runId, ...ids, kind, trigger: "api" });
  return { type: "start", runId: grant.runId, accountId: ids.accountId, kind };
}

/** Waits out a message's delay (a vendor asked us to come back later). */
export async function afterDelay(sent: Sent): Promise<IngestMessage> {
  if (sent.delaySeconds > 0) await new Promise((resolve) => setTimeout(resolve, sent.delaySeconds * 1000));
  return sent.body;
}

// Starting sync runs: asks each account's coordinator for a run, records the run (or the refusal) in
// etl_runs, and enqueues the run's first message (the starts of several accounts in one batch). Used by Cron
// Triggers, the API and the CLI.
import { and, eq } from "drizzle-orm";
import type { IngestMessage } from "../../cron/messages";
import type { Database } from "../../db/client";
import { etlRuns, marketplaceAccounts } from "../../db/schema";
import type { RunKind, RunTrigger } from "../../db/schema/enums";
import { coordinatorFor } from "./coordinator";

export type StartOutcome =
  | { accountId: string; started: true; runId: string }
  | { accountId: string; started: false; runId: string; activeRunId: string };

export interface StartRunInput {
  orgId: string;
  accountId: string;
  kind: RunKind;
  trigger: RunTrigger;
}

export async function startRun(env: Env, db: Database, input: StartRunInput): Promise<StartOutcome> {
  const { outcome, message } = await grantRun(env, db, input);
  if (message) await env.INGEST_QUEUE.send(message);
  return outcome;
}

/** Asks the account's coordinator for a run and records it (or the refusal); the start message to queue, if any. */
async function grantRun(
  env: Env,
  db: Database,
  input: StartRunInput,
): Promise<{ outcome: StartOutcome; message: IngestMessage | null }> {
  const grant = await coordinatorFor(env, input.accountId).requestRun({
    kind: input.kind,
    trigger: input.trigger,
  });
  if (!grant.started) {
    const runId = crypto.randomUUID();
    await db.insert(etlRuns).values({
      id: runId,
      orgId: input.orgId,
      accountId: input.accountId,
      kind: input.kind,
      trigger: input.trigger,
      status: "refused",
      finishedAt: new Date(),
      error: `A run is already active for this account (${grant.activeRunId})`,
    });
    return {
      outcome: { accountId: input.accountId, started: false, runId, activeRunId: grant.activeRunId },
      message: null,
    };
  }
  await db
    .insert(etlRuns)
    .values({
      id: grant.runId,
      orgId: input.orgId,
      accountId: input.accountId,
      kind: input.kind,
      trigger: input.trigger,
    })
    .onConflictDoNothing();
  return {
    outcome: { accountId: input.accountId, started: true, runId: grant.runId },
    message: { type: "start", runId: grant.runId, accountId: input.accountId, kind: input.kind },
  };
}

/** Queues' largest batch of messages (sendBatch). */
const SEND_BATCH_MAX = 100;

/** Starts a run for every enabled account (optionally of one organization). */
export async function startRunsForEnabledAccounts(
  env: Env,
  db: Database,
  kind: RunKind,
  trigger: RunTrigger,
  orgId?: string,
): Promise<StartOutcome[]> {
  const accounts = await db
    .select({ id: marketplaceAccounts.id, orgId: marketplaceAccounts.orgId })
    .from(marketplaceAccounts)
    .where(
      orgId
        ? and(eq(marketplaceAccounts.enabled, true), eq(marketplaceAccounts.orgId, orgId))
        : eq(marketplaceAccounts.enabled, true),
    );
  const outcomes: StartOutcome[] = [];
  const starts: IngestMessage[] = [];
  try {
    for (const account of accounts) {
      const granted = await grantRun(env, db, { orgId: account.orgId, accountId: account.id, kind, trigger });
      outcomes.push(granted.outcome);
      if (granted.message) starts.push(granted.message);
    }
  } finally {
    // The starts go together, so the queue delivers them in one batch, side by side: sent one by one, with no
    // batch timeout, the first account's start would be delivered alone and the others would wait for it. Also
    // when a later account's grant failed: the runs already granted must start.
    for (let at = 0; at < starts.length; at += SEND_BATCH_MAX)
      await env.INGEST_QUEUE.sendBatch(starts.slice(at, at + SEND_BATCH_MAX).map((body) => ({ body })));
  }
  return outcomes;
}

// Starting sync runs: asks each account's coordinator for a run, records the run (or the refusal) in
// etl_runs, and enqueues the run's first message. Used by Cron Triggers, the API and the CLI.
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
    return { accountId: input.accountId, started: false, runId, activeRunId: grant.activeRunId };
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
  const message: IngestMessage = {
    type: "start",
    runId: grant.runId,
    accountId: input.accountId,
    kind: input.kind,
  };
  await env.INGEST_QUEUE.send(message);
  return { accountId: input.accountId, started: true, runId: grant.runId };
}

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
  for (const account of accounts) {
    outcomes.push(await startRun(env, db, { orgId: account.orgId, accountId: account.id, kind, trigger }));
  }
  return outcomes;
}

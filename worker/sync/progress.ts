// Live run progress: what an account's progress socket (and its JSON fallback) says about the account's run,
// read from the run log so that the socket, the fallback and GET /api/runs always agree: the run's pages, rows,
// phase, retries, newest problem and outcome. The SyncCoordinator pushes it (progress-sockets.ts).
import type { Database } from "../../db/client";
import { accountRun } from "../../db/queries/runs";
import type { Run } from "../api/schemas/runs";
import { coordinatorFor } from "./coordinator";

/** One message on an account's progress socket: the account's run now (null before its first run). */
export interface ProgressEvent {
  type: "run";
  accountId: string;
  run: Run | null;
}

type RunRow = NonNullable<Awaited<ReturnType<typeof accountRun>>>;

const iso = (value: Date | string) => new Date(value).toISOString();

export function toRunJson(row: RunRow): Run {
  return {
    ...row,
    startedAt: iso(row.startedAt),
    finishedAt: row.finishedAt === null ? null : iso(row.finishedAt),
  };
}

/** The account's run `runId`, or its newest run when absent, as the progress socket sends it. */
export async function readProgress(db: Database, accountId: string, runId?: string): Promise<ProgressEvent> {
  const row =
    (runId ? await accountRun(db, accountId, runId) : undefined) ?? (await accountRun(db, accountId));
  return { type: "run", accountId, run: row ? toRunJson(row) : null };
}

/**
 * Tells the account's watchers about its run now: the queue consumer calls it when a step failed and goes back
 * to the queue for a retry, so the dashboard says "retrying" before the retry arrives. Never throws: progress is
 * a courtesy that must not change what happens to the message.
 */
export async function announceProgress(env: Env, accountId: string): Promise<void> {
  try {
    await coordinatorFor(env, accountId).announceProgress();
  } catch (error) {
    console.error(
      JSON.stringify({ level: "warn", accountId, error: `progress not announced: ${String(error)}` }),
    );
  }
}

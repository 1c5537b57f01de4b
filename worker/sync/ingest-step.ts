// One step of a run on the ingest queue. The extract → validate → normalize → load pipeline lands here
// (issue #4); until then a started run is closed as failed with a reason an operator can read.
import { eq } from "drizzle-orm";
import type { IngestMessage } from "../../cron/messages";
import { etlRuns } from "../../db/schema";
import { databaseFromEnv } from "../db";
import { coordinatorFor } from "./coordinator";

export async function processIngestMessage(env: Env, message: IngestMessage): Promise<void> {
  const db = databaseFromEnv(env);
  await db
    .update(etlRuns)
    .set({
      status: "failed",
      finishedAt: new Date(),
      error: "The ingestion pipeline is not available in this build",
    })
    .where(eq(etlRuns.id, message.runId));
  await coordinatorFor(env, message.accountId).finishRun(message.runId, "failed");
}

// Cron Trigger handler: full sync, incremental sync, or the health check, by the cron that fired.
import { jobForCron } from "../cron/schedule";
import { databaseFromEnv } from "./db";
import { checkHealth } from "./routes/health";
import { endLapsedRuns } from "./sync/lapsed-runs";
import { startRunsForEnabledAccounts } from "./sync/start-run";

export const LAST_HEALTH_KEY = "health:last";

export async function handleScheduled(
  controller: ScheduledController,
  env: Env,
  _ctx: ExecutionContext,
): Promise<void> {
  const job = jobForCron(controller.cron);
  if (job === "health-check") {
    // Runs past their lease are ended first, so the report lists them as failed rather than stuck.
    const lapsed = await endLapsedRuns(env, databaseFromEnv(env), controller.scheduledTime).catch(
      (error: unknown) => {
        console.error(JSON.stringify({ level: "error", job, error: `lapsed runs: ${String(error)}` }));
        return [];
      },
    );
    if (lapsed.length > 0) console.log(JSON.stringify({ level: "warn", job, lapsed }));
    const report = await checkHealth({
      database: () => databaseFromEnv(env),
      cache: env.API_CACHE,
      version: env.APP_VERSION,
      nowMs: controller.scheduledTime,
    });
    await env.API_CACHE.put(
      LAST_HEALTH_KEY,
      JSON.stringify({ ...report, at: new Date(controller.scheduledTime).toISOString() }),
    );
    console.log(JSON.stringify({ level: report.status === "ok" ? "info" : "error", job, ...report }));
    return;
  }
  const kind = job === "full-sync" ? "full" : "incremental";
  const outcomes = await startRunsForEnabledAccounts(env, databaseFromEnv(env), kind, "cron");
  console.log(JSON.stringify({ level: "info", job, outcomes }));
}

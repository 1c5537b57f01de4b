// Cron Trigger handler: full sync, incremental sync, or the health check (with the daily digests due in its
// hour: worker/alerts/digest.ts), by the cron that fired. It reads
// the parsed configuration (worker/config.ts); a bad one fails the invocation with the variable's name.
import { jobForCron } from "../cron/schedule";
import { sendDailyDigests } from "./alerts/digest";
import { configFromEnv } from "./config";
import { databaseFor } from "./db";
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
  const config = configFromEnv(env);
  if (job === "health-check") {
    // Runs past their lease are ended first, so the report lists them as failed rather than stuck.
    const lapsed = await endLapsedRuns(env, databaseFor(config), controller.scheduledTime).catch(
      (error: unknown) => {
        console.error(JSON.stringify({ level: "error", job, error: `lapsed runs: ${String(error)}` }));
        return [];
      },
    );
    if (lapsed.length > 0) console.log(JSON.stringify({ level: "warn", job, lapsed }));
    // Every 15 minutes, so each local hour has a chance; the first cron of an organization's digest hour sends it.
    const digests = await sendDailyDigests(
      databaseFor(config),
      env.ALERTS_QUEUE,
      controller.scheduledTime,
    ).catch((error: unknown) => {
      console.error(JSON.stringify({ level: "error", job, error: `daily digests: ${String(error)}` }));
      return [];
    });
    if (digests.length > 0) console.log(JSON.stringify({ level: "info", job, digests }));
    const report = await checkHealth({
      database: () => databaseFor(config),
      cache: env.API_CACHE,
      version: config.appVersion,
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
  const outcomes = await startRunsForEnabledAccounts(env, databaseFor(config), kind, "cron");
  console.log(JSON.stringify({ level: "info", job, outcomes }));
}

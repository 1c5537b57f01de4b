// Which job each Cron Trigger runs. The expressions live in wrangler.toml; this maps them to jobs and
// fails loudly for an expression nobody mapped, instead of silently doing nothing.
export const CRON_JOBS = {
  "0 3,15 * * *": "full-sync",
  "0 */2 * * *": "incremental-sync",
  "*/15 * * * *": "health-check",
} as const;

export type CronJob = (typeof CRON_JOBS)[keyof typeof CRON_JOBS];

export class UnknownCronError extends Error {
  override name = "UnknownCronError";
}

export function jobForCron(expression: string): CronJob {
  const job = (CRON_JOBS as Record<string, CronJob>)[expression.trim()];
  if (!job) {
    const known = Object.keys(CRON_JOBS).join(", ");
    throw new UnknownCronError(`No job is mapped to cron "${expression}"; known: ${known}`);
  }
  return job;
}

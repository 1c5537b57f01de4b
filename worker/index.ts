// The Worker entry: HTTP (API + dashboard assets), Cron Triggers, and the ingest and dead-letter queues.
import { handleAlertBatch, isAlertsQueue } from "./alerts/alerts-queue";
import { createApp } from "./app";
import { handleQueueBatch } from "./queue";
import { handleScheduled } from "./scheduled";

export { SyncCoordinator } from "./sync-coordinator";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: handleScheduled,
  queue: (batch, env, ctx) =>
    isAlertsQueue(batch.queue) ? handleAlertBatch(batch, env) : handleQueueBatch(batch, env, ctx),
} satisfies ExportedHandler<Env>;

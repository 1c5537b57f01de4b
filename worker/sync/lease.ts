// How long a sync run's lease lasts without a step renewing it (the SyncCoordinator's default), kept apart from
// the Durable Object so that code outside workerd (the OpenAPI generator reaches the health route) can read it.
export const DEFAULT_LEASE_MS = 10 * 60_000;

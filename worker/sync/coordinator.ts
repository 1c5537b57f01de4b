// Reaching the SyncCoordinator Durable Object of one marketplace account.
export function coordinatorFor(env: Pick<Env, "SYNC_COORDINATOR">, accountId: string) {
  return env.SYNC_COORDINATOR.get(env.SYNC_COORDINATOR.idFromName(accountId));
}

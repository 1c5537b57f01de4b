// Sync runs: the newest runs (for the Sync page and the Overview's freshness), "Sync now", and polling
// while a run is in progress so its progress shows live; when a run ends the session re-reads the
// data version, which makes the other pages reload.
import { computed, signal } from "@preact/signals";
import { type ApiFailure, apiGet, apiPath, apiRequest } from "../api/client";
import type { Run, RunDetail, RunPage } from "../api/types";
import { accountFreshness } from "../lib/freshness";
import { SYNC_START_PATH, type SyncKind, type SyncOutcome, syncRequestBody } from "../lib/sync-request";
import { createResource, toFailure } from "./resource";
import { session } from "./session";

export { SYNC_START_PATH } from "../lib/sync-request";

const POLL_RUNNING_MS = 3_000;

export function createSyncModel() {
  const runs = createResource<RunPage>();
  const detail = createResource<RunDetail>();
  const starting = signal(false);
  const startError = signal<ApiFailure | null>(null);
  const page = signal(1);
  const items = computed<Run[]>(() => runs.data.value?.items ?? []);
  const accounts = computed(() => accountFreshness(items.value));
  const active = computed(() => items.value.filter((run) => run.status === "running"));
  let poller: ReturnType<typeof setTimeout> | undefined;

  function load(): Promise<void> {
    const path = apiPath("/api/runs", { page: page.value, pageSize: 25 });
    return runs.load(path, (abort) => apiGet<RunPage>(path, abort));
  }

  function ensure(): Promise<void> {
    const path = apiPath("/api/runs", { page: page.value, pageSize: 25 });
    return runs.ensure(path, (abort) => apiGet<RunPage>(path, abort));
  }

  /** Polls while something runs; one last read of `me` afterwards picks up the new data version. */
  function follow(): void {
    clearTimeout(poller);
    poller = setTimeout(async () => {
      const wasRunning = active.value.length > 0;
      await load();
      if (active.value.length > 0) follow();
      else if (wasRunning) void session.check();
    }, POLL_RUNNING_MS);
  }

  async function refresh(): Promise<void> {
    await load();
    if (active.value.length > 0) follow();
  }

  const lastOutcomes = signal<SyncOutcome[]>([]);

  async function startSync(kind: SyncKind = "full", accountId?: string): Promise<boolean> {
    starting.value = true;
    startError.value = null;
    try {
      const answer = await apiRequest<{ runs: SyncOutcome[] }>("POST", SYNC_START_PATH, {
        body: syncRequestBody(kind, accountId),
      });
      lastOutcomes.value = answer?.runs ?? [];
      await load();
      follow();
      return true;
    } catch (error) {
      startError.value = toFailure(error);
      return false;
    } finally {
      starting.value = false;
    }
  }

  function loadDetail(id: string): Promise<void> {
    const path = `/api/runs/${id}`;
    return detail.load(path, (abort) => apiGet<RunDetail>(path, abort));
  }

  function goToPage(next: number): Promise<void> {
    page.value = Math.max(1, next);
    return load();
  }

  function stop(): void {
    clearTimeout(poller);
  }

  return {
    runs,
    detail,
    items,
    accounts,
    active,
    starting,
    startError,
    lastOutcomes,
    page,
    ensure,
    refresh,
    startSync,
    loadDetail,
    goToPage,
    follow,
    stop,
  };
}

export const syncModel = createSyncModel();

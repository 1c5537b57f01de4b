// Sync runs: the newest runs (for the Sync page and the Overview's freshness), "Sync now", and live progress:
// while a page watches (watch()), each visible account's run arrives over its progress socket
// (progress-sockets.ts) and is merged into the runs; only while a socket is down does the model poll, as it
// did before sockets. When a run ends the session re-reads the data version, which makes the other pages reload.
import { batch, computed, effect, signal, untracked } from "@preact/signals";
import { pageAnswer } from "../../../worker/api/page-answer";
import { type ApiFailure, apiGet, apiPath, apiRequest } from "../api/client";
import type { Run, RunDetail, RunPage } from "../api/types";
import { accountFreshness, type KnownAccount } from "../lib/freshness";
import { SYNC_START_PATH, type SyncKind, type SyncOutcome, syncRequestBody } from "../lib/sync-request";
import { createProgressSockets, type ProgressEvent } from "./progress-sockets";
import { createResource, toFailure } from "./resource";
import { session } from "./session";

export { SYNC_START_PATH } from "../lib/sync-request";

const POLL_RUNNING_MS = 3_000;

/** The runs page with `run` in it: replaced where it is, or first when it is a new run on the first page. */
export function withRun(page: RunPage, run: Run): RunPage {
  const index = page.items.findIndex((item) => item.id === run.id);
  if (index >= 0) return { ...page, items: page.items.map((item, i) => (i === index ? run : item)) };
  const newest = page.items[0];
  if (page.page !== 1 || (newest && newest.startedAt > run.startedAt)) return page;
  return {
    ...page,
    items: [run, ...page.items].slice(0, page.pageSize),
    ...pageAnswer(page.page, page.pageSize, page.total + 1),
  };
}

export function createSyncModel() {
  const runs = createResource<RunPage>();
  const detail = createResource<RunDetail>();
  const starting = signal(false);
  const startError = signal<ApiFailure | null>(null);
  const page = signal(1);
  const items = computed<Run[]>(() => runs.data.value?.items ?? []);
  const known = createResource<{ items: KnownAccount[] }>();
  const accounts = computed(() => accountFreshness(items.value, known.data.value?.items ?? []));
  /** How many marketplace accounts the organization has; undefined until read. */
  const accountCount = computed(() => known.data.value?.items.length);
  const active = computed(() => items.value.filter((run) => run.status === "running"));
  const anyRunning = computed(() => active.value.length > 0);
  const lastOutcomes = signal<SyncOutcome[]>([]);
  /** Pages watching live progress, and the account of the run page open now. */
  const live = signal(false);
  const pinned = signal<string | null>(null);
  let watchers = 0;
  let poller: ReturnType<typeof setTimeout> | undefined;

  const sockets = createProgressSockets(applyEvent);
  // Another session: no poll for the last one's runs, and its runs list from the first page.
  session.onSessionEnd(() => {
    clearTimeout(poller);
    batch(() => {
      page.value = 1;
      startError.value = null;
      lastOutcomes.value = [];
    });
  });
  const watchedAccounts = computed(() => {
    const ids = new Set(accounts.value.map((account) => account.accountId));
    for (const outcome of lastOutcomes.value) ids.add(outcome.accountId);
    if (pinned.value) ids.add(pinned.value);
    return ids;
  });
  effect(() => {
    const ids = watchedAccounts.value;
    if (live.value) untracked(() => sockets.watch(ids));
  });
  // A socket down while something runs: poll until it is back.
  effect(() => {
    if (live.value && sockets.down.value && anyRunning.value) untracked(follow);
  });

  /** A run as its account's socket pushed it: into the runs and the open run page; its end reloads the data. */
  function applyEvent({ run }: ProgressEvent): void {
    if (!run) return;
    const list = runs.data.value;
    const before = list?.items.find((item) => item.id === run.id);
    if (list) runs.data.value = withRun(list, run);
    const open = detail.data.value;
    const ended = run.status !== "running";
    if (open?.run.id === run.id) {
      detail.data.value = { ...open, run: { ...open.run, ...run } };
      // Its issues and rejected rows are final now.
      if (ended && open.run.status === "running") void loadDetail(run.id);
    }
    if (ended && before?.status === "running") void session.check();
  }

  /** Whether progress arrives by socket now, so polling would only repeat it. */
  const socketsCarryProgress = () => live.value && !sockets.down.value;

  /** The accounts, so one without runs yet (just connected) is listed as never synced. */
  function loadAccounts(): void {
    void known.load("accounts", (abort) => apiGet<{ items: KnownAccount[] }>("/api/accounts", abort));
  }

  /** The accounts, read once a session (an empty page says "no data yet" when there are none). */
  function ensureAccounts(): void {
    if (!known.data.value && !known.loading.value) loadAccounts();
  }

  function load(): Promise<void> {
    loadAccounts();
    const path = apiPath("/api/runs", { page: page.value, pageSize: 25 });
    return runs.load(`${path}#${session.dataScope.value}`, (abort) => apiGet<RunPage>(path, abort));
  }

  function ensure(): Promise<void> {
    if (!known.data.value) loadAccounts();
    const path = apiPath("/api/runs", { page: page.value, pageSize: 25 });
    return runs.ensure(`${path}#${session.dataScope.value}`, (abort) => apiGet<RunPage>(path, abort));
  }

  /** Polls while something runs and no socket brings it; one last read of `me` picks up the new data version. */
  function follow(): void {
    clearTimeout(poller);
    if (socketsCarryProgress()) return;
    poller = setTimeout(async () => {
      if (socketsCarryProgress()) return;
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

  async function startSync(kind: SyncKind = "full", accountId?: string): Promise<boolean> {
    starting.value = true;
    startError.value = null;
    try {
      const answer = await apiRequest<{ runs: SyncOutcome[] }>("POST", SYNC_START_PATH, {
        body: syncRequestBody(kind, accountId),
      });
      lastOutcomes.value = answer?.runs ?? [];
      // The accounts' sockets answer with the new runs; without them, read and poll.
      if (socketsCarryProgress()) sockets.refresh(lastOutcomes.value.map((outcome) => outcome.accountId));
      else {
        await load();
        follow();
      }
      return true;
    } catch (error) {
      startError.value = toFailure(error);
      return false;
    } finally {
      starting.value = false;
    }
  }

  /**
   * Live progress for a page while it is shown (the run page names its run's account): one socket per visible
   * account. Returns the function that stops watching (for useEffect's cleanup).
   */
  function watch(accountId?: string): () => void {
    watchers++;
    live.value = true;
    if (accountId) pinned.value = accountId;
    return () => {
      watchers--;
      if (accountId && pinned.value === accountId) pinned.value = null;
      if (watchers > 0) return;
      live.value = false;
      sockets.closeAll();
      clearTimeout(poller);
    };
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
    accountCount,
    active,
    starting,
    startError,
    lastOutcomes,
    page,
    socketsDown: sockets.down,
    ensure,
    ensureAccounts,
    refresh,
    startSync,
    watch,
    loadDetail,
    goToPage,
    follow,
    stop,
  };
}

export const syncModel = createSyncModel();

// One progress WebSocket per watched marketplace account (GET /api/accounts/{id}/progress): each message is the
// account's run as the SyncCoordinator saw it last. A socket that drops is opened again with a growing delay;
// `down` says whether some watched account has no open socket, so the sync model polls only then.
import { computed, signal } from "@preact/signals";
import type { Run } from "../api/types";

/** A ProgressEvent as the Worker sends it (worker/sync/progress.ts). */
export interface ProgressEvent {
  type: "run";
  accountId: string;
  run: Run | null;
}

/** The first reconnect waits this long, each next one twice as long, up to the ceiling. */
const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/** Keeps an idle socket open through proxies; the coordinator answers without waking up. */
const KEEPALIVE_MS = 30_000;

interface Connection {
  socket: WebSocket | null;
  attempts: number;
  reconnect?: ReturnType<typeof setTimeout>;
  keepalive?: ReturnType<typeof setInterval>;
}

export function progressUrl(accountId: string, location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/accounts/${encodeURIComponent(accountId)}/progress`;
}

export function createProgressSockets(onEvent: (event: ProgressEvent) => void) {
  const connections = new Map<string, Connection>();
  /** Accounts watched whose socket is not open (connecting, or waiting to reconnect). */
  const notOpen = signal<ReadonlySet<string>>(new Set());
  const down = computed(() => notOpen.value.size > 0);

  function mark(accountId: string, open: boolean): void {
    const next = new Set(notOpen.peek());
    if (open) next.delete(accountId);
    else next.add(accountId);
    notOpen.value = next;
  }

  function open(accountId: string, connection: Connection): void {
    const socket = new WebSocket(progressUrl(accountId));
    connection.socket = socket;
    socket.addEventListener("open", () => {
      connection.attempts = 0;
      connection.keepalive = setInterval(() => socket.send("ping"), KEEPALIVE_MS);
      mark(accountId, true);
    });
    socket.addEventListener("message", (message) => {
      if (message.data === "pong") return;
      try {
        onEvent(JSON.parse(String(message.data)) as ProgressEvent);
      } catch {
        // Not a ProgressEvent: nothing to show.
      }
    });
    socket.addEventListener("close", () => {
      clearInterval(connection.keepalive);
      if (connections.get(accountId) !== connection) return; // closed on purpose (unwatched)
      connection.socket = null;
      mark(accountId, false);
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** connection.attempts);
      connection.attempts++;
      connection.reconnect = setTimeout(() => open(accountId, connection), delay);
    });
  }

  function close(accountId: string): void {
    const connection = connections.get(accountId);
    if (!connection) return;
    connections.delete(accountId);
    clearTimeout(connection.reconnect);
    clearInterval(connection.keepalive);
    connection.socket?.close(1000, "left the page");
    mark(accountId, true);
  }

  /** Watches exactly these accounts: opens sockets for new ones, closes those no longer listed. */
  function watch(accountIds: Iterable<string>): void {
    const wanted = new Set(accountIds);
    for (const accountId of [...connections.keys()]) if (!wanted.has(accountId)) close(accountId);
    for (const accountId of wanted) {
      if (connections.has(accountId)) continue;
      const connection: Connection = { socket: null, attempts: 0 };
      connections.set(accountId, connection);
      mark(accountId, false);
      open(accountId, connection);
    }
  }

  /** Asks the open sockets of these accounts for their run now (one still connecting sends it on open). */
  function refresh(accountIds: Iterable<string>): void {
    for (const accountId of accountIds) {
      const socket = connections.get(accountId)?.socket;
      if (socket?.readyState === WebSocket.OPEN) socket.send("refresh");
    }
  }

  function closeAll(): void {
    for (const accountId of [...connections.keys()]) close(accountId);
  }

  return { down, watch, refresh, closeAll };
}

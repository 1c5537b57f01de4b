// The SyncCoordinator's side of live progress: dashboards subscribe over a hibernatable WebSocket (the object
// sleeps between steps without dropping them), get the account's run at once on connect, and then every change
// a step, a retry or the run's end brings. Only read from the run log when someone is watching. Before each
// send, the subscribers' credentials are checked: a socket whose session ended (signed out, expired, user disabled)
// or whose API key was revoked is closed with CREDENTIAL_REVOKED instead of being sent the run.

import type { Database } from "../../db/client";
import { liveCredentialsSql } from "../../db/queries/live-credentials";
import { configFromEnv } from "../config";
import { databaseFor } from "../db";
import { readProgress } from "./progress";

/** What each socket remembers across the object's hibernation: its account and the credential it came with. */
interface Subscriber {
  accountId: string;
  sessionTokenHash: string | null;
  apiKeyId: string | null;
}

/** Header the progress route sets on the upgrade it forwards: the account the object coordinates. */
export const ACCOUNT_HEADER = "X-Account-Id";
/** Headers the progress route sets with the subscriber's credential (a session's token hash, or an API key id). */
export const SESSION_HEADER = "X-Session-Token-Hash";
export const API_KEY_HEADER = "X-Api-Key-Id";

/** Close code and reason of a socket whose credential no longer lets its holder in (4000–4999: the app's own). */
export const CREDENTIAL_REVOKED = { code: 4401, reason: "credentials revoked: sign in again" } as const;

/** Keep-alive text a dashboard sends; answered without waking the object. */
export const PING = "ping";
export const PONG = "pong";

/** Accepts a dashboard's WebSocket upgrade and sends the account's run as it is now. */
export async function acceptSubscriber(
  ctx: DurableObjectState,
  env: Env,
  request: Request,
): Promise<Response> {
  const accountId = request.headers.get(ACCOUNT_HEADER);
  const sessionTokenHash = request.headers.get(SESSION_HEADER);
  const apiKeyId = request.headers.get(API_KEY_HEADER);
  if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || !accountId)
    return new Response("expected a WebSocket upgrade for an account", { status: 426 });
  if (!sessionTokenHash && !apiKeyId)
    return new Response("expected the subscriber's credential", { status: 401 });
  const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
  ctx.acceptWebSocket(server);
  server.serializeAttachment({ accountId, sessionTokenHash, apiKeyId } satisfies Subscriber);
  ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  // Before answering, so a late subscriber starts from the run as it is, never blank and never behind a push.
  await sendTo([server], env, accountId);
  return new Response(null, { status: 101, webSocket: client });
}

/** Sends the account's run (`runId`, else its newest) to every subscriber; nothing when nobody watches. */
export async function pushProgress(ctx: DurableObjectState, env: Env, runId?: string): Promise<void> {
  const sockets = ctx.getWebSockets();
  const first = sockets[0];
  if (!first) return;
  const { accountId } = first.deserializeAttachment() as Subscriber;
  await sendTo(sockets, env, accountId, runId);
}

/** A subscriber asked again ("refresh"): sends it the account's run now. */
export async function answerSubscriber(
  ws: WebSocket,
  env: Env,
  message: string | ArrayBuffer,
): Promise<void> {
  if (message !== "refresh") return;
  const { accountId } = ws.deserializeAttachment() as Subscriber;
  await sendTo([ws], env, accountId);
}

async function sendTo(sockets: WebSocket[], env: Env, accountId: string, runId?: string): Promise<void> {
  try {
    // A bad configuration throws a ConfigError naming the variable, logged below.
    const db = databaseFor(configFromEnv(env));
    const allowed = await stillAllowed(db, sockets);
    if (allowed.length === 0) return;
    const text = JSON.stringify(await readProgress(db, accountId, runId));
    for (const socket of allowed) {
      try {
        socket.send(text);
      } catch {
        // A socket closing meanwhile: its close handler forgets it.
      }
    }
  } catch (error) {
    // Progress must never fail the step that reports it: the dashboard falls back to polling.
    console.error(JSON.stringify({ level: "warn", accountId, error: `progress not sent: ${String(error)}` }));
  }
}

/** The sockets whose credential is still live; the others are closed with CREDENTIAL_REVOKED. */
async function stillAllowed(db: Database, sockets: WebSocket[]): Promise<WebSocket[]> {
  const subscribers = sockets.map((socket) => ({
    socket,
    ...(socket.deserializeAttachment() as Subscriber),
  }));
  const result = await db.execute(
    liveCredentialsSql(
      subscribers.flatMap((s) => (s.sessionTokenHash ? [s.sessionTokenHash] : [])),
      subscribers.flatMap((s) => (s.apiKeyId ? [s.apiKeyId] : [])),
    ),
  );
  const live = new Set((result.rows as { credential: string }[]).map((row) => String(row.credential)));
  const allowed: WebSocket[] = [];
  for (const s of subscribers) {
    if (live.has(s.sessionTokenHash ?? "") || live.has(s.apiKeyId ?? "")) {
      allowed.push(s.socket);
      continue;
    }
    try {
      s.socket.close(CREDENTIAL_REVOKED.code, CREDENTIAL_REVOKED.reason);
    } catch {
      // Already closed.
    }
  }
  return allowed;
}

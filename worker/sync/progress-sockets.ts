// The SyncCoordinator's side of live progress: dashboards subscribe over a hibernatable WebSocket (the object
// sleeps between steps without dropping them), get the account's run at once on connect, and then every change
// a step, a retry or the run's end brings. Only read from the run log when someone is watching.
import { configFromEnv } from "../config";
import { databaseFor } from "../db";
import { readProgress } from "./progress";

/** What each socket remembers across the object's hibernation. */
interface Subscriber {
  accountId: string;
}

/** Header the progress route sets on the upgrade it forwards: the account the object coordinates. */
export const ACCOUNT_HEADER = "X-Account-Id";

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
  if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || !accountId)
    return new Response("expected a WebSocket upgrade for an account", { status: 426 });
  const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
  ctx.acceptWebSocket(server);
  server.serializeAttachment({ accountId } satisfies Subscriber);
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
    const text = JSON.stringify(await readProgress(databaseFor(configFromEnv(env)), accountId, runId));
    for (const socket of sockets) {
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

// GET /api/accounts/{id}/progress (viewer): the account's run as it goes. With `Upgrade: websocket` the request
// becomes a subscription to the account's SyncCoordinator, which sends the run at once and then every change
// (pages, rows, phase, retries, the outcome) as a JSON ProgressEvent; without it, the same event once as JSON
// (the dashboard's fallback while its socket is down). Another organization's account is a 404 either way.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { marketplaceAccounts } from "../../db/schema";
import { NoQuery, UuidParam } from "../api/common";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { RunSchema } from "../api/schemas/runs";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { coordinatorFor } from "../sync/coordinator";
import { readProgress } from "../sync/progress";
import { ACCOUNT_HEADER, API_KEY_HEADER, SESSION_HEADER } from "../sync/progress-sockets";

const ProgressEventSchema = z
  .object({
    type: z.literal("run"),
    accountId: z.uuid(),
    run: RunSchema.nullable().openapi({ description: "The account's newest run; null before its first" }),
  })
  .openapi("ProgressEvent");

const progressRoute = createRoute({
  method: "get",
  operationId: "getAccountProgress",
  path: "/api/accounts/{id}/progress",
  tags: ["accounts"],
  summary: "The account's run progress: a WebSocket of ProgressEvents, or the current one as JSON",
  description:
    "Send `Upgrade: websocket` to subscribe: the first message is the account's run now, then one message per " +
    "change (each step, a retry, the run's end), each a ProgressEvent as JSON text. Send the text `ping` to " +
    "keep the socket open (answered `pong`) or `refresh` to get the current event again. Without the upgrade, " +
    "answers the current event once. Authenticated like every operation (session cookie or API key); a browser " +
    "upgrade from another origin is refused (403).",
  security: AUTHENTICATED,
  request: { params: UuidParam, query: NoQuery },
  responses: {
    101: { description: "Switched to a WebSocket carrying ProgressEvent messages" },
    200: jsonContent(ProgressEventSchema, "The account's run now"),
    ...errorResponses(400, 404),
  },
});

/** A browser's socket may come only from the dashboard's own origin or an allowed one (no cross-site hijacking). */
function originAllowed(origin: string | undefined, requestUrl: string, allowed: string[]): boolean {
  return origin === undefined || origin === new URL(requestUrl).origin || allowed.includes(origin);
}

export function registerAccountProgress(app: OpenAPIHono<AppEnv>): void {
  app.openapi(progressRoute, async (c) => {
    const accountId = c.req.valid("param").id;
    const [account] = await c.var.db
      .select({ id: marketplaceAccounts.id })
      .from(marketplaceAccounts)
      .where(
        and(eq(marketplaceAccounts.id, accountId), eq(marketplaceAccounts.orgId, c.get("principal").orgId)),
      );
    if (!account) throw new ApiError("NOT_FOUND", "id: no such account in your organization");
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      c.header("Cache-Control", "no-store");
      return c.json(await readProgress(c.var.db, accountId), 200);
    }
    if (!originAllowed(c.req.header("Origin"), c.req.url, c.var.config.corsOrigins))
      throw new ApiError("FORBIDDEN", "Origin: not allowed to subscribe to this account's progress");
    const upgrade = new Request(c.req.raw);
    upgrade.headers.set(ACCOUNT_HEADER, accountId);
    // The coordinator checks the credential before each push and closes the socket once it is revoked.
    const principal = c.get("principal");
    upgrade.headers.delete(SESSION_HEADER);
    upgrade.headers.delete(API_KEY_HEADER);
    if (principal.sessionTokenHash) upgrade.headers.set(SESSION_HEADER, principal.sessionTokenHash);
    if (principal.apiKeyId) upgrade.headers.set(API_KEY_HEADER, principal.apiKeyId);
    const answer = await coordinatorFor(c.env, accountId).fetch(upgrade);
    if (!answer.webSocket) return answer as never;
    // A fresh response: the coordinator's has immutable headers, which the middleware adds to.
    return new Response(null, { status: 101, webSocket: answer.webSocket }) as never;
  });
}

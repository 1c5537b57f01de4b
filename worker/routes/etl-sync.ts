// POST /api/etl/sync (operator): starts a sync run now for one account or every enabled account of the
// caller's organization. Each account's coordinator refuses a second run while one is active; the answer
// says, per account, which run started or which active run refused it.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { marketplaceAccounts } from "../../db/schema";
import { RUN_KINDS } from "../../db/schema/enums";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { type SyncOutcome, SyncOutcomeSchema } from "../api/schemas/runs";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/require-role";
import { startRun, startRunsForEnabledAccounts } from "../sync/start-run";

const SyncRequest = z
  .object({
    accountId: z.uuid().optional(),
    kind: z.enum(RUN_KINDS).default("incremental"),
    /** Who asked: the dashboard and the CLI say so; anything else is the API. */
    trigger: z.enum(["api", "cli", "dashboard"]).default("api"),
  })
  .openapi("SyncRequest");

const syncRoute = createRoute({
  method: "post",
  operationId: "startSync",
  path: "/api/etl/sync",
  tags: ["runs"],
  summary: "Start a sync run now (operator)",
  security: AUTHENTICATED,
  middleware: [requireRole("operator")],
  "x-required-role": "operator",
  request: { body: { content: { "application/json": { schema: SyncRequest } }, required: false } },
  responses: {
    202: jsonContent(z.object({ runs: z.array(SyncOutcomeSchema) }), "Started or refused, per account"),
    ...errorResponses(...BODY_ERRORS, 404),
  },
});

export function registerEtlSync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(syncRoute, async (c) => {
    // The body is optional: an empty one syncs every enabled account incrementally.
    const parsed = SyncRequest.safeParse((await c.req.json().catch(() => ({}))) ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError("BAD_REQUEST", `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    const body = parsed.data;
    const orgId = c.get("principal").orgId;
    const db = c.var.db;
    let runs: SyncOutcome[];
    if (body.accountId) {
      const [account] = await db
        .select({ id: marketplaceAccounts.id, enabled: marketplaceAccounts.enabled })
        .from(marketplaceAccounts)
        .where(and(eq(marketplaceAccounts.id, body.accountId), eq(marketplaceAccounts.orgId, orgId)));
      if (!account) throw new ApiError("NOT_FOUND", "accountId: no such account in your organization");
      if (!account.enabled) throw new ApiError("BAD_REQUEST", "accountId: the account is disabled");
      runs = [
        await startRun(c.env, db, { orgId, accountId: account.id, kind: body.kind, trigger: body.trigger }),
      ];
    } else {
      runs = await startRunsForEnabledAccounts(c.env, db, body.kind, body.trigger, orgId);
    }
    c.header("Cache-Control", "no-store");
    return c.json({ runs }, 202);
  });
}

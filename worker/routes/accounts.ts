// GET /api/accounts (viewer): the organization's marketplace accounts with their data freshness: when
// the last successful run finished and how old that is, how the last finished run ended, and the run in
// progress with its pages and counts; for an admin also each account's adapters and credentials as
// GET /api/accounts/{id} shows them, so Settings lists every account in one request. Not KV-cached: a run in
// progress changes it without bumping the data version, and it is one small indexed statement.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { accountsForAdmin } from "../../db/queries/account-admin";
import { type AccountFreshnessRow, accountsWithFreshness } from "../../db/queries/accounts";
import { MARKETPLACES, RUN_KINDS, RUN_STATUSES, RUN_TRIGGERS } from "../../db/schema/enums";
import { adminView } from "../accounts/admin-view";
import { NoQuery } from "../api/common";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { AccountAdminSchema } from "../api/schemas/account-admin";
import { RUN_COUNTS } from "../api/schemas/runs";
import { roleAtLeast } from "../auth/principal";
import type { AppEnv } from "../context";

const AccountSchema = z
  .object({
    id: z.uuid(),
    marketplace: z.enum(MARKETPLACES),
    name: z.string(),
    enabled: z.boolean(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
    lastSuccess: z
      .object({
        runId: z.uuid(),
        kind: z.enum(RUN_KINDS),
        startedAt: z.string(),
        finishedAt: z.string(),
        ageSeconds: z.number().int().openapi({ description: "Seconds since that run finished" }),
      })
      .nullable()
      .openapi({ description: "The newest succeeded run; null before the first one" }),
    lastRun: z
      .object({
        runId: z.uuid(),
        status: z.enum(RUN_STATUSES),
        finishedAt: z.string().nullable(),
        error: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "The newest finished run, whatever its outcome (failed, partial, …)" }),
    activeRun: z
      .object({
        runId: z.uuid(),
        kind: z.enum(RUN_KINDS),
        trigger: z.enum(RUN_TRIGGERS),
        status: z.enum(RUN_STATUSES),
        startedAt: z.string(),
        pagesDone: z.number().int(),
        ...RUN_COUNTS,
      })
      .nullable()
      .openapi({ description: "The run in progress; null when none" }),
    adapters: AccountAdminSchema.shape.adapters
      .optional()
      .openapi({ description: "Admins only: the configured adapters, as GET /api/accounts/{id} shows them" }),
    credentials: AccountAdminSchema.shape.credentials.optional().openapi({
      description:
        "Admins only: whether set, Ozon's Client-Id and the key's last 4, as GET /api/accounts/{id}",
    }),
  })
  .openapi("Account");

const listRoute = createRoute({
  method: "get",
  operationId: "listAccounts",
  path: "/api/accounts",
  tags: ["accounts"],
  summary:
    "Marketplace accounts with the last successful run, its age and the run in progress; for an admin, their adapters and masked credentials",
  security: AUTHENTICATED,
  request: { query: NoQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(AccountSchema), now: z.string() }).openapi("Accounts"),
      "Accounts by marketplace and name",
    ),
    ...errorResponses(400),
  },
});

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export function toAccount(row: AccountFreshnessRow, now: Date): z.infer<typeof AccountSchema> {
  const successAt = row.success_finished_at === null ? null : new Date(row.success_finished_at);
  return {
    id: row.id,
    marketplace: row.marketplace,
    name: row.name,
    enabled: row.enabled,
    createdAt: iso(row.created_at),
    disabledAt: isoOrNull(row.disabled_at),
    lastSuccess:
      row.success_id === null || successAt === null
        ? null
        : {
            runId: row.success_id,
            kind: row.success_kind as NonNullable<AccountFreshnessRow["success_kind"]>,
            startedAt: iso(row.success_started_at as string),
            finishedAt: successAt.toISOString(),
            ageSeconds: Math.max(0, Math.floor((now.getTime() - successAt.getTime()) / 1000)),
          },
    lastRun:
      row.last_id === null
        ? null
        : {
            runId: row.last_id,
            status: row.last_status as NonNullable<AccountFreshnessRow["last_status"]>,
            finishedAt: isoOrNull(row.last_finished_at),
            error: row.last_error,
          },
    activeRun:
      row.active_id === null
        ? null
        : {
            runId: row.active_id,
            kind: row.active_kind as NonNullable<AccountFreshnessRow["active_kind"]>,
            trigger: row.active_trigger as NonNullable<AccountFreshnessRow["active_trigger"]>,
            status: row.active_status as NonNullable<AccountFreshnessRow["active_status"]>,
            startedAt: iso(row.active_started_at as string),
            pagesDone: Number(row.active_pages_done ?? 0),
            extracted: Number(row.active_extracted ?? 0),
            validated: Number(row.active_validated ?? 0),
            normalized: Number(row.active_normalized ?? 0),
            inserted: Number(row.active_inserted ?? 0),
            updated: Number(row.active_updated ?? 0),
            failed: Number(row.active_failed ?? 0),
          },
  };
}

export function registerAccounts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { orgId, role } = c.get("principal");
    const [rows, adminRows] = await Promise.all([
      accountsWithFreshness(c.var.db, orgId),
      roleAtLeast(role, "admin") ? accountsForAdmin(c.var.db, orgId) : [],
    ]);
    const views = new Map(
      await Promise.all(
        adminRows.map(async (row) => [row.id, await adminView(row, c.var.config.credentialsKey)] as const),
      ),
    );
    const now = new Date();
    const items = rows.map((row) => {
      const view = views.get(row.id);
      const account = toAccount(row, now);
      return view ? { ...account, adapters: view.adapters, credentials: view.credentials } : account;
    });
    c.header("Cache-Control", "private, no-cache");
    return c.json({ items, now: now.toISOString() }, 200);
  });
}

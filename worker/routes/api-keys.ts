// API keys (admin): create (the key is in this one answer only; stored hashed), list, revoke.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createApiKey, listApiKeys, revokeApiKey } from "../../db/queries/api-keys";
import { ROLES } from "../../db/schema/enums";
import { NoQuery, text, UuidParam } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { ApiKeySchema } from "../api/schemas/organization";
import { issueApiKey } from "../auth/api-key-format";
import { principalCache } from "../auth/principal-cache";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/require-role";

const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The secret; shown only in this answer" }),
}).openapi("CreatedApiKey");

const CreateApiKeyBody = z
  .strictObject({ name: text().trim().min(1).max(100), role: z.enum(ROLES).default("viewer") })
  .openapi("CreateApiKeyRequest");

type KeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
const toJson = (row: KeyRow) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const admin = [requireRole("admin")];

const createKeyRoute = createRoute({
  method: "post",
  operationId: "createApiKey",
  path: "/api/api-keys",
  tags: ["api keys"],
  summary: "Create an API key (admin); the key is shown once",
  security: AUTHENTICATED,
  middleware: admin,
  "x-required-role": "admin",
  request: { body: { content: { "application/json": { schema: CreateApiKeyBody } }, required: true } },
  responses: { 201: jsonContent(CreatedApiKeySchema, "Created"), ...errorResponses(...BODY_ERRORS) },
});

const listKeysRoute = createRoute({
  method: "get",
  operationId: "listApiKeys",
  path: "/api/api-keys",
  tags: ["api keys"],
  summary: "List the organization's API keys (admin)",
  security: AUTHENTICATED,
  middleware: admin,
  "x-required-role": "admin",
  request: { query: NoQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(ApiKeySchema) }), "Keys, newest first"),
    ...errorResponses(400, 403),
  },
});

const revokeKeyRoute = createRoute({
  method: "delete",
  operationId: "revokeApiKey",
  path: "/api/api-keys/{id}",
  tags: ["api keys"],
  summary: "Revoke an API key (admin)",
  security: AUTHENTICATED,
  middleware: admin,
  "x-required-role": "admin",
  request: { params: UuidParam },
  responses: { 200: jsonContent(ApiKeySchema, "Revoked"), ...errorResponses(400, 403, 404) },
});

export function registerApiKeys(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createKeyRoute, async (c) => {
    const { name, role } = c.req.valid("json");
    const principal = c.get("principal");
    if (role === "admin" && principal.via !== "session") {
      throw new ApiError("FORBIDDEN", "role: only a signed-in admin may create admin keys");
    }
    const issued = await issueApiKey();
    const row = await createApiKey(c.var.db, principal.orgId, {
      name,
      role,
      prefix: issued.prefix,
      keyHash: issued.keyHash,
      createdBy: principal.userId,
    });
    c.header("Cache-Control", "no-store");
    return c.json({ ...toJson(row), key: issued.key }, 201);
  });

  app.openapi(listKeysRoute, async (c) => {
    const rows = await listApiKeys(c.var.db, c.get("principal").orgId);
    return c.json({ items: rows.map(toJson) }, 200);
  });

  app.openapi(revokeKeyRoute, async (c) => {
    const row = await revokeApiKey(c.var.db, c.get("principal").orgId, c.req.valid("param").id);
    if (!row) throw new ApiError("NOT_FOUND", "id: no active API key with this id in your organization");
    principalCache.forgetApiKey(row.id);
    return c.json(toJson(row), 200);
  });
}

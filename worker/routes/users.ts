// Users of the organization (admin): list, invite (with a password, or without one: then an initial password
// is made and shown once in the answer, for the admin to hand over), change name / role / password or
// disable (which ends the user's sessions). An admin cannot demote or disable themselves, so an organization
// keeps an admin.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createUser, findUserRole, listUsers, updateUser } from "../../db/queries/users";
import { ROLES } from "../../db/schema/enums";
import { NoQuery, text, UuidParam } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { hashPassword } from "../auth/password";
import type { Principal } from "../auth/principal";
import { principalCache } from "../auth/principal-cache";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/require-role";

const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi("User");

const Password = z.string().min(10, "at least 10 characters").max(200);

// Strict: a misspelt or unknown key is refused by name instead of silently dropped.
const CreateUserBody = z
  .strictObject({
    email: z.email().max(320),
    name: text().trim().max(200).default(""),
    role: z.enum(ROLES),
    password: Password.optional().openapi({
      description: "Absent: an initial password is made and answered once as initialPassword",
    }),
  })
  .openapi("CreateUserRequest");

const CreatedUserSchema = UserSchema.extend({
  initialPassword: z.string().optional().openapi({
    description: "Only when the request gave no password: shown this once, never stored in clear",
  }),
}).openapi("CreatedUser");

/** 16 characters from an alphabet without look-alikes (0/O, 1/l/I): about 90 bits, easy to read out. */
function initialPassword(): string {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 256 % 55 leaves a bias of under 0.4 % per character: immaterial next to 90 bits.
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

const UpdateUserBody = z
  .strictObject({
    name: text().trim().max(200).optional(),
    role: z.enum(ROLES).optional(),
    password: Password.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: "give at least one of name, role, password or disabled",
  })
  .openapi("UpdateUserRequest");

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
const toJson = (row: UserRow) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  disabledAt: row.disabledAt?.toISOString() ?? null,
});

const admin = [requireRole("admin")];

/**
 * Admin accounts are made and changed only by an admin signed in with a password, never by an API key:
 * else an admin key could create an admin user (or set an admin's password), sign in as them and make
 * itself an admin key, which api-keys.ts refuses to keys.
 */
function requireSignedInAdmin(principal: Principal): void {
  if (principal.via !== "session") {
    throw new ApiError(
      "FORBIDDEN",
      "role: only an admin signed in with a password may create or change admins",
    );
  }
}

const listRoute = createRoute({
  method: "get",
  operationId: "listUsers",
  path: "/api/users",
  tags: ["users"],
  summary: "List the organization's users (admin)",
  security: AUTHENTICATED,
  middleware: admin,
  "x-required-role": "admin",
  request: { query: NoQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(UserSchema) }), "Users by email"),
    ...errorResponses(400, 403),
  },
});

const createUserRoute = createRoute({
  method: "post",
  operationId: "createUser",
  path: "/api/users",
  tags: ["users"],
  summary: "Add a user to the organization (admin)",
  security: AUTHENTICATED,
  middleware: admin,
  "x-required-role": "admin",
  request: { body: { content: { "application/json": { schema: CreateUserBody } }, required: true } },
  responses: { 201: jsonContent(CreatedUserSchema, "Created"), ...errorResponses(...BODY_ERRORS, 409) },
});

const updateRoute = createRoute({
  method: "patch",
  operationId: "updateUser",
  path: "/api/users/{id}",
  tags: ["users"],
  summary: "Change a user's name, role or password, or disable them (admin)",
  security: AUTHENTICATED,
  middleware: admin,
  "x-required-role": "admin",
  request: {
    params: UuidParam,
    body: { content: { "application/json": { schema: UpdateUserBody } }, required: true },
  },
  responses: { 200: jsonContent(UserSchema, "Updated"), ...errorResponses(...BODY_ERRORS, 404) },
});

export function registerUsers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const rows = await listUsers(c.var.db, c.get("principal").orgId);
    return c.json({ items: rows.map(toJson) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const { password, ...user } = c.req.valid("json");
    if (user.role === "admin") requireSignedInAdmin(c.get("principal"));
    const made = password === undefined ? initialPassword() : undefined;
    const row = await createUser(c.var.db, c.get("principal").orgId, {
      ...user,
      passwordHash: await hashPassword(password ?? (made as string)),
    });
    if (!row) throw new ApiError("CONFLICT", "email: a user with this email already exists");
    c.header("Cache-Control", "no-store");
    return c.json({ ...toJson(row), ...(made === undefined ? {} : { initialPassword: made }) }, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { password, ...change } = c.req.valid("json");
    const principal = c.get("principal");
    if (id === principal.userId && change.disabled)
      throw new ApiError("BAD_REQUEST", "disabled: you cannot disable yourself", {}, { reason: "self" });
    if (id === principal.userId && change.role && change.role !== "admin")
      throw new ApiError("BAD_REQUEST", "role: you cannot demote yourself", {}, { reason: "self" });
    if (change.role === "admin") requireSignedInAdmin(principal);
    const passwordHash = password ? await hashPassword(password) : undefined;
    // A new password or disabling ends the user's sessions (the caller's own one stays when they change
    // their own password); this isolate's cached callers go at once (other isolates: principal-cache.ts).
    const keepSessionTokenHash = id === principal.userId ? principal.sessionTokenHash : null;
    const onlyNonAdmin = principal.via !== "session";
    const row = await updateUser(
      c.var.db,
      principal.orgId,
      id,
      { ...change, passwordHash },
      { keepSessionTokenHash, onlyNonAdmin },
    );
    if (!row) {
      if (onlyNonAdmin && (await findUserRole(c.var.db, principal.orgId, id)) === "admin")
        requireSignedInAdmin(principal);
      throw new ApiError("NOT_FOUND", "id: no user with this id in your organization");
    }
    principalCache.forgetUser(id);
    return c.json(toJson(row), 200);
  });
}

// Sign-in for the dashboard: POST /api/auth/login sets the session cookie, POST /api/auth/logout ends
// the session, GET /api/auth/me says who is signed in and for which organization.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createSession, deleteSession } from "../../db/queries/sessions";
import { findUserForLogin, upgradePasswordHash } from "../../db/queries/users";
import { ROLES } from "../../db/schema/enums";
import { NoQuery } from "../api/common";
import {
  AUTHENTICATED,
  BODY_ERRORS,
  errorResponses,
  jsonContent,
  PUBLIC,
  publicErrorResponses,
} from "../api/responses";
import { MeSchema } from "../api/schemas/organization";
import { randomToken, sha256Hex } from "../auth/encoding";
import { throttleSignIn } from "../auth/login-throttle";
import { hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { principalCache, sessionCacheKey } from "../auth/principal-cache";
import {
  clearSessionCookie,
  readSessionToken,
  SESSION_TTL_SECONDS,
  writeSessionCookie,
} from "../auth/session-cookie";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { clientIp } from "../middleware/rate-limit";

const LoginBody = z
  .object({ email: z.email().max(320), password: z.string().min(1).max(1000) })
  .openapi("LoginRequest");

const LoginResult = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
    orgId: z.uuid(),
  })
  .openapi("LoginResult");

// Compared against when the email is unknown, so both paths cost one hash (current parameters) alike.
let decoyHash: Promise<string> | undefined;

const loginRoute = createRoute({
  method: "post",
  operationId: "login",
  path: "/api/auth/login",
  tags: ["auth"],
  summary: "Sign in with email and password; sets the HttpOnly session cookie",
  security: PUBLIC,
  request: { body: { content: { "application/json": { schema: LoginBody } }, required: true } },
  description:
    "Failed sign-ins are throttled per email and per client IP: after 5 failures for one email (20 for one IP) " +
    "each further failure locks it for twice as long as the last, from 1 s up to 15 min, unknown emails alike. " +
    "While locked the password is not checked and the answer is 429 with Retry-After (seconds); a success " +
    "clears the email's count.",
  responses: { 200: jsonContent(LoginResult, "Signed in"), ...publicErrorResponses(...BODY_ERRORS, 401) },
});

const logoutRoute = createRoute({
  method: "post",
  operationId: "logout",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "End the current session and clear its cookie",
  security: PUBLIC,
  responses: {
    204: { description: "Signed out (also when no session was open)" },
    ...publicErrorResponses(),
  },
});

const meRoute = createRoute({
  method: "get",
  operationId: "getMe",
  path: "/api/auth/me",
  tags: ["auth"],
  summary: "The signed-in user or API key, its role and organization",
  security: AUTHENTICATED,
  request: { query: NoQuery },
  responses: { 200: jsonContent(MeSchema, "The caller"), ...errorResponses(400) },
});

export function registerAuth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const db = c.var.db;
    const attempt = await throttleSignIn(db, { email, ip: clientIp(c.req.raw.headers) }, c.var.clock());
    const user = await findUserForLogin(db, email);
    decoyHash ??= hashPassword("decoy-password");
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !valid || user.disabledAt) {
      await attempt.failed();
      throw new ApiError("UNAUTHORIZED", "Email or password is wrong");
    }
    await attempt.succeeded();
    // A hash made with older parameters is upgraded now, while the password is at hand.
    if (needsRehash(user.passwordHash)) {
      await upgradePasswordHash(db, user.id, user.passwordHash, await hashPassword(password));
    }
    const token = randomToken(32);
    await createSession(db, {
      tokenHash: await sha256Hex(token),
      userId: user.id,
      orgId: user.orgId,
      expiresAt: new Date(c.var.clock().getTime() + SESSION_TTL_SECONDS * 1000),
      ip: clientIp(c.req.raw.headers),
      userAgent: c.req.header("User-Agent")?.slice(0, 500) ?? null,
    });
    await writeSessionCookie(c, token);
    c.header("Cache-Control", "no-store");
    return c.json(
      { user: { id: user.id, email: user.email, name: user.name, role: user.role }, orgId: user.orgId },
      200,
    );
  });

  app.openapi(logoutRoute, async (c) => {
    const token = await readSessionToken(c);
    if (token) {
      const tokenHash = await sha256Hex(token);
      principalCache.forget(sessionCacheKey(tokenHash));
      await deleteSession(c.var.db, tokenHash);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(meRoute, (c) => {
    const principal = c.get("principal");
    const organization = c.get("organization");
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        via: principal.via,
        role: principal.role,
        user: principal.userId ? { id: principal.userId, email: principal.email ?? "" } : null,
        apiKeyId: principal.apiKeyId,
        organization: { id: organization.id, name: organization.name, dataVersion: organization.dataVersion },
      },
      200,
    );
  });
}

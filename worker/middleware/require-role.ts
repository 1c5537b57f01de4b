// Route guard for roles: viewer reads, operator syncs and maps warehouses, admin manages users, keys
// and settings. Use in a route's `middleware` so the 403 comes before input validation.
import type { MiddlewareHandler } from "hono";
import type { Role } from "../../db/schema/enums";
import { roleAtLeast } from "../auth/principal";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

export function requireRole(needed: Role): MiddlewareHandler<AppEnv> {
  return async function requireRoleMiddleware(c, next) {
    const principal = c.get("principal");
    if (!principal) throw new ApiError("UNAUTHORIZED", "Sign in (session cookie) or send an API key");
    if (!roleAtLeast(principal.role, needed)) {
      throw new ApiError("FORBIDDEN", `This needs the ${needed} role; you are ${principal.role}`);
    }
    await next();
  };
}
